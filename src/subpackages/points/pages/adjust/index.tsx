// 积分调整 (staff): add or take points from a household with a reason — a new ledger entry,
// never an edit — and every adjustment listed with who made it.
import { Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { AdjustmentView } from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { BuildingChooser, type BuildingChoice } from '@/components/building-chooser'
import { ListFooter } from '@/components/list-footer'
import { PageShell } from '@/components/page-shell'
import { usePaged } from '@/hooks/use-paged'
import { errorMessage } from '@/services/cloud'
import { newClientId, pointsService } from '@/services/points'
import '../../points.css'

export default function AdjustPage() {
  const list = usePaged<AdjustmentView>((cursor) =>
    pointsService.adjustments({ cursor, limit: 20 }, { silent: true }),
  )
  useDidShow(() => list.reload())
  const [building, setBuilding] = useState<BuildingChoice | null>(null)
  const [f, setF] = useState({ unit: '', room: '', delta: '', reason: '' })
  const [token, setToken] = useState(newClientId)
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = () => {
    const delta = Number(f.delta)
    if (!building || !f.unit || !f.room)
      return setMsg({ ok: false, text: '请选好楼栋，填上单元和房号' })
    if (!Number.isInteger(delta) || delta === 0)
      return setMsg({ ok: false, text: '调整积分请填非 0 的整数，扣分写负数' })
    if (f.reason.trim().length < 2) return setMsg({ ok: false, text: '请写明调整原因' })
    setBusy(true)
    pointsService
      .adjust(
        {
          householdId: `${building.id}-${f.unit}-${f.room}`,
          delta,
          reason: f.reason.trim(),
          clientToken: token,
        },
        { silent: true },
      )
      .then((r) => {
        setMsg({
          ok: true,
          text: `已调整 ${r.adjustment.householdLabel} ${delta > 0 ? '+' : ''}${delta} 分，现在 ${r.balance} 分`,
        })
        setF({ unit: '', room: '', delta: '', reason: '' })
        setToken(newClientId())
        list.reload()
      })
      .catch((err: unknown) => setMsg({ ok: false, text: errorMessage(err, '没能调整') }))
      .finally(() => setBusy(false))
  }

  const field = (key: keyof typeof f, label: string, number = true) => (
    <View className="pts-field">
      <Text className="pts-field__label">{label}</Text>
      <Input
        className="pts-input"
        type={number ? 'number' : 'text'}
        value={f[key]}
        onInput={(e) => setF((x) => ({ ...x, [key]: e.detail.value }))}
      />
    </View>
  )

  return (
    <PageShell className="pts-adjust">
      {msg && (
        <View className={msg.ok ? 'pts-done' : 'error-text'} ariaRole="alert">
          {msg.text}
        </View>
      )}
      <View className="card">
        {building ? (
          <View className="pts-list-item">
            <Text className="section-title">
              {building.estateName} {building.name}
            </Text>
            <BigButton variant="quiet" onClick={() => setBuilding(null)}>
              换一栋
            </BigButton>
          </View>
        ) : (
          <BuildingChooser
            heading={{ estate: '哪个小区的住户', building: '哪栋楼' }}
            onChoose={(b) => {
              setBuilding(b)
              setMsg(null)
            }}
          />
        )}
        <View className="pts-pad">
          {field('unit', '单元')}
          {field('room', '房号')}
        </View>
        <View className="pts-pad">{field('delta', '调整积分（扣分写负数，如 -3）', false)}</View>
        <View className="pts-pad">{field('reason', '原因（居民能在明细里看到）', false)}</View>
        <BigButton busy={busy} onClick={submit}>
          确认调整
        </BigButton>
      </View>
      <Text className="section-title">调整记录</Text>
      <View className="card">
        {list.items?.length === 0 && <Text className="muted">还没有调整过</Text>}
        {list.items?.map((a) => (
          <View key={a.id} className="pts-list-item">
            <View>
              <Text className="pts-line">
                {a.householdLabel.replace(/^\S+\s/, '')} · {a.reason}
              </Text>
              <Text className="pts-line muted">
                {dayjs(a.at).format('M月D日 HH:mm')} · {a.by}
              </Text>
            </View>
            <Text className={`section-title ${a.delta > 0 ? 'pts-ok' : 'pts-bad'}`}>
              {a.delta > 0 ? `+${a.delta}` : a.delta}
            </Text>
          </View>
        ))}
      </View>
      <ListFooter list={list} />
    </PageShell>
  )
}
