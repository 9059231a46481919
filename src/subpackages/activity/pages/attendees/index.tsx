// 报名名单 (staff): confirmed, waitlisted in order, checked in, 未到, withdrawn; tap to check in
// someone without a phone; correct hours with a reason; export to Excel.
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Dialog } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import { useState } from 'react'
import type { Attendee, AttendeeList } from '@/contract/activity'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { activityService, openExportedFile } from '@/services/activity'
import { errorMessage } from '@/services/cloud'
import { moment, placesLine, statusLine, timeRange } from '../../format'
import '../../activity.css'

type Group = 'confirmed' | 'waitlisted' | 'checkedIn' | 'noShow' | 'withdrawn'
const GROUPS: { value: Group; label: string }[] = [
  { value: 'confirmed', label: '已报名' },
  { value: 'waitlisted', label: '候补' },
  { value: 'checkedIn', label: '已签到' },
  { value: 'noShow', label: '未到' },
  { value: 'withdrawn', label: '已退出' },
]

export default function AttendeesPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const load = useLoad(() => activityService.attendees(id, { silent: true }))
  const [group, setGroup] = useState<Group>('confirmed')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [exported, setExported] = useState<{ url: string; fileName: string } | null>(null)
  const [fixing, setFixing] = useState<Attendee | null>(null)
  const [delta, setDelta] = useState('')
  const [reason, setReason] = useState('')

  const checkIn = (a: Attendee) => {
    setBusy(a.signUpId)
    setError(null)
    activityService
      .checkInFor(a.signUpId, { silent: true })
      .then(() => {
        void Taro.showToast({ title: `${a.name} 已签到`, icon: 'success' })
        load.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没有签上，请稍后再试')))
      .finally(() => setBusy(null))
  }
  const exportList = () => {
    setBusy('export')
    setError(null)
    activityService
      .export(id, { silent: true })
      .then(async (file) => {
        setExported(file)
        await openExportedFile(file)
      })
      .catch((err: unknown) => setError(errorMessage(err, '没有导出成功，请稍后再试')))
      .finally(() => setBusy(null))
  }
  const correct = () => {
    if (!fixing) return
    const target = fixing
    setFixing(null)
    activityService
      .correctHours(
        { signUpId: target.signUpId, delta: Number(delta), reason: reason.trim() },
        { silent: true },
      )
      .then(() => {
        void Taro.showToast({ title: '已更正', icon: 'success' })
        load.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没有更正成功')))
  }

  return (
    <PageShell className="attendees">
      <LoadState load={load} what="名单">
        {(l: AttendeeList) => {
          const people = l[group]
          return (
            <View>
              <View className="card">
                <Text className="act-card__title">{l.activity.title}</Text>
                <Text className="act-card__line">
                  {timeRange(l.activity.startAt, l.activity.endAt)}
                </Text>
                <Text className="act-card__line" data-testid="attendee-counts">
                  报上名 {l.people}/{l.activity.capacity} 人 · 候补 {l.waitlisted.length} · 已签到{' '}
                  {l.checkedIn.length} · 未到 {l.noShow.length}
                </Text>
                <Text className={`act-card__places act-card__places--${l.activity.state}`}>
                  {placesLine(l.activity)}
                </Text>
              </View>
              <BigButton busy={busy === 'export'} onClick={exportList}>
                导出 Excel 名单
              </BigButton>
              {exported && (
                <Text className="act-note" data-testid="exported">
                  已导出：{exported.fileName}
                </Text>
              )}
              {error && (
                <View className="error-text" ariaRole="alert">
                  {error}
                </View>
              )}
              <Chips
                label="名单"
                columns={3}
                options={GROUPS.map((g) => ({ ...g, extra: String(l[g.value].length) }))}
                value={group}
                onChange={setGroup}
                testId="attendee-groups"
              />
              {people.length === 0 && <Text className="list-empty">没有人。</Text>}
              {people.map((a) => (
                <View key={a.signUpId} className="act-person" data-testid="attendee">
                  <Text className="act-person__name">
                    {a.position ? `${a.position}. ` : ''}
                    {a.name}
                  </Text>
                  <Text className="act-person__line">
                    {a.phone} · {statusLine(a.status, a.position)}
                    {a.party > 1 ? ` · 共 ${a.party} 人（${a.companions.join('、')}）` : ''}
                  </Text>
                  <Text className="act-person__line">
                    报名 {moment(a.signedUpAt)}
                    {a.checkedInAt
                      ? ` · 签到 ${moment(a.checkedInAt)}（${a.checkedInBy ?? ''}）`
                      : ''}
                  </Text>
                  {(a.status === 'confirmed' || a.status === 'no_show') && (
                    <View className="act-person__action">
                      <BigButton
                        variant="plain"
                        busy={busy === a.signUpId}
                        onClick={() => checkIn(a)}
                      >
                        代签到（没带手机）
                      </BigButton>
                    </View>
                  )}
                  {a.status === 'checked_in' && (
                    <View className="act-person__action">
                      <BigButton variant="quiet" onClick={() => setFixing(a)}>
                        更正志愿时长
                      </BigButton>
                    </View>
                  )}
                </View>
              ))}
              <Dialog
                visible={fixing !== null}
                title={`更正 ${fixing?.name ?? ''} 的志愿时长`}
                content={
                  <View>
                    <Text>加减多少小时（例如 1 或 -0.5）：</Text>
                    <Input
                      className="act-input"
                      type="digit"
                      value={delta}
                      onInput={(e) => setDelta(e.detail.value)}
                      ariaLabel="更正小时数"
                    />
                    <Text>原因（会显示给本人）：</Text>
                    <Input
                      className="act-input"
                      value={reason}
                      maxlength={100}
                      onInput={(e) => setReason(e.detail.value)}
                      ariaLabel="更正原因"
                    />
                  </View>
                }
                confirmText="确定更正"
                cancelText="不改了"
                onConfirm={correct}
                onCancel={() => setFixing(null)}
                onClose={() => setFixing(null)}
              />
            </View>
          )
        }}
      </LoadState>
    </PageShell>
  )
}
