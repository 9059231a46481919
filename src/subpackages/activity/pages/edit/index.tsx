// 发布 / 修改活动 (staff): one screen; "每周重复 N 周" creates the series in one go. On edit, a
// change of time or place is messaged to everyone signed up and waitlisted.
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { THEMES, type Audience, type Theme } from '@/contract/activity'
import type { DirectoryCommunity, Profile } from '@/contract/account'
import { pageUrl } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { PageShell } from '@/components/page-shell'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { accountService } from '@/services/account'
import { activityService } from '@/services/activity'
import { errorMessage } from '@/services/cloud'
import '../../activity.css'

const HOUR = 3600_000
const DAY = 24 * HOUR
const CST = 8 * HOUR
const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD and HH:mm of a moment, China time. */
function split(ms: number): { date: string; time: string } {
  const d = new Date(ms + CST)
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}
const join = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)

const numberChoices = (values: number[], unit: string) =>
  values.map((n) => ({ value: String(n), label: `${n}${unit}` }))

interface Form {
  title: string
  theme: Theme
  description: string
  place: string
  date: string
  start: string
  end: string
  capacity: string
  hours: string
  points: string
  companions: string
  audience: string
  phone: string
  weeks: string
}

function initialForm(): Form {
  const day = split(Date.now() + 3 * DAY).date
  return {
    title: '',
    theme: '守望孝心',
    description: '',
    place: '',
    date: day,
    start: '09:00',
    end: '11:00',
    capacity: '20',
    hours: '2',
    points: '5',
    companions: '1',
    audience: 'community',
    phone: '',
    weeks: '1',
  }
}

export default function EditActivityPage() {
  const { params } = useRouter()
  const editing = params.id ?? null
  const [form, setForm] = useState<Form>(initialForm)
  const [community, setCommunity] = useState<DirectoryCommunity | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const photos = usePhotoUploads()
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }))
    setError(null)
  }

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '修改活动' : '发布活动' })
    Promise.all([accountService.login(), accountService.directory()])
      .then(([profile, dir]: [Profile, DirectoryCommunity[]]) => {
        const mine = profile.roles.find((r) => r.role === 'staff')?.communityId
        setCommunity(dir.find((c) => c.id === mine) ?? null)
      })
      .catch(() => setError('没能读到社区信息，请返回重进'))
    if (editing) {
      activityService
        .detail(editing, { silent: true })
        .then((a) => {
          const s = split(Date.parse(a.startAt))
          set({
            title: a.title,
            theme: a.theme,
            description: a.description,
            place: a.place,
            date: s.date,
            start: s.time,
            end: split(Date.parse(a.endAt)).time,
            capacity: String(a.capacity),
            phone: a.contactPhone,
          })
          if (a.cover) photos.reset([a.cover])
        })
        .catch((err: unknown) => setError(errorMessage(err, '没能读到这个活动')))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once when the page opens
  }, [editing])

  const submit = () => {
    if (!community || busy) return
    const startAt = join(form.date, form.start)
    const endAt = join(form.date, form.end)
    const cover = photos.fileIds[0] ?? null
    if (photos.uploading) {
      setError('封面还在上传，请等一下')
      return
    }
    setBusy(true)
    const done = (id: string) => void Taro.redirectTo({ url: pageUrl('activityDetail', { id }) })
    const call = editing
      ? activityService
          .update(
            {
              activityId: editing,
              title: form.title.trim(),
              theme: form.theme,
              description: form.description.trim(),
              place: form.place.trim(),
              startAt,
              endAt,
              capacity: Number(form.capacity),
              contactPhone: form.phone.trim(),
              cover,
            },
            { silent: true },
          )
          .then((a) => done(a.id))
      : activityService
          .publish(
            {
              communityId: community.id,
              title: form.title.trim(),
              theme: form.theme,
              cover,
              description: form.description.trim(),
              place: form.place.trim(),
              startAt,
              endAt,
              capacity: Number(form.capacity),
              signUpOpensAt: Math.min(Date.now(), startAt - HOUR),
              signUpClosesAt: startAt - HOUR,
              withdrawBy: startAt - 3 * HOUR,
              hours: Number(form.hours),
              points: Number(form.points),
              audience: audienceOf(form.audience),
              maxCompanions: Number(form.companions),
              contactPhone: form.phone.trim(),
              repeatWeeks: Number(form.weeks),
            },
            { silent: true },
          )
          .then((r) => done(r.ids[0]))
    call
      .catch((err: unknown) => setError(errorMessage(err, '没有保存成功，请稍后再试')))
      .finally(() => setBusy(false))
  }

  const audiences = [
    { value: 'community', label: '全社区' },
    ...(community?.estates ?? []).map((e) => ({ value: `estate:${e.id}`, label: e.name })),
  ]

  return (
    <PageShell className="activity-edit">
      <Field label="活动名称">
        <Input
          className="act-input"
          value={form.title}
          maxlength={40}
          placeholder="例如：重阳节包饺子"
          onInput={(e) => set({ title: e.detail.value })}
          ariaLabel="活动名称"
        />
      </Field>
      <Field label="主题">
        <Chips
          label="主题"
          columns={3}
          options={THEMES.map((t) => ({ value: t, label: t }))}
          value={form.theme}
          onChange={(theme) => set({ theme })}
        />
      </Field>
      <Field label="活动介绍">
        <Textarea
          className="act-textarea"
          value={form.description}
          maxlength={1000}
          placeholder="做什么、要带什么、谁来主办"
          onInput={(e) => set({ description: e.detail.value })}
          ariaLabel="活动介绍"
        />
      </Field>
      <Field label="地点">
        <Input
          className="act-input"
          value={form.place}
          maxlength={60}
          placeholder="例如：社区党群服务中心一楼"
          onInput={(e) => set({ place: e.detail.value })}
          ariaLabel="地点"
        />
      </Field>
      <Field label="日期和时间">
        <Picker
          mode="date"
          value={form.date}
          onChange={(e) => set({ date: String(e.detail.value) })}
        >
          <View className="act-picker">日期：{form.date}</View>
        </Picker>
        <View className="act-row">
          <Picker
            mode="time"
            value={form.start}
            onChange={(e) => set({ start: String(e.detail.value) })}
          >
            <View className="act-picker">开始 {form.start}</View>
          </Picker>
          <Picker
            mode="time"
            value={form.end}
            onChange={(e) => set({ end: String(e.detail.value) })}
          >
            <View className="act-picker">结束 {form.end}</View>
          </Picker>
        </View>
        <Text className="act-card__line">报名到开始前 1 小时截止；开始前 3 小时以后不能退出。</Text>
      </Field>
      <Field label="名额（人，同行人也算）">
        <Input
          className="act-input"
          type="number"
          value={form.capacity}
          maxlength={4}
          onInput={(e) => set({ capacity: e.detail.value })}
          ariaLabel="名额"
        />
      </Field>
      {!editing && (
        <View>
          <Field label="谁能报名">
            <Chips
              label="谁能报名"
              columns={3}
              options={audiences}
              value={form.audience}
              onChange={(audience) => set({ audience })}
            />
          </Field>
          <Field label="每人最多带几位同行人">
            <Chips
              label="同行人"
              columns={4}
              options={numberChoices([0, 1, 2, 3, 4], ' 位')}
              value={form.companions}
              onChange={(companions) => set({ companions })}
            />
          </Field>
          <Field label="签到后记志愿时长">
            <Chips
              label="志愿时长"
              columns={4}
              options={numberChoices([0, 1, 2, 3, 4], ' 小时')}
              value={form.hours}
              onChange={(hours) => set({ hours })}
            />
          </Field>
          <Field label="签到后给积分（记到户上）">
            <Chips
              label="积分"
              columns={4}
              options={numberChoices([0, 5, 10, 20], ' 分')}
              value={form.points}
              onChange={(points) => set({ points })}
            />
          </Field>
          <Field label="每周重复">
            <Chips
              label="每周重复"
              columns={4}
              options={[{ value: '1', label: '不重复' }, ...numberChoices([2, 4, 8], ' 周')]}
              value={form.weeks}
              onChange={(weeks) => set({ weeks })}
            />
          </Field>
        </View>
      )}
      <Field label="咨询电话">
        <Input
          className="act-input"
          value={form.phone}
          maxlength={13}
          placeholder="手机或座机，如 0371-68921234"
          onInput={(e) => set({ phone: e.detail.value })}
          ariaLabel="咨询电话"
        />
      </Field>
      <Field label="封面照片（可以不放）">
        <PhotoPicker uploads={photos} max={1} addLabel="加封面" />
      </Field>
      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}
      <BigButton busy={busy} disabled={!community} onClick={submit}>
        {editing ? '保存修改' : Number(form.weeks) > 1 ? `发布（共 ${form.weeks} 周）` : '发布活动'}
      </BigButton>
    </PageShell>
  )
}

function audienceOf(value: string): Audience {
  return value.startsWith('estate:')
    ? { kind: 'estate', estateId: value.slice('estate:'.length) }
    : { kind: 'community' }
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="act-field">
      <Text className="act-field__label">{label}</Text>
      {children}
    </View>
  )
}
