// 首页: where a building's / household's QR code lands. Shows where "here" is and what one can do.
import { PAGES, pageUrl } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad as useLoadPage, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { BuildingView, HouseholdView, Profile, SceneTarget } from '@/contract/account'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { currentBuilding } from '@/services/current-building'
import { FEATURES, hubSections, tileVisible, type HubContext } from '@/hub'
import { activityOfScan, readActivityScene, readScene, sceneOfScan } from '@/services/scene'
import { LoadState } from '@/components/load-state'
import { Loading } from '@/components/loading'
import { WhoToCall } from '@/components/who-to-call'
import { useLoad } from '@/hooks/use-load'
import './index.css'

export const BIND_PAGE = PAGES.bind

interface Place {
  buildingId: string
  street: string
  communityName: string
  estateName: string
  buildingName: string
  household: HouseholdView | null
  /** where this place came from: a code just scanned, my household, or remembered from before */
  source: 'scan' | 'home' | 'remembered'
}

function placeOfBuilding(b: BuildingView, source: Place['source']): Place {
  return {
    buildingId: b.id,
    street: b.street,
    communityName: b.communityName,
    estateName: b.estateName,
    buildingName: b.name,
    household: null,
    source,
  }
}

function placeOfHousehold(h: HouseholdView, source: Place['source']): Place {
  return {
    buildingId: h.buildingId,
    street: h.street,
    communityName: h.communityName,
    estateName: h.estateName,
    buildingName: h.buildingName,
    household: h,
    source,
  }
}

const go = (url: string) => void Taro.navigateTo({ url })

/** A code that was scanned, and what reading it gave (null while it is read). */
interface Scan {
  scene: string
  /** the code named something else than a building box or household card (read on the phone) */
  notOurs?: boolean
}

/** The building id a scene names outright (`b=LH-1`), for the offline fallback. */
const buildingIdOf = (scene: string) => (scene.startsWith('b=') ? scene.slice(2) : null)

export default function HomePage() {
  const [scan, setScan] = useState<Scan | null>(null)
  // The scanned code, read through the shared load hook: a failure stays on screen as an error
  // card with 重试, and the home page then never shows a building from before.
  const scanned = useLoad<SceneTarget>(() => Promise.reject(new Error('nothing scanned yet')), {
    onShow: false,
    fallback: '没能认出这个二维码，请检查网络后再试',
  })
  const me = useLoad(() => accountService.login({ silent: true }), {
    fallback: '没能读到信息，请检查网络后再试',
  })
  const profile = me.data
  const [remembered, setRemembered] = useState<BuildingView | null>(() => currentBuilding.get())
  // What waits on the tiles: unread messages; for handlers, suggestions to accept and overdue ones.
  const [badges, setBadges] = useState<Record<string, string[]>>({})

  const openScene = (scene: string) => {
    // A supervisor who scans a household card with WeChat's own camera records that household.
    if (scene.startsWith('h=')) {
      accountService
        .login({ silent: true })
        .then((p) => {
          if (p.roles.some((r) => r.role === 'supervisor')) {
            void Taro.navigateTo({ url: pageUrl('pointsRecord', { h: scene.slice(2) }) })
          } else resolve(scene)
        })
        .catch(() => resolve(scene))
      return
    }
    resolve(scene)
  }

  const resolve = (scene: string) => {
    setScan({ scene })
    scanned.reload(() =>
      accountService.resolveScene(scene, { silent: true }).then((target) => {
        currentBuilding.set(target.building)
        return target
      }),
    )
  }

  useLoadPage((options: Record<string, string | undefined>) => {
    // An activity's check-in code (a=<activityId>) goes on to its check-in page.
    const activityId = readActivityScene(options.scene)
    if (activityId) {
      void Taro.navigateTo({ url: pageUrl('activityCheckIn', { id: activityId }) })
      return
    }
    const scene = readScene(options.scene)
    if (scene) openScene(scene)
  })

  // For whoever opened the app from chat or 最近使用 and stands before the box's code.
  const scanCode = () => {
    Taro.scanCode({ onlyFromCamera: true }) // the default scanType reads mini-program codes too
      .then((res) => {
        const scene = sceneOfScan(res)
        const activityId = scene ? null : activityOfScan(res)
        if (scene) openScene(scene)
        else if (activityId) go(pageUrl('activityCheckIn', { id: activityId }))
        else setScan({ scene: '', notOurs: true })
      })
      .catch(() => undefined) // closed the camera
  }
  const canScan = process.env.TARO_ENV === 'weapp'

  // every tile that says what waits asks for its own figures, quietly: a failure shows no badge
  const loadBadges = (p: Profile) => {
    const ctx: HubContext = { profile: p, buildingId: null }
    for (const feature of FEATURES) {
      for (const tile of feature.tiles) {
        if (!tile.badges || !tileVisible(tile, p)) continue
        const key = `${feature.id}.${tile.id}`
        tile
          .badges(ctx)
          .then((words) => setBadges((b) => ({ ...b, [key]: words })))
          .catch(() => undefined)
      }
    }
  }
  useDidShow(() => setRemembered(currentBuilding.get()))
  useEffect(() => {
    if (profile) loadBadges(profile)
    // the badges follow each fresh read of the profile
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile])

  useShareAppMessage(() => ({ title: '民情速递站：有事说给社区听', path: PAGES.home }))

  const home = profile?.household ?? null
  // A scanned code that could not be read: the building it names, if this phone read that very
  // building before (a lost connection), else nothing — never another building.
  const scanId = scan && !scan.notOurs ? buildingIdOf(scan.scene) : null
  const offlineScan =
    scan && scanned.error && scanId && remembered?.id === scanId ? remembered : null
  const target = scanned.data
  const scanBroken = scan !== null && target === null && offlineScan === null
  const place: Place | null = scan
    ? target
      ? // my own household, or my own building: say 我家, with the room
        home &&
        (target.kind === 'household'
          ? target.household.id === home.id
          : target.building.id === home.buildingId)
        ? placeOfHousehold(home, 'home')
        : target.kind === 'household'
          ? placeOfHousehold(target.household, 'scan')
          : placeOfBuilding(target.building, 'scan')
      : offlineScan
        ? placeOfBuilding(offlineScan, 'scan')
        : null
    : home
      ? placeOfHousehold(home, 'home')
      : remembered
        ? placeOfBuilding(remembered, 'remembered')
        : null

  // not while a scanned code is still being read: the callout would miss its building
  const needsBinding =
    profile !== null && profile.household === null && !(scan && !scan.notOurs && scanned.loading)
  const bindUrl =
    target?.kind === 'household'
      ? `${BIND_PAGE}?scene=${encodeURIComponent(`h=${target.household.id}`)}`
      : place
        ? `${BIND_PAGE}?buildingId=${encodeURIComponent(place.buildingId)}`
        : BIND_PAGE
  const hub: HubContext = { profile, buildingId: place?.buildingId ?? null }
  const sections = hubSections(profile)

  return (
    <PageShell className="home">
      {scanBroken ? (
        <ScanError
          scan={scan}
          error={scanned.error}
          retry={() => scanned.reload()}
          canScan={canScan}
          onScan={scanCode}
        />
      ) : place ? (
        <View className="card place" data-testid="place">
          <Text className="card__label">
            {place.source === 'scan' ? '您扫的是' : place.source === 'home' ? '我家' : '您上次在'}
          </Text>
          <Text className="place__community">
            {place.street ? `${place.street} · ` : ''}
            {place.communityName}
          </Text>
          <Text className="place__building">
            {place.estateName} {place.buildingName}
          </Text>
          {place.household && (
            <Text className="place__household nobreak">
              {place.household.unit}单元 {place.household.room}室
            </Text>
          )}
          {offlineScan && (
            <Text className="place__offline">网络不好，先按这部手机上次读到的显示。</Text>
          )}
        </View>
      ) : profile === null ? (
        <LoadState load={me}>{() => null}</LoadState>
      ) : profile.community ? (
        // staff and other role holders who live elsewhere: their community is "here"
        <View className="card place" data-testid="place">
          <Text className="card__label">我的社区</Text>
          <Text className="place__community">{profile.community.street}</Text>
          <Text className="place__building">{profile.community.name}</Text>
        </View>
      ) : (
        <View className="card welcome">
          <Text className="welcome__title">您好！</Text>
          <Text className="welcome__text">
            请扫一扫楼道信箱上的二维码，或者先绑定您家的房屋，就能给社区提建议了。
          </Text>
          {canScan && (
            <BigButton variant="plain" onClick={scanCode}>
              扫一扫楼道二维码
            </BigButton>
          )}
        </View>
      )}

      {needsBinding && (
        <View className="bind-callout">
          <Text className="bind-callout__text">
            {target?.kind === 'household'
              ? '这是您家吗？绑定后就能用“我家”提建议、攒积分。'
              : '绑定您家的房屋，社区就知道是哪家的事。'}
          </Text>
          <BigButton onClick={() => go(bindUrl)}>绑定我家</BigButton>
        </View>
      )}

      {sections.work.length > 0 && (
        <View className="hub-feature" data-testid="hub-work">
          <Text className="section-title">我的工作台</Text>
          <View className="tiles">
            {sections.work.map(({ feature, tile }) => (
              <Tile
                key={`${feature.id}.${tile.id}`}
                title={tile.title}
                hint={tile.hint}
                badges={badges[`${feature.id}.${tile.id}`] ?? []}
                onClick={() => go(tile.url(hub))}
              />
            ))}
          </View>
        </View>
      )}

      <Text className="section-title">在这里可以</Text>
      {sections.features.map(({ feature, tiles }) => (
        <View key={feature.id} className="hub-feature" data-testid={`hub-${feature.id}`}>
          <Text className="hub-feature__name">{feature.name}</Text>
          <View className="tiles">
            {tiles.map((tile) => (
              <Tile
                key={tile.id}
                primary={tile.primary}
                title={tile.title}
                hint={tile.hint}
                badges={badges[`${feature.id}.${tile.id}`] ?? []}
                onClick={() => go(tile.url(hub))}
              />
            ))}
          </View>
        </View>
      ))}

      {place && !scanBroken && (
        <WhoToCall
          buildingId={place.buildingId}
          contact={target && place.source === 'scan' ? target.building.whoToCall : undefined}
        />
      )}
    </PageShell>
  )
}

interface ScanErrorProps {
  scan: Scan
  error: string | null
  retry: () => void
  canScan: boolean
  onScan: () => void
}

/** A code that names nothing we know, or could not be read: said plainly, and it stays. */
function ScanError({ scan, error, retry, canScan, onScan }: ScanErrorProps) {
  if (!scan.notOurs && !error) {
    return (
      <View className="card">
        <Loading what="二维码" />
      </View>
    )
  }
  return (
    <View className="card scan-error" data-testid="scan-error">
      <Text className="card__label">扫到的二维码</Text>
      <View className="error-text" ariaRole="alert">
        {scan.notOurs ? '这不是楼栋信箱的二维码' : error}
      </View>
      <Text className="scan-error__hint">
        请对准楼道信箱或户卡上的二维码再扫一次；扫不出来，请找楼里的民情速递员或社区。
      </Text>
      {!scan.notOurs && (
        <BigButton variant="plain" onClick={retry}>
          重试
        </BigButton>
      )}
      {canScan && (
        <BigButton variant="quiet" onClick={onScan}>
          再扫一次
        </BigButton>
      )}
    </View>
  )
}

interface TileProps {
  title: string
  hint: string
  /** what waits there, said in words (a red dot alone means nothing to many older residents) */
  badges?: string[]
  onClick: () => void
  primary?: boolean
}

function Tile({ title, hint, badges = [], onClick, primary }: TileProps) {
  return (
    <View
      className={primary ? 'tile tile--primary' : 'tile'}
      ariaRole="button"
      ariaLabel={badges.length ? `${title}，${badges.join('，')}` : title}
      onClick={onClick}
    >
      <Text className="tile__title">{title}</Text>
      {badges.length > 0 && (
        <View className="tile__badges">
          {badges.map((b) => (
            <Text key={b} className="tile__badge" data-testid="tile-badge">
              {b}
            </Text>
          ))}
        </View>
      )}
      <Text className="tile__hint">{hint}</Text>
    </View>
  )
}
