// 首页: where a building's / household's QR code lands. Shows where "here" is and what one can do.
import { PAGES, pageUrl } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { BuildingView, HouseholdView, Profile, SceneTarget } from '@/contract/account'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { currentBuilding } from '@/services/current-building'
import { FEATURES, tileVisible, type HubContext } from '@/hub'
import { activityOfScan, readActivityScene, readScene, sceneOfScan } from '@/services/scene'
import { Loading } from '@/components/loading'
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

export default function HomePage() {
  const [scanned, setScanned] = useState<SceneTarget | null>(null)
  const [scanFailed, setScanFailed] = useState(false)
  const [profile, setProfile] = useState<Profile | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [remembered, setRemembered] = useState<BuildingView | null>(null)
  // What waits on the tiles: unread messages; for handlers, suggestions to accept and overdue ones.
  const [badges, setBadges] = useState<Record<string, string[]>>({})

  const openScene = (scene: string) => {
    setScanFailed(false)
    accountService
      .resolveScene(scene)
      .then((target) => {
        setScanned(target)
        currentBuilding.set(target.building)
      })
      .catch(() => setScanFailed(true))
  }

  useLoad((options: Record<string, string | undefined>) => {
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
  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true }) // the default scanType reads mini-program codes too
      .then((res) => {
        const scene = sceneOfScan(res)
        const activityId = scene ? null : activityOfScan(res)
        if (scene) openScene(scene)
        else if (activityId) go(pageUrl('activityCheckIn', { id: activityId }))
        else void Taro.showToast({ title: '这不是楼栋信箱的二维码', icon: 'none', duration: 3000 })
      })
      .catch(() => undefined) // closed the camera
  }
  const canScan = process.env.TARO_ENV === 'weapp'

  const loadProfile = () => {
    setLoadFailed(false)
    setRemembered(currentBuilding.get())
    accountService
      .login()
      .then((p) => {
        setProfile(p)
        loadBadges(p)
      })
      .catch(() => setLoadFailed(true))
  }
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
  useDidShow(loadProfile)

  useShareAppMessage(() => ({ title: '民情速递站：有事说给社区听', path: PAGES.home }))

  const place: Place | null = scanned
    ? scanned.kind === 'household'
      ? placeOfHousehold(scanned.household, 'scan')
      : placeOfBuilding(scanned.building, 'scan')
    : profile?.household
      ? placeOfHousehold(profile.household, 'home')
      : remembered
        ? placeOfBuilding(remembered, 'remembered')
        : null

  const needsBinding = profile !== null && profile.household === null
  const bindUrl =
    scanned?.kind === 'household'
      ? `${BIND_PAGE}?scene=${encodeURIComponent(`h=${scanned.household.id}`)}`
      : place
        ? `${BIND_PAGE}?buildingId=${encodeURIComponent(place.buildingId)}`
        : BIND_PAGE
  const hub: HubContext = { profile, buildingId: place?.buildingId ?? null }

  return (
    <PageShell className="home">
      {place ? (
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
            <Text className="place__household">
              {place.household.unit}单元 {place.household.room}室
            </Text>
          )}
        </View>
      ) : scanFailed || loadFailed ? (
        <View className="card">
          <Text className="error-text">没能读到信息，请检查网络后再试</Text>
          <BigButton variant="plain" onClick={loadProfile}>
            重新加载
          </BigButton>
        </View>
      ) : profile?.community ? (
        // staff and other role holders who live elsewhere: their community is "here"
        <View className="card place" data-testid="place">
          <Text className="card__label">我的社区</Text>
          <Text className="place__community">{profile.community.street}</Text>
          <Text className="place__building">{profile.community.name}</Text>
        </View>
      ) : profile ? (
        <View className="card welcome">
          <Text className="welcome__title">您好！</Text>
          <Text className="welcome__text">
            请扫一扫楼道信箱上的二维码，或者先绑定您家的房屋，就能给社区提建议了。
          </Text>
          {canScan && (
            <BigButton variant="plain" onClick={scan}>
              扫一扫楼道二维码
            </BigButton>
          )}
        </View>
      ) : (
        <View className="card">
          <Loading />
        </View>
      )}

      {needsBinding && (
        <View className="bind-callout">
          <Text className="bind-callout__text">
            {scanned?.kind === 'household'
              ? '这是您家吗？绑定后就能用“我家”提建议、攒积分。'
              : '绑定您家的房屋，社区就知道是哪家的事。'}
          </Text>
          <BigButton onClick={() => go(bindUrl)}>绑定我家</BigButton>
        </View>
      )}

      <Text className="section-title">在这里可以</Text>
      {FEATURES.map((feature) => {
        const tiles = feature.tiles.filter((tile) => tileVisible(tile, profile))
        if (!tiles.length) return null
        return (
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
        )
      })}
    </PageShell>
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
