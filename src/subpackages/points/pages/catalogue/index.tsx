// 奖品管理 (staff): the points per correct day, and the reward catalogue — add, edit, restock,
// withdraw (下架) and put back (上架). Stock only grows here (补充库存); redemptions take it.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import * as v from 'valibot'
import { SaveRewardInput, type RewardView } from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '@/services/cloud'
import { pointsService } from '@/services/points'
import '../../points.css'

interface Form {
  id?: string
  name: string
  description: string
  points: string
  monthlyLimit: string
  restock: string
  active: boolean
}

const blank: Form = {
  name: '',
  description: '',
  points: '',
  monthlyLimit: '2',
  restock: '',
  active: true,
}
const formOf = (r: RewardView): Form => ({
  id: r.id,
  name: r.name,
  description: r.description,
  points: String(r.points),
  monthlyLimit: String(r.monthlyLimit),
  restock: '',
  active: r.active,
})

function Field(props: {
  label: string
  value: string
  onInput: (v: string) => void
  number?: boolean
  testId?: string
}) {
  return (
    <View className="pts-field" style={{ marginBottom: '16px' }}>
      <Text className="pts-field__label">{props.label}</Text>
      <Input
        className="pts-input"
        type={props.number ? 'number' : 'text'}
        value={props.value}
        data-testid={props.testId}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </View>
  )
}

export default function CataloguePage() {
  const rewards = useLoad(() => pointsService.rewards({ silent: true }), {
    fallback: '没能读到奖品',
  })
  const rules = useLoad(() => pointsService.rules({ silent: true }))
  const [form, setForm] = useState<Form | null>(null)
  const [perDay, setPerDay] = useState<string | null>(null)
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const save = (f: Form) => {
    const input = {
      ...(f.id ? { id: f.id } : {}),
      name: f.name,
      description: f.description,
      points: Number(f.points),
      monthlyLimit: Number(f.monthlyLimit || 0),
      restock: Number(f.restock || 0),
      active: f.active,
    }
    const checked = v.safeParse(SaveRewardInput, input)
    if (!checked.success) {
      setMsg({
        ok: false,
        text: /[\u4e00-\u9fa5]/.test(checked.issues[0].message)
          ? checked.issues[0].message
          : '请把内容填完整',
      })
      return
    }
    setBusy(true)
    pointsService
      .saveReward(checked.output, { silent: true })
      .then((r) => {
        setMsg({
          ok: true,
          text: `已保存：${r.name}，库存 ${r.stock}${r.active ? '' : '（已下架）'}`,
        })
        setForm(null)
        rewards.reload()
      })
      .catch((err: unknown) => setMsg({ ok: false, text: errorMessage(err, '没能保存') }))
      .finally(() => setBusy(false))
  }

  const saveRules = () => {
    const n = Number(perDay)
    if (!Number.isInteger(n) || n < 1 || n > 100) {
      setMsg({ ok: false, text: '每天积分请填 1–100 的整数' })
      return
    }
    pointsService
      .saveRules(n, { silent: true })
      .then((r) => {
        setMsg({ ok: true, text: `已保存：分类正确一天 ${r.pointsPerDay} 分` })
        setPerDay(null)
        rules.reload()
      })
      .catch((err: unknown) => setMsg({ ok: false, text: errorMessage(err, '没能保存') }))
  }

  return (
    <PageShell className="pts-catalogue">
      {msg && (
        <View className={msg.ok ? 'pts-done' : 'error-text'} ariaRole="alert">
          {msg.text}
        </View>
      )}
      <View className="card">
        <Text className="section-title">积分规则</Text>
        {perDay === null ? (
          <View className="pts-row">
            <Text className="pts-line">分类正确一天得 {rules.data?.pointsPerDay ?? '…'} 分</Text>
            <View
              className="pts-small-button"
              ariaRole="button"
              onClick={() => setPerDay(String(rules.data?.pointsPerDay ?? 3))}
            >
              修改
            </View>
          </View>
        ) : (
          <>
            <Field
              label="分类正确一天得几分（3 分 = 0.3 元）"
              value={perDay}
              number
              onInput={setPerDay}
            />
            <BigButton onClick={saveRules}>保存规则</BigButton>
          </>
        )}
      </View>

      {form ? (
        <View className="card" data-testid="reward-form">
          <Text className="section-title">{form.id ? '修改奖品' : '新增奖品'}</Text>
          <Field
            label="名称"
            value={form.name}
            onInput={(name) => setForm({ ...form, name })}
            testId="reward-name"
          />
          <Field
            label="说明（规格）"
            value={form.description}
            onInput={(description) => setForm({ ...form, description })}
          />
          <Field
            label="所需积分"
            value={form.points}
            number
            onInput={(points) => setForm({ ...form, points })}
            testId="reward-points"
          />
          <Field
            label="每户每月限兑（0 = 不限）"
            value={form.monthlyLimit}
            number
            onInput={(monthlyLimit) => setForm({ ...form, monthlyLimit })}
          />
          <Field
            label={form.id ? '补充库存（件）' : '库存（件）'}
            value={form.restock}
            number
            onInput={(restock) => setForm({ ...form, restock })}
            testId="reward-stock"
          />
          <BigButton busy={busy} onClick={() => save(form)}>
            保存
          </BigButton>
          {form.id && (
            <BigButton
              variant="plain"
              busy={busy}
              onClick={() => save({ ...form, active: !form.active })}
            >
              {form.active ? '下架这个奖品' : '重新上架'}
            </BigButton>
          )}
          <BigButton variant="quiet" onClick={() => setForm(null)}>
            取消
          </BigButton>
        </View>
      ) : (
        <BigButton onClick={() => setForm(blank)}>新增奖品</BigButton>
      )}

      <LoadState load={rewards} what="奖品">
        {(list) => (
          <View className="card">
            {list.length === 0 && <Text className="muted">还没有奖品</Text>}
            {list.map((r) => (
              <View key={r.id} className="pts-list-item">
                <View>
                  <Text className="pts-line">
                    {r.name} · {r.points} 分 {r.active ? '' : '（已下架）'}
                  </Text>
                  <Text className="pts-line muted">
                    库存 {r.stock} · 每户每月限 {r.monthlyLimit || '不限'}
                  </Text>
                </View>
                <View
                  className="pts-small-button"
                  ariaRole="button"
                  onClick={() => setForm(formOf(r))}
                >
                  修改
                </View>
              </View>
            ))}
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
