// How activity times and places read on screen (China time, plain words).
import type { ActivityCard, ActivityState, SignUpStatus } from '@/contract/activity'
import { SIGN_UP_LABELS } from '@/contract/activity'

const CST = 8 * 3600_000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const pad = (n: number) => String(n).padStart(2, '0')

function parts(iso: string) {
  const d = new Date(new Date(iso).getTime() + CST)
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    w: WEEKDAYS[d.getUTCDay()],
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    day: Math.floor((new Date(iso).getTime() + CST) / 86_400_000),
  }
}

/** 12月5日 周六 09:00–12:00 (with the year when it is not this year) */
export function timeRange(startIso: string, endIso: string, now = new Date()): string {
  const s = parts(startIso)
  const e = parts(endIso)
  const thisYear = parts(now.toISOString()).y
  const date = `${s.y === thisYear ? '' : `${s.y}年`}${s.m}月${s.d}日 周${s.w}`
  const end = e.day === s.day ? e.hm : `${e.m}月${e.d}日 ${e.hm}`
  return `${date} ${s.hm}–${end}`
}

/** 2026年12月5日 */
export function dateOnly(iso: string): string {
  const p = parts(iso)
  return `${p.y}年${p.m}月${p.d}日`
}

/** 12月5日 09:00 */
export function moment(iso: string): string {
  const p = parts(iso)
  return `${p.m}月${p.d}日 ${p.hm}`
}

/** 今天 / 明天 / 后天, or null */
export function soon(iso: string, now = new Date()): string | null {
  const diff = parts(iso).day - parts(now.toISOString()).day
  return diff === 0 ? '今天' : diff === 1 ? '明天' : diff === 2 ? '后天' : null
}

/** What a card says about places: 还剩 N 个名额 / 已满，可排队 (前面 N 人) … */
export function placesLine(a: Pick<ActivityCard, 'state' | 'remaining' | 'waiting'>): string {
  const words: Record<ActivityState, string> = {
    open: `还剩 ${a.remaining} 个名额`,
    full: a.waiting > 0 ? `已满，可排队（前面 ${a.waiting} 人）` : '已满，可排队',
    not_open: '报名还没开始',
    closed: '报名已截止',
    ended: '活动已结束',
    cancelled: '活动已取消',
  }
  return words[a.state]
}

export function statusLine(status: SignUpStatus, position: number | null): string {
  if (status === 'waitlisted' && position) return `候补第 ${position} 位`
  return SIGN_UP_LABELS[status]
}

/** Hours as people say them: 2 小时, 2.5 小时 */
export const hoursText = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`
