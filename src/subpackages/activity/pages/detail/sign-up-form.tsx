// 报名: name and phone filled in from last time, companions each with a name; one tap sends it
// (and asks, inside that tap, to be reminded before the start).
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import * as v from 'valibot'
import { SignUpInput, type ActivityDetail, type SignUpResult } from '@/contract/activity'
import { BigButton } from '@/components/big-button'
import { activityService } from '@/services/activity'
import { errorMessage } from '@/services/cloud'
import { askForActivityReminders } from '@/services/subscribe'

interface Props {
  activity: ActivityDetail
  onDone: (res: SignUpResult) => void
}

export function SignUpForm({ activity: a, onDone }: Props) {
  const [name, setName] = useState(a.contact?.name ?? '')
  const [phone, setPhone] = useState(a.contact?.phone ?? '')
  const [companions, setCompanions] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const full = a.state === 'full'

  // Runs inside the tap: the subscription request must start before anything is awaited.
  const send = () => {
    if (busy) return
    const input = {
      activityId: a.id,
      name: name.trim(),
      phone: phone.trim(),
      companions: companions.map((c) => ({ name: c.trim() })),
    }
    const checked = v.safeParse(SignUpInput, input)
    if (!checked.success) {
      setError(checked.issues[0].message)
      return
    }
    setError(null)
    const asked = askForActivityReminders()
    setBusy(true)
    asked
      .then(() => activityService.signUp(checked.output, { silent: true }))
      .then(onDone)
      .catch((err: unknown) => setError(errorMessage(err, '没有报上名，请稍后再试')))
      .finally(() => setBusy(false))
  }

  return (
    <View className="card" data-testid="sign-up-form">
      <Text className="section-title">{full ? '排队候补' : '我要报名'}</Text>
      {full && (
        <Text className="act-note">
          名额已满。现在排队，前面有 {a.waiting} 人；有人退出时按排队先后递补，递补上了会告诉您。
        </Text>
      )}
      <View className="act-field">
        <Text className="act-field__label">姓名</Text>
        <Input
          className="act-input"
          value={name}
          maxlength={20}
          placeholder="您的姓名"
          onInput={(e) => setName(e.detail.value)}
          ariaLabel="姓名"
        />
      </View>
      <View className="act-field">
        <Text className="act-field__label">手机号</Text>
        <Input
          className="act-input"
          type="number"
          value={phone}
          maxlength={11}
          placeholder="11 位手机号"
          onInput={(e) => setPhone(e.detail.value)}
          ariaLabel="手机号"
        />
      </View>
      {a.maxCompanions > 0 && (
        <View className="act-field">
          <Text className="act-field__label">
            同行人（可以不带，最多 {a.maxCompanions} 位，每位占一个名额）
          </Text>
          {companions.map((c, i) => (
            <View key={i} className="act-row act-field">
              <Input
                className="act-input"
                value={c}
                maxlength={20}
                placeholder={`第 ${i + 1} 位同行人的姓名`}
                onInput={(e) =>
                  setCompanions(companions.map((x, k) => (k === i ? e.detail.value : x)))
                }
                ariaLabel={`第 ${i + 1} 位同行人的姓名`}
              />
              <View
                className="act-remove"
                ariaRole="button"
                ariaLabel={`不带第 ${i + 1} 位`}
                onClick={() => setCompanions(companions.filter((_x, k) => k !== i))}
              >
                删掉
              </View>
            </View>
          ))}
          {companions.length < a.maxCompanions && (
            <BigButton variant="quiet" onClick={() => setCompanions([...companions, ''])}>
              加一位同行人（家人、孩子）
            </BigButton>
          )}
        </View>
      )}
      {a.noPoints && (a.points > 0 || a.hours > 0) && (
        <Text className="act-note" data-testid="no-points">
          您还没有绑定房屋：签到后照样记志愿时长，但积分记在户上，没有房屋就不积分。
        </Text>
      )}
      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}
      <BigButton busy={busy} onClick={send}>
        {full
          ? '排队候补'
          : `确认报名${companions.length ? `（共 ${companions.length + 1} 人）` : ''}`}
      </BigButton>
    </View>
  )
}
