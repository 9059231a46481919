// Check-in: that sign-up and no other, once; hours and points credited in the same transaction.
import { readInTransaction, inContendedTransaction } from '../../../../server/db'
import { conflict, notFound } from '../../../../server/errors'
import type { HouseholdDoc } from '../../../../server/models'
import { post } from '../../../../server/points'
import type { Database } from '../../../../server/router'
import { dateTime, HOUR } from '../../../../server/time'
import { CHECK_IN_EARLY_MINUTES, type CheckInResult } from '../../../../src/contract/activity'
import {
  buildCheckInHours,
  HOURS,
  pointsKey,
  SIGN_UPS,
  type ActivityDoc,
  type SignUpDoc,
} from './model'

/** Staff may still check someone in (or correct a 未到) for a day after the end. */
const STAFF_GRACE = 24 * HOUR

export function checkInWindow(a: ActivityDoc, now: Date, staff: boolean): void {
  if (a.status === 'cancelled') throw conflict('这个活动已经取消了')
  const opens = a.startAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000
  const closes = a.endAt.getTime() + (staff ? STAFF_GRACE : 0)
  if (now.getTime() < opens) {
    throw conflict(`还没到签到时间，${dateTime(new Date(opens))} 开始签到`)
  }
  if (now.getTime() > closes) throw conflict('活动已经结束，签到已关闭')
}

const refusal: Record<string, string> = {
  waitlisted: '您还在候补名单上，没有报上名，不能签到',
  withdrawn: '您已经退出了这个活动，不能签到',
  cancelled: '这个活动已经取消了',
  no_show: '活动已经结束，您被记为未到；如果来了，请找工作人员补签',
}

export async function checkIn(
  db: Database,
  a: ActivityDoc,
  signUpIdValue: string,
  by: 'self' | string,
  now: Date,
): Promise<CheckInResult> {
  const _ = db.command
  return inContendedTransaction(db, async (t) => {
    const s = await readInTransaction<SignUpDoc>(t, SIGN_UPS, signUpIdValue)
    if (!s || s.activityId !== a._id) throw notFound('您在这个活动的报名，请先报名')
    const base = { signUpId: s._id, title: a.title, noHousehold: !s.householdId }
    if (s.status === 'checked_in')
      return { ...base, already: true, hours: s.hours, points: s.points }
    const staffFixingNoShow = s.status === 'no_show' && by !== 'self'
    if (s.status !== 'confirmed' && !staffFixingNoShow) {
      throw conflict(refusal[s.status] ?? '现在不能签到')
    }
    let points = 0
    if (a.points > 0 && s.householdId) {
      const h = await readInTransaction<HouseholdDoc>(t, 'households', s.householdId)
      if (h) {
        const posted = await post(t, {
          key: pointsKey(a._id, s.householdId, s.openid),
          householdId: s.householdId,
          communityId: h.communityId,
          delta: a.points,
          kind: 'activity',
          reason: `志愿活动：${a.title}`,
          refId: a._id,
          by: by === 'self' ? 'system' : by,
          now,
        })
        points = posted.applied ? a.points : 0
      }
    }
    if (a.hours > 0) await t.collection(HOURS).add({ data: buildCheckInHours(s, a, by, now) })
    await t
      .collection(SIGN_UPS)
      .doc(s._id)
      .update({
        data: {
          status: 'checked_in',
          checkedInAt: now,
          checkedInBy: by,
          hours: a.hours,
          points,
          updatedAt: now,
          history: _.push([{ at: now, what: by === 'self' ? '签到' : '工作人员代签到', by }]),
        },
      })
    return { ...base, already: false, hours: a.hours, points }
  })
}
