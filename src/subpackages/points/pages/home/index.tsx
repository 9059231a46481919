// 垃圾分类积分 (the household): the balance every member sees, this month's sorting calendar (an
// incorrect day shows the reason and photo, so the household learns what went wrong), the
// building's place in the estate's ranking, and the way to the ledger, rewards and guide.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { PAGES } from '@/contract/pages'
import type { CalendarDay, PointsSummary } from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { imageUrl } from '@/services/image-url'
import { pointsService } from '@/services/points'
import { cstDay } from '../../cst'
import '../../points.css'

const go = (url: string) => void Taro.navigateTo({ url })
const WEEK = ['一', '二', '三', '四', '五', '六', '日']

function Calendar({ month, days }: { month: string; days: CalendarDay[] }) {
  const first = dayjs(`${month}-01`)
  const count = first.daysInMonth()
  const lead = (first.day() + 6) % 7 // Monday first
  const byDay = new Map(days.map((d) => [Number(d.day.slice(8, 10)), d]))
  const today = cstDay().slice(0, 7) === month ? Number(cstDay().slice(8, 10)) : 0
  return (
    <View className="pts-calendar" data-testid="calendar">
      {WEEK.map((w) => (
        <Text key={w} className="pts-calendar__head">
          {w}
        </Text>
      ))}
      {Array.from({ length: lead }, (_, i) => (
        <View key={`lead-${i}`} className="pts-calendar__day" />
      ))}
      {Array.from({ length: count }, (_, i) => {
        const n = i + 1
        const d = byDay.get(n)
        const cls = [
          'pts-calendar__day',
          d ? (d.correct ? 'pts-calendar__day--ok' : 'pts-calendar__day--bad') : '',
          n === today ? 'pts-calendar__day--today' : '',
        ]
        return (
          <View
            key={n}
            className={cls.filter(Boolean).join(' ')}
            ariaLabel={`${n}日${d ? (d.correct ? ' 分类正确' : ` 分类不正确：${d.reason ?? ''}`) : ''}`}
          >
            {n}
            <Text className="pts-calendar__mark">{d ? (d.correct ? '✓' : '×') : ' '}</Text>
          </View>
        )
      })}
    </View>
  )
}

export default function PointsHomePage() {
  const summary = useLoad(() => pointsService.summary({}, { silent: true }), {
    fallback: '没能读到您家的积分',
  })
  return (
    <PageShell className="pts-home">
      <LoadState
        load={summary}
        what="您家的积分"
        escape={
          <BigButton variant="quiet" onClick={() => go(PAGES.bind)}>
            绑定我家
          </BigButton>
        }
      >
        {(s: PointsSummary) => (
          <>
            <View className="card" data-testid="balance">
              <Text className="card__label">{s.householdLabel} · 全家共用</Text>
              <Text className="pts-hero">积分 {s.balance}</Text>
              <Text className="pts-line muted">
                分类正确一天得 {s.pointsPerDay} 分（{(s.pointsPerDay / 10).toFixed(1)} 元）
              </Text>
            </View>
            <View className="card" data-testid="month">
              <Text className="section-title">
                {Number(s.month.slice(5))}月：正确 {s.correctDays} 天 · 不正确 {s.incorrectDays} 天
                · 得 {s.earned} 分
              </Text>
              <Calendar month={s.month} days={s.days} />
              {s.days
                .filter((d) => !d.correct)
                .reverse()
                .map((d) => (
                  <View key={d.day} className="pts-warn" data-testid="incorrect-day">
                    <Text className="pts-line pts-bad">
                      {Number(d.day.slice(5, 7))}月{Number(d.day.slice(8, 10))}日 分类不正确：
                      {d.reason}
                    </Text>
                    {d.note ? <Text className="pts-line">督导员说：{d.note}</Text> : null}
                    {d.photo ? (
                      <Image className="pts-photo" src={imageUrl(d.photo)} mode="aspectFit" />
                    ) : null}
                  </View>
                ))}
            </View>
            {s.building && (
              <View className="card" data-testid="rank">
                <Text className="card__label">本月楼栋排名（按分类正确的户数占比）</Text>
                <Text className="pts-hero">
                  {s.building.name} 第 {s.building.rank} 名
                </Text>
                <Text className="pts-line muted">全小区共 {s.building.of} 栋楼</Text>
              </View>
            )}
            <BigButton onClick={() => go(PAGES.pointsRewards)}>兑换奖品</BigButton>
            <BigButton variant="plain" onClick={() => go(PAGES.pointsLedger)}>
              积分明细
            </BigButton>
            <BigButton variant="plain" onClick={() => go(PAGES.pointsGuide)}>
              分类指南：这个扔哪个桶？
            </BigButton>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
