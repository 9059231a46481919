import { createHash } from 'node:crypto'
import { first, rows } from '../../../../server/db'
import type { HouseholdDoc } from '../../../../server/models'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { activity, type HoursRecord } from '../../../../src/contract/activity'
import { HOURS, SIGN_UPS, type HoursDoc, type SignUpDoc } from '../lib/model'

const CST = 8 * 3600_000
const yearOf = (d: Date) => new Date(d.getTime() + CST).getUTCFullYear()
/** Hours are kept in halves: sums of halves stay exact. */
const round = (n: number) => Math.round(n * 2) / 2

export function hoursRecordOf(h: HoursDoc): HoursRecord {
  return {
    id: h._id,
    activityId: h.activityId,
    title: h.title,
    communityName: h.communityName,
    date: (h.kind === 'correction' ? h.createdAt : h.date).toISOString(),
    hours: h.hours,
    kind: h.kind,
    reason: h.reason,
  }
}

/** 我的志愿时长: only from check-ins, with staff corrections shown as such. */
export const hours = handler(activity.hours, 'anyone', async (_input, ctx) => {
  const [entries, last, household] = await Promise.all([
    rows<HoursDoc>(
      ctx.db.collection(HOURS).where({ openid: ctx.openid }).orderBy('date', 'desc').limit(1000),
    ),
    first<Pick<SignUpDoc, 'name'>>(
      ctx.db
        .collection(SIGN_UPS)
        .where({ openid: ctx.openid })
        .orderBy('createdAt', 'desc')
        .field({ name: true })
        .limit(1),
    ),
    ctx.user.householdId
      ? first<HouseholdDoc>(
          ctx.db.collection('households').where({ _id: ctx.user.householdId }).limit(1),
        )
      : Promise.resolve(null),
  ])
  const years = new Map<number, number>()
  for (const e of entries) {
    const y = yearOf(e.kind === 'correction' ? e.createdAt : e.date)
    years.set(y, round((years.get(y) ?? 0) + e.hours))
  }
  const digest = createHash('sha256').update(ctx.openid).digest('hex').slice(0, 8).toUpperCase()
  return {
    name: last?.name ?? null,
    total: round(entries.reduce((n, e) => n + e.hours, 0)),
    byYear: [...years.entries()]
      .sort((x, y) => y[0] - x[0])
      .map(([year, h]) => ({ year, hours: h })),
    records: entries.map(hoursRecordOf),
    certificate: {
      recordNo: `ZYFW-${dayKey(ctx.now)}-${digest}`,
      communityName: household?.communityName ?? entries[0]?.communityName ?? null,
      issuedAt: ctx.now.toISOString(),
    },
  }
})
