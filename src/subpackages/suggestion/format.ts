// Words and times as residents read them on the suggestion pages.
import dayjs from 'dayjs'
import {
  ACCEPT_WITHIN_HOURS,
  OVERDUE_LABELS,
  REOPEN_WITHIN_DAYS,
  RESOLVE_WITHIN_DAYS,
  type Status,
  type TimelineEntry,
} from '@/contract/suggestion'

/** 今天 14:05 · 昨天 09:12 · 11月3日 14:05 · 2024年11月3日 */
export function formatTime(iso: string, now: Date = new Date()): string {
  const t = dayjs(iso)
  if (!t.isValid()) return ''
  const today = dayjs(now).startOf('day')
  const day = t.startOf('day')
  if (day.isSame(today)) return `今天 ${t.format('HH:mm')}`
  if (day.isSame(today.subtract(1, 'day'))) return `昨天 ${t.format('HH:mm')}`
  if (t.year() === today.year()) return t.format('M月D日 HH:mm')
  return t.format('YYYY年M月D日')
}

export function formatDate(iso: string): string {
  const t = dayjs(iso)
  return t.isValid() ? t.format('YYYY年M月D日') : ''
}

export { OVERDUE_LABELS }

/** What a handler's button says for moving a suggestion to `to`. */
export const TRANSITION_ACTIONS: Record<Status, string> = {
  submitted: '退回待受理',
  accepted: '受理',
  declined: '不予采纳',
  deliberating: '提交社区议事',
  in_progress: '开始办理',
  resolved: '办结',
}

/** What happened, in a few words, for one timeline entry. */
export function describeEntry(e: TimelineEntry): string {
  switch (e.kind) {
    case 'submitted':
      return '提交了建议'
    case 'status':
      switch (e.to) {
        case 'accepted':
          return '受理了建议'
        case 'declined':
          return '不予采纳'
        case 'deliberating':
          return '提交社区议事（三议）'
        case 'in_progress':
          return e.from === 'resolved' ? '重新办理' : '开始办理'
        case 'resolved':
          return '办结了'
        default:
          return '更新了进度'
      }
    case 'reply':
      return '回复'
    case 'rated':
      return '评价了办理结果'
    case 'reopened':
      return '要求重新办理'
    case 'published':
      return '公开到议事长廊'
    case 'unpublished':
      return '从议事长廊撤回'
    case 'golden':
      return '评为金点子'
    default:
      return '更新了进度'
  }
}

export { SCORE_WORDS } from '@/components/stars'

/** 3 小时 · 1.5 天 */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—'
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} 分钟`
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`
  return `${Math.round((hours / 24) * 10) / 10} 天`
}

/** What a status means for the resident, and what happens next, in one plain sentence. */
export const STATUS_EXPLAINED: Record<Status, string> = {
  submitted: `已经送到民情速递员手里，一般 ${Math.round(ACCEPT_WITHIN_HOURS / 24)} 天内受理。`,
  accepted: '已经受理，正在安排人来办。',
  deliberating: '这件事要大家一起商量（三议），商量好了会在议事长廊公开。',
  in_progress: `正在办理，一般提交后 ${RESOLVE_WITHIN_DAYS} 天内办好。`,
  resolved: '已经办好了，办理结果写在下面。',
  declined: '没有采纳。',
}

/** The same for whoever handles it: what is theirs to do next. */
export const HANDLER_EXPLAINED: Record<Status, string> = {
  submitted: `等您受理：点“受理”，或写明原因“不予采纳”。请在 ${Math.round(ACCEPT_WITHIN_HOURS / 24)} 天内答复居民。`,
  accepted: '已受理：需要大家商量的点“提交社区议事”，能直接办的点“开始办理”。',
  deliberating: '社区议事中：商量出结果后写下结果，开始办理或不予采纳。',
  in_progress: '办理中：办好后写明结果、附上照片，点“办结”，居民会收到通知。',
  resolved: `已办结：居民可以评价，${REOPEN_WITHIN_DAYS} 天内觉得没办好可以要求重新办理。`,
  declined: '没有采纳，原因已告诉居民。',
}

/** A card's title from what the resident wrote: its first clause, at most 14 characters. */
export function titleOf(text: string): string {
  const first =
    text
      .trim()
      .split(/[，。；！？,.;!?\n]/)[0]
      ?.trim() ?? ''
  const clause = first || text.trim()
  return clause.length > 14 ? `${clause.slice(0, 13)}…` : clause
}
