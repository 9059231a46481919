// Dates as residents read them, once for every domain: China Standard Time (Asia/Shanghai, UTC+8,
// no daylight saving) — day keys for daily quotas and awards, day boundaries, message times.
const CST = 8 * 3600_000
export const HOUR = 3600_000
export const DAY = 24 * HOUR

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function cst(d: Date) {
  const x = new Date(d.getTime() + CST)
  return {
    y: x.getUTCFullYear(),
    m: x.getUTCMonth() + 1,
    d: x.getUTCDate(),
    h: x.getUTCHours(),
    min: x.getUTCMinutes(),
  }
}

/** 20250315: the UTC+8 day, for per-day quotas. */
export function dayKey(d: Date): string {
  const p = cst(d)
  return `${p.y}${pad(p.m)}${pad(p.d)}`
}

/** 250315: the date part of a suggestion number. */
export function shortDate(d: Date): string {
  return dayKey(d).slice(2)
}

/** 2025-03-15 14:05, for subscribe messages (their `time` fields take this form). */
export function dateTime(d: Date): string {
  const p = cst(d)
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}`
}

/** Midnight (UTC+8) that starts the given YYYY-MM-DD, or null when it is not a real date. */
export function dayStart(ymd: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const utc = Date.UTC(y, mo - 1, d)
  const check = new Date(utc)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null
  }
  return new Date(utc - CST)
}

export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms)
