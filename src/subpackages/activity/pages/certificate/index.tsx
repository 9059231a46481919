// 志愿服务记录证明: fit to show on the phone or print (h5): name, community, each activity with its
// date and hours, the total, the issuing community and a record number.
import { Text, View } from '@tarojs/components'
import type { HoursSummary } from '@/contract/activity'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { activityService, canPrint, printPage } from '@/services/activity'
import { dateOnly, hoursText } from '../../format'
import '../../activity.css'
import './index.css'

export default function CertificatePage() {
  const load = useLoad(() => activityService.hours({ silent: true }))
  return (
    <PageShell className="certificate">
      <LoadState load={load} what="记录">
        {(h: HoursSummary) => (
          <View>
            <View className="cert" data-testid="certificate">
              <Text className="cert__title">志愿服务记录证明</Text>
              <Text className="cert__no">编号：{h.certificate.recordNo}</Text>
              <Text className="cert__text">
                兹证明 {h.name ?? '＿＿＿＿'} 同志在{h.certificate.communityName ?? '本社区'}
                参加志愿服务活动，累计志愿服务时长 {hoursText(h.total)}，记录如下：
              </Text>
              <View className="cert__table">
                <View className="cert__row cert__row--head">
                  <Text className="cert__date">日期</Text>
                  <Text className="cert__what">活动</Text>
                  <Text className="cert__hours">时长</Text>
                </View>
                {h.records.map((r) => (
                  <View key={r.id} className="cert__row">
                    <Text className="cert__date">{dateOnly(r.date)}</Text>
                    <Text className="cert__what">
                      {r.kind === 'correction' ? `（更正）${r.title}：${r.reason ?? ''}` : r.title}
                    </Text>
                    <Text className="cert__hours">{hoursText(r.hours)}</Text>
                  </View>
                ))}
                <View className="cert__row cert__row--head">
                  <Text className="cert__date">合计</Text>
                  <Text className="cert__what" />
                  <Text className="cert__hours">{hoursText(h.total)}</Text>
                </View>
              </View>
              <Text className="cert__text">时长均来自活动现场签到记录。</Text>
              <Text className="cert__issuer">
                {h.certificate.communityName ?? '社区'}居民委员会
              </Text>
              <Text className="cert__issuer">{dateOnly(h.certificate.issuedAt)}</Text>
            </View>
            {canPrint && (
              <View className="no-print">
                <BigButton onClick={printPage}>打印</BigButton>
              </View>
            )}
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
