// 我的活动: what I signed up for, upcoming (soonest first) or past, each with where it stands.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { MyActivity } from '@/contract/activity'
import { PAGES, pageUrl } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { Loading } from '@/components/loading'
import { PageShell } from '@/components/page-shell'
import { usePaged } from '@/hooks/use-paged'
import { activityService } from '@/services/activity'
import { hoursText, soon, statusLine, timeRange } from '../../format'
import '../../activity.css'

type When = 'upcoming' | 'past'
const WHEN: { value: When; label: string }[] = [
  { value: 'upcoming', label: '还没开始' },
  { value: 'past', label: '已经结束' },
]

export default function MyActivitiesPage() {
  const [when, setWhen] = useState<When>('upcoming')
  const fetcher = (w: When) => (cursor: string | null) =>
    activityService.mine({ when: w, cursor }, { silent: true })
  const list = usePaged<MyActivity>(fetcher(when))
  useDidShow(() => list.reload())
  return (
    <PageShell className="my-activities">
      <Chips
        label="时间"
        options={WHEN}
        value={when}
        columns={2}
        onChange={(w) => {
          setWhen(w)
          list.reload(fetcher(w))
        }}
      />
      {list.items === null && !list.error && <Loading className="list-empty muted" />}
      {list.items?.length === 0 && (
        <View>
          <Text className="list-empty" data-testid="mine-empty">
            {when === 'upcoming' ? '您还没有报名要参加的活动。' : '还没有参加过的活动。'}
          </Text>
          <BigButton onClick={() => void Taro.redirectTo({ url: PAGES.activities })}>
            去看看活动
          </BigButton>
        </View>
      )}
      {list.items?.map((m) => {
        const day = soon(m.startAt)
        return (
          <View
            key={m.signUpId}
            className="act-card"
            ariaRole="button"
            data-testid="my-activity"
            onClick={() =>
              void Taro.navigateTo({ url: pageUrl('activityDetail', { id: m.activityId }) })
            }
          >
            <Text className="act-card__title">
              {day && when === 'upcoming' ? `【${day}】` : ''}
              {m.title}
            </Text>
            <Text className="act-card__line">{timeRange(m.startAt, m.endAt)}</Text>
            <Text className="act-card__line">{m.place}</Text>
            <View className="act-tags">
              <Text className="act-tag act-tag--mine" data-testid="my-status">
                {m.activityCancelled ? '活动取消' : statusLine(m.status, m.position)}
              </Text>
              {m.party > 1 && <Text className="act-tag">共 {m.party} 人</Text>}
              {m.hours > 0 && <Text className="act-tag">志愿时长 {hoursText(m.hours)}</Text>}
            </View>
          </View>
        )
      })}
      <ListFooter list={list} />
    </PageShell>
  )
}
