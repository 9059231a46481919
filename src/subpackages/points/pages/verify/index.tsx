// 核销取货码 (staff): scan the resident's QR code or type its six digits, see what it is for and
// whose household, then hand it over — once.
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { REDEMPTION_LABELS, type RedemptionView } from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { errorMessage } from '@/services/cloud'
import { pointsService } from '@/services/points'
import '../../points.css'

const canScan = process.env.TARO_ENV === 'weapp'

export default function VerifyPage() {
  const [code, setCode] = useState('')
  const [found, setFound] = useState<RedemptionView | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const look = (c: string) => {
    setError(null)
    setDone(null)
    setFound(null)
    if (!/^\d{6}$/.test(c)) {
      setError('取货码是 6 位数字')
      return
    }
    setBusy(true)
    pointsService
      .verify({ code: c }, { silent: true })
      .then(setFound)
      .catch((err: unknown) => setError(errorMessage(err, '没有找到这个取货码')))
      .finally(() => setBusy(false))
  }

  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      .then((res) => {
        const c = (res.result ?? '').trim()
        setCode(c)
        look(c)
      })
      .catch(() => undefined)
  }

  const collect = () => {
    if (!found) return
    setBusy(true)
    pointsService
      .verify({ code: found.code, collect: true }, { silent: true })
      .then((r) => {
        setFound(null)
        setCode('')
        setDone(`已发放：${r.rewardName}（${r.householdLabel}）`)
      })
      .catch((err: unknown) => setError(errorMessage(err, '没能核销')))
      .finally(() => setBusy(false))
  }

  return (
    <PageShell className="pts-verify">
      {done && (
        <View className="pts-done" ariaRole="alert" data-testid="verified">
          {done}
        </View>
      )}
      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}
      <View className="card">
        {canScan && <BigButton onClick={scan}>扫取货码</BigButton>}
        <Text className="card__label">输入 6 位取货码</Text>
        <Input
          className="pts-input pts-code"
          type="number"
          maxlength={6}
          value={code}
          data-testid="verify-code"
          onInput={(e) => setCode(e.detail.value)}
        />
        <BigButton variant={canScan ? 'plain' : 'primary'} busy={busy} onClick={() => look(code)}>
          查询
        </BigButton>
      </View>
      {found && (
        <View className="card" data-testid="verify-found">
          <Text className="section-title">{found.rewardName}</Text>
          <Text className="pts-line">{found.householdLabel}</Text>
          <Text className="pts-line muted">
            {found.points} 分 · {REDEMPTION_LABELS[found.status]}
          </Text>
          <BigButton busy={busy} onClick={collect}>
            确认发放
          </BigButton>
        </View>
      )}
    </PageShell>
  )
}
