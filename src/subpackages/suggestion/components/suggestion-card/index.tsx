// One suggestion in a list (我的建议, 议事长廊, 工作台): number, status, place, a few words.
import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { SuggestionSummary } from '@/contract/suggestion'
import { formatTime, OVERDUE_LABELS, titleOf } from '../../format'
import { StatusTag } from '../status-tag'
import './index.css'

interface SuggestionCardProps {
  item: SuggestionSummary
  onOpen: (item: SuggestionSummary) => void
  /** handlers see overdue items in red */
  showOverdue?: boolean
  /** what goes under the card body, e.g. a 附议 button on the board */
  footer?: ReactNode
  /** the footer says how many seconded, so the body need not say it again */
  secondsInFooter?: boolean
  /** the card's one date, e.g. 11月29日 公开 (default: when it was submitted) */
  when?: string
  /** the whole text: the card titles itself from it and offers 展开全文 (the board) */
  fullText?: string
}

export function SuggestionCard({
  item,
  onOpen,
  showOverdue,
  footer,
  secondsInFooter,
  when,
  fullText,
}: SuggestionCardProps) {
  const overdue = showOverdue && item.overdue ? OVERDUE_LABELS[item.overdue] : null
  const [expanded, setExpanded] = useState(false)
  // the excerpt shows two lines at most: anything longer than a line or so is cut on screen
  const long = fullText !== undefined && fullText.length > 16
  return (
    <View
      className={overdue ? 's-card s-card--overdue' : 's-card'}
      data-testid="suggestion-card"
      data-no={item.no}
    >
      <View className="s-card__body" ariaRole="button" onClick={() => onOpen(item)}>
        {overdue && <Text className="s-card__overdue">⚠ {overdue}</Text>}
        <View className="s-card__head">
          <Text className="s-card__category">
            {fullText !== undefined ? titleOf(fullText) : item.category}
          </Text>
          <StatusTag status={item.status} />
        </View>
        <Text className="s-card__place">
          {fullText !== undefined ? `${item.category} · ` : ''}
          {item.estateName} {item.buildingName}
        </Text>
        <Text className={expanded ? 's-card__excerpt s-card__excerpt--full' : 's-card__excerpt'}>
          {expanded && fullText ? fullText : item.excerpt}
        </Text>
        <View className="s-card__meta">
          <Text className="nobreak">{when ?? formatTime(item.createdAt)}</Text>
          {item.seconds > 0 && !secondsInFooter && (
            <Text className="s-card__seconds">{item.seconds} 人附议</Text>
          )}
          {item.imageCount > 0 && <Text>{item.imageCount} 张照片</Text>}
          {item.golden && <Text className="s-card__golden">金点子</Text>}
        </View>
        <View className="s-card__foot">
          <Text className="s-card__no">编号 {item.no}</Text>
          <Text className="s-card__more">查看 ›</Text>
        </View>
      </View>
      {long && (
        <View className="s-card__expand" ariaRole="button" onClick={() => setExpanded(!expanded)}>
          {expanded ? '收起 ▲' : '展开全文 ▼'}
        </View>
      )}
      {footer}
    </View>
  )
}
