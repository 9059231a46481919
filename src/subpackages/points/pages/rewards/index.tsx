// 兑换奖品: the community's rewards (points, stock left, the monthly limit per household);
// 兑换 deducts points and stock together and shows a pickup code (six digits and a QR code) that
// stays on screen; open codes can be cancelled before pickup, and the points come back.
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { REDEMPTION_LABELS, type RedemptionView, type RewardView } from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { ListFooter } from '@/components/list-footer'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { usePaged } from '@/hooks/use-paged'
import { errorMessage } from '@/services/cloud'
import { imageUrl } from '@/services/image-url'
import { newClientId, pointsService } from '@/services/points'
import '../../points.css'

function CodeCard({ r, onCancel }: { r: RedemptionView; onCancel?: () => void }) {
  return (
    <View className="card" data-testid="pickup">
      <Text className="card__label">
        {r.rewardName} · {r.points} 分 · {REDEMPTION_LABELS[r.status]}
      </Text>
      {r.status === 'open' ? (
        <>
          <Text className="pts-line">到社区服务站出示取货码领取：</Text>
          <Text className="pts-code" data-testid="code">
            {r.code}
          </Text>
          {r.qr && <Image className="pts-qr" src={r.qr} mode="aspectFit" />}
          <Text className="pts-line muted">
            {dayjs(r.expiresAt).format('M月D日')}前有效，过期未领积分自动退回
          </Text>
          {onCancel && (
            <BigButton variant="quiet" onClick={onCancel}>
              取消兑换，退回积分
            </BigButton>
          )}
        </>
      ) : (
        <Text className="pts-line muted">
          {r.closedAt ? dayjs(r.closedAt).format('M月D日 HH:mm') : ''} {REDEMPTION_LABELS[r.status]}
        </Text>
      )}
    </View>
  )
}

export default function RewardsPage() {
  const rewards = useLoad(() => pointsService.rewards({ silent: true }), {
    fallback: '没能读到奖品',
  })
  const balance = useLoad(() => pointsService.summary({}, { silent: true }).then((s) => s.balance))
  const mine = usePaged<RedemptionView>((cursor) =>
    pointsService.redemptions({ cursor, limit: 10 }, { silent: true }),
  )
  useDidShow(() => mine.reload())
  const [just, setJust] = useState<RedemptionView | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // one token per reward until it succeeds: a retried tap redeems once
  const tokens = useRef(new Map<string, string>())

  const redeem = async (r: RewardView) => {
    const { confirm } = await Taro.showModal({
      title: `兑换 ${r.name}`,
      content: `要用 ${r.points} 积分兑换吗？`,
      confirmText: '兑换',
      cancelText: '再想想',
    })
    if (!confirm) return
    const token = tokens.current.get(r.id) ?? newClientId()
    tokens.current.set(r.id, token)
    setBusy(r.id)
    setError(null)
    pointsService
      .redeem({ rewardId: r.id, clientToken: token }, { silent: true })
      .then((got) => {
        tokens.current.delete(r.id)
        setJust(got)
        rewards.reload()
        balance.reload()
        mine.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没能兑换，请再试一次')))
      .finally(() => setBusy(null))
  }

  const cancel = async (r: RedemptionView) => {
    const { confirm } = await Taro.showModal({
      title: '取消兑换',
      content: `取消后退回 ${r.points} 积分`,
      confirmText: '取消兑换',
      cancelText: '不取消',
    })
    if (!confirm) return
    pointsService
      .cancelRedemption(r.id, { silent: true })
      .then((next) => {
        if (just?.id === next.id) setJust(next)
        rewards.reload()
        balance.reload()
        mine.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没能取消')))
  }

  return (
    <PageShell className="pts-rewards">
      {balance.data !== null && (
        <View className="card">
          <Text className="pts-hero" data-testid="balance">
            我家积分 {balance.data}
          </Text>
        </View>
      )}
      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}
      {just && <CodeCard r={just} onCancel={() => void cancel(just)} />}
      <LoadState
        load={rewards}
        what="奖品"
        empty={(list) => (list.length ? null : <Text className="muted">社区还没有上架奖品</Text>)}
      >
        {(list) => (
          <View data-testid="rewards">
            {list.map((r) => {
              const limitLeft = r.monthlyLimit ? r.monthlyLimit - r.redeemedThisMonth : Infinity
              const enough = balance.data === null || balance.data >= r.points
              const why =
                r.stock <= 0
                  ? '已经兑完了'
                  : limitLeft <= 0
                    ? '本月已兑满'
                    : !enough
                      ? `还差 ${r.points - (balance.data ?? 0)} 分`
                      : null
              return (
                <View key={r.id} className="card" data-testid="reward">
                  {r.photo && (
                    <Image className="pts-photo" src={imageUrl(r.photo)} mode="aspectFit" />
                  )}
                  <View className="pts-row">
                    <Text className="section-title">{r.name}</Text>
                    <Text className="section-title pts-bad">{r.points} 分</Text>
                  </View>
                  {r.description ? <Text className="pts-line muted">{r.description}</Text> : null}
                  <Text className="pts-line">
                    还剩 {r.stock} 件
                    {r.monthlyLimit
                      ? ` · 每户每月限 ${r.monthlyLimit} 次（本月已兑 ${r.redeemedThisMonth}）`
                      : ''}
                  </Text>
                  <BigButton
                    disabled={why !== null}
                    busy={busy === r.id}
                    onClick={() => void redeem(r)}
                  >
                    {why ?? '兑换'}
                  </BigButton>
                </View>
              )
            })}
          </View>
        )}
      </LoadState>
      <Text className="section-title">我家的兑换</Text>
      {mine.items?.length === 0 && <Text className="muted">还没有兑换过</Text>}
      {mine.items
        ?.filter((r) => r.id !== just?.id)
        .map((r) => (
          <CodeCard key={r.id} r={r} onCancel={() => void cancel(r)} />
        ))}
      <ListFooter list={mine} />
    </PageShell>
  )
}
