// 活动签到: where an activity's code (scene a=<activityId>) lands. Checks in my own sign-up for
// this activity and no other; the answer stays, with what was credited or why not.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import type { CheckInResult } from '@/contract/activity'
import { PAGES, pageUrl } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { activityService } from '@/services/activity'
import { hoursText } from '../../format'
import '../../activity.css'

export default function CheckInPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  // once: showing the page again must not check in again (it would only say 已签到)
  const load = useLoad(() => activityService.checkIn(id, { silent: true }), { onShow: false })
  const { reload } = load
  useEffect(() => reload(), [reload])
  const back = (
    <View>
      <BigButton
        variant="plain"
        onClick={() => void Taro.navigateTo({ url: pageUrl('activityDetail', { id }) })}
      >
        看活动详情
      </BigButton>
      <BigButton variant="quiet" onClick={() => void Taro.switchTab({ url: PAGES.home })}>
        回首页
      </BigButton>
    </View>
  )
  return (
    <PageShell className="check-in">
      <LoadState load={load} what="签到" escape={back}>
        {(r: CheckInResult) => (
          <View>
            <View className="act-answer" data-testid="check-in-answer">
              <Text className="act-answer__big">{r.already ? '已签到' : '✓ 签到成功'}</Text>
              <Text className="act-answer__text">{r.title}</Text>
              {r.hours > 0 && (
                <Text className="act-answer__text">记志愿时长 {hoursText(r.hours)}</Text>
              )}
              {r.points > 0 && <Text className="act-answer__text">您家积分 +{r.points}</Text>}
              {r.noHousehold && (
                <Text className="act-answer__text">
                  您还没有绑定房屋，这次不积分；志愿时长照样记上。
                </Text>
              )}
            </View>
            <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.volunteerHours })}>
              看我的志愿时长
            </BigButton>
            {back}
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
