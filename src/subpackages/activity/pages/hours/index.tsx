// 我的志愿时长: total and by year, activity by activity; only check-ins count, corrections shown.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { HoursSummary } from '@/contract/activity'
import { PAGES } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { activityService } from '@/services/activity'
import { dateOnly, hoursText } from '../../format'
import '../../activity.css'

export default function VolunteerHoursPage() {
  const load = useLoad(() => activityService.hours({ silent: true }))
  return (
    <PageShell className="volunteer-hours">
      <LoadState load={load} what="志愿时长">
        {(h: HoursSummary) => (
          <View>
            <View className="card" data-testid="hours-total">
              <Text className="card__label">累计志愿时长</Text>
              <Text className="act-big-number">{hoursText(h.total)}</Text>
              {h.byYear.map((y) => (
                <Text key={y.year} className="act-card__line">
                  {y.year} 年：{hoursText(y.hours)}
                </Text>
              ))}
              <Text className="act-card__line">
                只有到场签到的活动才记时长；工作人员的更正会单独列出。
              </Text>
            </View>
            {h.records.length > 0 && (
              <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.activityCertificate })}>
                开具志愿服务记录证明
              </BigButton>
            )}
            <Text className="section-title">一次一次的记录</Text>
            {h.records.length === 0 && (
              <Text className="list-empty">还没有记录。报名参加活动，到场扫码签到，就会记上。</Text>
            )}
            {h.records.map((r) => (
              <View key={r.id} className="act-card" data-testid="hours-record">
                <Text className="act-card__title">
                  {r.kind === 'correction' ? '【更正】' : ''}
                  {r.title}
                </Text>
                <Text className="act-card__line">
                  {dateOnly(r.date)} · {r.communityName}
                </Text>
                <Text className="act-card__places">
                  {r.hours > 0 ? '+' : ''}
                  {hoursText(r.hours)}
                </Text>
                {r.reason && <Text className="act-card__line">更正原因：{r.reason}</Text>}
              </View>
            ))}
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
