// 分类统计 (staff; a supervisor sees their own point): per collection point for a range of days —
// households recorded, participation, correct rate, the most common mistakes — the month's
// building ranking, and an .xlsx export that opens in Excel and WPS.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { RankingResult, StatsResultView } from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { PageShell } from '@/components/page-shell'
import { errorMessage } from '@/services/cloud'
import { pointsService } from '@/services/points'
import { cstDay } from '../../cst'
import '../../points.css'

type Preset = '1' | '7' | '30'
const PRESETS = [
  { value: '1', label: '今天' },
  { value: '7', label: '近7天' },
  { value: '30', label: '近30天' },
] as const
const rangeOf = (p: Preset) => ({ from: cstDay(Number(p) - 1), to: cstDay() })
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)

/** Saves the workbook: a download in the browser, a file opened with WeChat's viewer on the phone. */
async function saveFile(fileName: string, dataUrl: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = dataUrl
    a.download = fileName
    a.click()
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, dataUrl.split(',')[1], 'base64')
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}

export default function PointsStatsPage() {
  const [preset, setPreset] = useState<Preset>('7')
  const [stats, setStats] = useState<StatsResultView | null>(null)
  const [ranking, setRanking] = useState<RankingResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)

  const load = (p: Preset) => {
    setError(null)
    pointsService
      .stats(rangeOf(p), { silent: true })
      .then(setStats)
      .catch((err: unknown) => setError(errorMessage(err, '没能读到统计，请检查网络后再试')))
    pointsService
      .ranking({}, { silent: true })
      .then(setRanking)
      .catch(() => setRanking(null))
  }
  useDidShow(() => load(preset))

  const exportXlsx = () => {
    setExporting(true)
    pointsService
      .exportStats(rangeOf(preset), { silent: true })
      .then((f) => saveFile(f.fileName, f.dataUrl))
      .then(() => void Taro.showToast({ title: '已导出', icon: 'success' }))
      .catch((err: unknown) => setError(errorMessage(err, '没能导出')))
      .finally(() => setExporting(false))
  }

  const totals = stats?.points.reduce(
    (t, p) => ({ hh: t.hh + p.households, rec: t.rec + p.recorded, ok: t.ok + p.correct }),
    { hh: 0, rec: 0, ok: 0 },
  )

  return (
    <PageShell className="pts-stats">
      <Chips
        label="时间范围"
        options={PRESETS}
        value={preset}
        onChange={(p) => {
          setPreset(p)
          load(p)
        }}
        columns={3}
      />
      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}
      {stats && totals && (
        <>
          <View className="card" data-testid="stats-total">
            <Text className="card__label">
              {stats.from} 至 {stats.to}（{stats.days} 天）
            </Text>
            <Text className="pts-hero">
              参与率 {percent(totals.hh ? totals.rec / (totals.hh * stats.days) : null)}
            </Text>
            <Text className="pts-line">
              记录 {totals.rec} 户次 · 正确率 {percent(totals.rec ? totals.ok / totals.rec : null)}
            </Text>
          </View>
          <View className="card" data-testid="stats-points">
            <Text className="section-title">各投放点</Text>
            <View className="pts-table__row muted">
              <Text className="pts-table__cell pts-table__cell--name">投放点</Text>
              <Text className="pts-table__cell">户数</Text>
              <Text className="pts-table__cell">参与率</Text>
              <Text className="pts-table__cell">正确率</Text>
            </View>
            {stats.points.map((p) => (
              <View key={p.pointId} className="pts-table__row">
                <Text className="pts-table__cell pts-table__cell--name">{p.pointName}</Text>
                <Text className="pts-table__cell">{p.households}</Text>
                <Text className="pts-table__cell">{percent(p.participation)}</Text>
                <Text className="pts-table__cell">{percent(p.correctRate)}</Text>
              </View>
            ))}
          </View>
          <View className="card">
            <Text className="section-title">常见问题</Text>
            {stats.mistakes.length === 0 && <Text className="muted">这段时间没有</Text>}
            {stats.mistakes.map((m) => (
              <View key={m.reason} className="pts-row">
                <Text className="pts-line">{m.reason}</Text>
                <Text className="pts-line">{m.count} 次</Text>
              </View>
            ))}
          </View>
        </>
      )}
      {ranking && (
        <View className="card" data-testid="ranking">
          <Text className="section-title">
            {ranking.estateName} {Number(ranking.month.slice(5))}月楼栋排名
          </Text>
          <View className="pts-table__row muted">
            <Text className="pts-table__cell pts-table__cell--name">名次 楼栋</Text>
            <Text className="pts-table__cell">正确户占比</Text>
            <Text className="pts-table__cell">户均天数</Text>
          </View>
          {ranking.buildings.map((b) => (
            <View key={b.buildingId} className="pts-table__row">
              <Text className="pts-table__cell pts-table__cell--name">
                {b.rank}. {b.buildingName}
              </Text>
              <Text className="pts-table__cell">{percent(b.share)}</Text>
              <Text className="pts-table__cell">{b.averageDays}</Text>
            </View>
          ))}
        </View>
      )}
      <BigButton variant="plain" busy={exporting} onClick={exportXlsx}>
        导出 Excel 表格
      </BigButton>
    </PageShell>
  )
}
