// 志愿活动: upcoming activities of my community — this week, or all, or by theme.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { THEMES, type ActivityCard as Card, type Theme } from '@/contract/activity'
import { PAGES, pageUrl } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { Loading } from '@/components/loading'
import { PageShell } from '@/components/page-shell'
import { usePaged } from '@/hooks/use-paged'
import { activityService } from '@/services/activity'
import { ActivityCard } from '../../components/activity-card'
import '../../activity.css'

type When = 'week' | 'upcoming' | 'past'
const WHEN: { value: When; label: string }[] = [
  { value: 'week', label: '本周' },
  { value: 'upcoming', label: '全部' },
  { value: 'past', label: '已结束' },
]
const ALL = '全部主题' as const
type ThemeChoice = Theme | typeof ALL
const THEME_OPTIONS: { value: ThemeChoice; label: string }[] = (
  [ALL, ...THEMES] as ThemeChoice[]
).map((t) => ({
  value: t,
  label: t,
}))

const open = (a: Card) => void Taro.navigateTo({ url: pageUrl('activityDetail', { id: a.id }) })

export default function ActivityListPage() {
  const [when, setWhen] = useState<When>('upcoming')
  const [theme, setTheme] = useState<ThemeChoice>(ALL)
  const fetcher = (w: When, t: ThemeChoice) => (cursor: string | null) =>
    activityService.list({ when: w, theme: t === ALL ? undefined : t, cursor }, { silent: true })
  const list = usePaged<Card>(fetcher(when, theme))
  useDidShow(() => list.reload())

  return (
    <PageShell className="activity-list">
      <View className="act-links">
        <BigButton
          variant="plain"
          onClick={() => void Taro.navigateTo({ url: PAGES.myActivities })}
        >
          我的活动
        </BigButton>
        <BigButton
          variant="plain"
          onClick={() => void Taro.navigateTo({ url: PAGES.volunteerHours })}
        >
          志愿时长
        </BigButton>
      </View>
      <Chips
        label="时间"
        options={WHEN}
        value={when}
        columns={3}
        testId="when"
        onChange={(w) => {
          setWhen(w)
          list.reload(fetcher(w, theme))
        }}
      />
      <Chips
        label="主题"
        options={THEME_OPTIONS}
        value={theme}
        columns={3}
        testId="themes"
        onChange={(t) => {
          setTheme(t)
          list.reload(fetcher(when, t))
        }}
      />
      {list.items === null && !list.error && <Loading className="list-empty muted" />}
      {list.items?.length === 0 && (
        <Text className="list-empty" data-testid="activities-empty">
          {when === 'past' ? '还没有结束的活动。' : '这段时间还没有活动，过几天再来看看。'}
        </Text>
      )}
      {list.items?.map((a) => (
        <ActivityCard key={a.id} item={a} onOpen={open} />
      ))}
      <ListFooter list={list} />
    </PageShell>
  )
}
