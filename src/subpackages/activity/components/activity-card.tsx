// One activity in a list: time, place, and whether places are left, in words.
import { Text, View } from '@tarojs/components'
import type { ActivityCard as Card } from '@/contract/activity'
import { hoursText, placesLine, soon, statusLine, timeRange } from '../format'

interface Props {
  item: Card
  onOpen: (item: Card) => void
}

export function ActivityCard({ item, onOpen }: Props) {
  const when = soon(item.startAt)
  return (
    <View
      className="act-card"
      ariaRole="button"
      data-testid="activity-card"
      onClick={() => onOpen(item)}
    >
      <Text className="act-card__title">
        {when ? `【${when}】` : ''}
        {item.title}
      </Text>
      <Text className="act-card__line">{timeRange(item.startAt, item.endAt)}</Text>
      <Text className="act-card__line">{item.place}</Text>
      <Text className={`act-card__places act-card__places--${item.state}`} data-testid="places">
        {placesLine(item)}
      </Text>
      <View className="act-tags">
        <Text className="act-tag">{item.theme}</Text>
        {item.hours > 0 && <Text className="act-tag">志愿时长 {hoursText(item.hours)}</Text>}
        {item.points > 0 && <Text className="act-tag">{item.points} 积分</Text>}
        {item.mine && item.mine !== 'withdrawn' && (
          <Text className="act-tag act-tag--mine">我：{statusLine(item.mine, null)}</Text>
        )}
      </View>
    </View>
  )
}
