// 绑定我家: pick building → unit → type the room; or confirm the household a card code names.
import { PAGES, pageUrl } from '@/contract/pages'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { HouseholdView } from '@/contract/account'
import { BuildingChooser, estatesOf } from '@/components/building-chooser'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { errorMessage, failedWith } from '@/services/cloud'
import { WhoToCall } from '@/components/who-to-call'
import { Loading } from '@/components/loading'
import { LoadState } from '@/components/load-state'
import { useLoad } from '@/hooks/use-load'
import './index.css'

export default function BindPage() {
  const { params } = useRouter()
  const cardScene = params.scene ? decodeURIComponent(params.scene) : null

  const dir = useLoad(() => accountService.directory({ silent: true }), {
    fallback: '没能读到楼栋名单，请检查网络后再试',
    onShow: false,
  })
  const directory = dir.data
  const [buildingId, setBuildingId] = useState<string | null>(params.buildingId ?? null)
  const [estateId, setEstateId] = useState<string | null>(null)
  const [choosingBuilding, setChoosingBuilding] = useState(!params.buildingId)
  const [unit, setUnit] = useState<number | null>(null)
  const [room, setRoom] = useState('')
  const [card, setCard] = useState<HouseholdView | null>(null)
  const [useCard, setUseCard] = useState(cardScene !== null)
  const [error, setError] = useState<string | null>(null)
  /** the household was not found: offer a way on instead of a dead end */
  const [unknownRoom, setUnknownRoom] = useState(false)
  const [busy, setBusy] = useState(false)
  /** bound: the confirmation stays until the resident goes on */
  const [bound, setBound] = useState<HouseholdView | null>(null)

  useEffect(() => {
    dir.reload()
    if (cardScene) {
      accountService
        .resolveScene(cardScene, { silent: true })
        .then((t) => {
          if (t.kind === 'household') setCard(t.household)
          else {
            setBuildingId(t.building.id)
            setChoosingBuilding(false)
            setUseCard(false)
          }
        })
        .catch(() => setUseCard(false))
    }
    // Runs once per page: the params are fixed for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const estates = directory ? estatesOf(directory) : []
  const building = estates.flatMap((e) => e.buildings).find((b) => b.id === buildingId) ?? null

  // A one-unit building needs no choice.
  useEffect(() => {
    if (building && building.units === 1) setUnit(1)
  }, [building])

  const bind = async (input: Parameters<typeof accountService.bindHousehold>[0]) => {
    setError(null)
    setUnknownRoom(false)
    setBusy(true)
    try {
      const profile = await accountService.bindHousehold(input, { silent: true })
      setBound(profile.household)
    } catch (err) {
      setError(errorMessage(err, '绑定没有成功，请稍后再试'))
      setUnknownRoom(failedWith(err, 'NOT_FOUND'))
    } finally {
      setBusy(false)
    }
  }

  if (bound) {
    return (
      <PageShell className="bind">
        <View className="card bind-done" data-testid="bind-done" ariaRole="status">
          <Text className="bind-done__title">✓ 绑定成功</Text>
          <Text className="card__label">我家</Text>
          <Text className="bind__household">
            {bound.estateName} {bound.buildingName}
          </Text>
          <Text className="bind-done__room nobreak">
            {bound.unit}单元 {bound.room}室
          </Text>
          <Text className="bind-done__text">以后提建议，社区就知道是您家的事。</Text>
        </View>
        <BigButton onClick={() => void Taro.switchTab({ url: PAGES.home })}>好的，回首页</BigButton>
      </PageShell>
    )
  }

  if (useCard && cardScene) {
    return (
      <PageShell className="bind">
        <View className="card">
          <Text className="card__label">户卡上的房屋</Text>
          {card ? <Text className="bind__household">{card.label}</Text> : <Loading />}
        </View>
        {error && (
          <View className="error-text" ariaRole="alert">
            {error}
          </View>
        )}
        <BigButton busy={busy} disabled={!card} onClick={() => void bind({ scene: cardScene })}>
          是的，这是我家
        </BigButton>
        <BigButton variant="quiet" onClick={() => setUseCard(false)}>
          不是，我自己选
        </BigButton>
      </PageShell>
    )
  }

  const ready = building !== null && unit !== null && room.trim() !== ''

  return (
    <PageShell className="bind">
      {building && !choosingBuilding ? (
        <>
          <Text className="section-title">第 1 步：您住哪栋楼</Text>
          <View className="card bind__chosen">
            <View>
              <Text className="card__label">{building.communityName}</Text>
              <Text className="bind__chosen-name">
                {building.estateName} {building.name}
              </Text>
            </View>
            <View
              className="bind__change"
              ariaRole="button"
              onClick={() => {
                setEstateId(building.estateId)
                setChoosingBuilding(true)
                setUnit(null)
              }}
            >
              换一栋
            </View>
          </View>
        </>
      ) : directory === null ? (
        <LoadState load={dir} what="楼栋">
          {() => null}
        </LoadState>
      ) : (
        <BuildingChooser
          directory={directory}
          heading={{ estate: '第 1 步：您住哪个小区', building: '第 1 步：您住哪栋楼' }}
          selectedId={buildingId}
          estateId={estateId}
          onChoose={(b) => {
            setBuildingId(b.id)
            setEstateId(b.estateId)
            setChoosingBuilding(false)
            setUnit(null)
            setError(null)
          }}
        />
      )}

      {building && !choosingBuilding && (
        <View>
          <Text className="section-title">第 2 步：几单元</Text>
          <View className="choice-grid">
            {Array.from({ length: building.units }, (_, i) => i + 1).map((n) => (
              <View
                key={n}
                className={n === unit ? 'choice choice--on' : 'choice'}
                ariaRole="button"
                ariaLabel={`${n}单元`}
                onClick={() => {
                  setUnit(n)
                  setError(null)
                }}
              >
                {n}单元
              </View>
            ))}
          </View>

          <Text className="section-title">第 3 步：房号</Text>
          <Input
            className="bind__room"
            type="number"
            maxlength={5}
            placeholder="例如 301"
            placeholderClass="bind__room-placeholder"
            value={room}
            onInput={(e) => {
              setRoom(e.detail.value)
              setError(null)
              setUnknownRoom(false)
            }}
            ariaLabel="房号"
          />
        </View>
      )}

      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}
      {unknownRoom && building && (
        <View className="bind-unknown" data-testid="bind-unknown">
          <Text className="bind-unknown__text">
            登记里没有这一户。可能是房号记错了，也可能是社区还没登记：请核对房号，或者问问社区。
          </Text>
          <WhoToCall buildingId={building.id} />
          <BigButton
            variant="plain"
            onClick={() =>
              void Taro.redirectTo({ url: pageUrl('submit', { buildingId: building.id }) })
            }
          >
            先不绑定，直接提建议
          </BigButton>
        </View>
      )}

      <BigButton
        busy={busy}
        disabled={!ready}
        onClick={() => {
          if (building && unit !== null)
            void bind({ buildingId: building.id, unit, room: room.trim() })
        }}
      >
        {ready ? '确认绑定' : '选好楼栋、单元，填上房号'}
      </BigButton>
    </PageShell>
  )
}
