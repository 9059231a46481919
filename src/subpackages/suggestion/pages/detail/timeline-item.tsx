// One step on a suggestion's timeline: when, who did what, their note and photos.
import { Text, View } from '@tarojs/components'
import type { TimelineEntry } from '@/contract/suggestion'
import { PhotoGrid } from '@/components/photo-grid'
import { describeEntry, formatTime } from '../../format'

export function TimelineItem({
  entry,
  latest,
  mine,
}: {
  entry: TimelineEntry
  latest: boolean
  /** the viewer is the submitter: the resident on this timeline is "您" */
  mine: boolean
}) {
  return (
    <View className={latest ? 'timeline__item timeline__item--latest' : 'timeline__item'}>
      <View className="timeline__dot" />
      <View className="timeline__content">
        <Text className="timeline__when">{formatTime(entry.at)}</Text>
        <Text className="timeline__what">
          {mine && entry.by.role === 'resident' ? '您' : entry.by.label} {describeEntry(entry)}
        </Text>
        {entry.note && <Text className="timeline__note">{entry.note}</Text>}
        {entry.images && entry.images.length > 0 && (
          <PhotoGrid fileIds={entry.images} label="进度照片" />
        )}
      </View>
    </View>
  )
}
