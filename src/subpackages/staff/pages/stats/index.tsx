// 统计: for a date range — counts by status, category and building, resolution rate, how long
// accepting and resolving took, satisfaction and overdue; bars are plain CSS.
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { STATUSES, STATUS_LABELS, type StatsResult } from '@/contract/suggestion'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { DateField } from '@/components/date-field'
import { useLoad } from '@/hooks/use-load'
import { suggestionService } from '@/services/suggestion'
import { Chips } from '@/components/chips'
import { formatHours } from '../../../suggestion/format'
import './index.css'

type Preset = '7' | '30' | 'year' | 'custom'
const PRESETS = [
  { value: '7', label: '近7天' },
  { value: '30', label: '近30天' },
  { value: 'year', label: '今年' },
] as const

const DAY_FORMAT = 'YYYY-MM-DD'

function rangeOf(preset: Exclude<Preset, 'custom'>): { from: string; to: string } {
  const today = dayjs()
  const from = preset === 'year' ? today.startOf('year') : today.subtract(Number(preset) - 1, 'day')
  return { from: from.format(DAY_FORMAT), to: today.format(DAY_FORMAT) }
}

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)

interface Bar {
  key: string
  label: string
  count: number
}

function Bars({ title, bars, testId }: { title: string; bars: Bar[]; testId: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count))
  return (
    <View className="card stats-bars" data-testid={testId}>
      <Text className="stats-bars__title">{title}</Text>
      {bars.length === 0 && <Text className="muted">这段时间没有</Text>}
      {bars.map((b) => (
        <View key={b.key} className="stats-bar" ariaLabel={`${b.label} ${b.count} 条`}>
          <Text className="stats-bar__label">{b.label}</Text>
          <View className="stats-bar__track">
            <View
              className="stats-bar__fill"
              style={{ width: `${Math.max(b.count > 0 ? 4 : 0, (b.count / max) * 100)}%` }}
            />
          </View>
          <Text className="stats-bar__count">{b.count}</Text>
        </View>
      ))}
    </View>
  )
}

export default function StatsPage() {
  const [preset, setPreset] = useState<Preset>('30')
  const [range, setRange] = useState(() => rangeOf('30'))
  const [rangeError, setRangeError] = useState<string | null>(null)
  const read = (r: { from: string; to: string }) => () =>
    suggestionService.stats(r, { silent: true })
  const stats = useLoad<StatsResult>(read(range), {
    fallback: '没能读到统计，请检查网络后再试',
  })

  const load = (r: { from: string; to: string }) => {
    if (r.from > r.to) {
      setRangeError('开始日期不能晚于结束日期')
      return
    }
    setRangeError(null)
    stats.reload(read(r))
  }

  const choosePreset = (p: Preset) => {
    if (p === 'custom') return
    setPreset(p)
    const r = rangeOf(p)
    setRange(r)
    load(r)
  }

  const setEnd = (which: 'from' | 'to', value: string) => {
    const r = { ...range, [which]: value }
    setPreset('custom')
    setRange(r)
    load(r)
  }

  return (
    <PageShell className="stats">
      <Chips
        label="时间范围"
        options={PRESETS}
        value={preset === 'custom' ? null : preset}
        onChange={choosePreset}
        columns={3}
      />
      <View className="stats-range">
        <DateField
          label="从"
          value={range.from}
          max={range.to}
          onChange={(d) => setEnd('from', d)}
        />
        <DateField label="到" value={range.to} min={range.from} onChange={(d) => setEnd('to', d)} />
      </View>

      {rangeError && (
        <View className="error-text" ariaRole="alert">
          {rangeError}
        </View>
      )}
      {stats.data === null && (
        <LoadState load={stats} what="统计">
          {() => null}
        </LoadState>
      )}
      {stats.error && stats.data !== null && (
        <View className="error-text" ariaRole="alert">
          {stats.error}
        </View>
      )}

      {stats.data && <StatsBody stats={stats.data} loading={stats.loading} />}
    </PageShell>
  )
}

function StatsBody({ stats, loading }: { stats: StatsResult; loading: boolean }) {
  return (
    <View className={loading ? 'stats-body stats-body--loading' : 'stats-body'}>
      <View className="stats-tiles" data-testid="stats-tiles">
        <Tile label="建议总数" value={`${stats.total}`} />
        <Tile label="办结率" value={percent(stats.resolutionRate)} />
        <Tile label="受理用时（中位数）" value={formatHours(stats.medianHoursToAccept)} />
        <Tile label="办结用时（中位数）" value={formatHours(stats.medianHoursToResolve)} />
        <Tile
          label={`满意度（${stats.ratedCount} 人评价）`}
          value={stats.averageRating === null ? '—' : `${stats.averageRating.toFixed(1)} 分`}
        />
        <Tile label="超时未办" value={`${stats.overdue}`} alert={stats.overdue > 0} />
      </View>
      <Bars
        title="按状态"
        testId="by-status"
        bars={STATUSES.map((s) => ({
          key: s,
          label: STATUS_LABELS[s],
          count: stats.byStatus[s] ?? 0,
        }))}
      />
      <Bars
        title="按类别"
        testId="by-category"
        bars={stats.byCategory.map((c) => ({
          key: c.category,
          label: c.category,
          count: c.count,
        }))}
      />
      <Bars
        title="按楼栋"
        testId="by-building"
        bars={stats.byBuilding.map((b) => ({
          key: b.buildingId,
          label: b.buildingName,
          count: b.count,
        }))}
      />
    </View>
  )
}

function Tile({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <View className={alert ? 'stats-tile stats-tile--alert' : 'stats-tile'}>
      <Text className="stats-tile__value">{value}</Text>
      <Text className="stats-tile__label">{label}</Text>
    </View>
  )
}
