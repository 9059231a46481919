// 活动管理 (staff): my community's activities, upcoming and past, with their sign-ups; publish.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ActivityCard as Card } from '@/contract/activity'
import { PAGES, pageUrl } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { Loading } from '@/components/loading'
import { PageShell } from '@/components/page-shell'
import { usePaged } from '@/hooks/use-paged'
import { activityService } from '@/services/activity'
import { placesLine, timeRange } from '../../format'
import '../../activity.css'

type When = 'upcoming' | 'past'
const WHEN: { value: When; label: string }[] = [
  { value: 'upcoming', label: '未结束' },
  { value: 'past', label: '已结束' },
]

export default function ManageActivitiesPage() {
  const [when, setWhen] = useState<When>('upcoming')
  const fetcher = (w: When) => (cursor: string | null) =>
    activityService.list({ when: w, cursor }, { silent: true })
  const list = usePaged<Card>(fetcher(when))
  useDidShow(() => list.reload())
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <PageShell className="activity-manage">
      <BigButton onClick={() => go(PAGES.activityEdit)}>发布新活动</BigButton>
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
      {list.items?.length === 0 && <Text className="list-empty">还没有活动。</Text>}
      {list.items?.map((a) => (
        <View key={a.id} className="act-card" data-testid="manage-card">
          <Text className="act-card__title">{a.title}</Text>
          <Text className="act-card__line">{timeRange(a.startAt, a.endAt)}</Text>
          <Text className="act-card__line">
            已报 {a.capacity - a.remaining}/{a.capacity} 人 · 候补 {a.waiting} 人
          </Text>
          <Text className={`act-card__places act-card__places--${a.state}`}>{placesLine(a)}</Text>
          <View className="act-links">
            <BigButton
              variant="plain"
              onClick={() => go(pageUrl('activityAttendees', { id: a.id }))}
            >
              名单
            </BigButton>
            <BigButton variant="plain" onClick={() => go(pageUrl('activityDetail', { id: a.id }))}>
              详情
            </BigButton>
          </View>
        </View>
      ))}
      <ListFooter list={list} />
    </PageShell>
  )
}
