// Reminders the day before and one hour before the start, to everyone holding a place; each
// activity's reminder is claimed with a conditional update first, so overlapping runs never send twice.
import { rows, updated } from '../../../../server/db'
import type { TimerContext } from '../../../../server/router'
import { dayKey, HOUR } from '../../../../server/time'
import { activityNotice, notify, when } from '../lib/notify'
import { ACTIVITIES, SIGN_UPS, type ActivityDoc, type SignUpDoc } from '../lib/model'

export async function sendReminders(ctx: TimerContext): Promise<{ day: number; hour: number }> {
  const { db, now } = ctx
  const _ = db.command
  const t = now.getTime()
  const due = async (flag: 'remindedDay' | 'remindedHour', within: number) => {
    const found = await rows<ActivityDoc>(
      db
        .collection(ACTIVITIES)
        .where({
          status: 'published',
          [flag]: false,
          startAt: _.gt(now).and(_.lte(new Date(t + within))),
        })
        .field({ queue: false, left: false })
        .limit(100),
    )
    const mine: ActivityDoc[] = []
    for (const a of found) {
      // the hour reminder makes the day reminder pointless
      const data =
        flag === 'remindedHour' ? { remindedHour: true, remindedDay: true } : { [flag]: true }
      const claimed = await updated(
        db
          .collection(ACTIVITIES)
          .where({ _id: a._id, [flag]: false })
          .update({ data }),
      )
      if (claimed) mine.push(a)
    }
    return mine
  }
  const hour = await due('remindedHour', HOUR)
  const day = await due('remindedDay', 24 * HOUR)
  // within the next day: 明天 when it starts on tomorrow's date (China time), else 今天
  const dayLabel = (a: ActivityDoc) => (dayKey(a.startAt) === dayKey(now) ? '今天开始' : '明天开始')
  for (const [list, fixed] of [
    [hour, '一小时后开始'],
    [day, null],
  ] as const) {
    for (const a of list) {
      const label = fixed ?? dayLabel(a)
      const people = await rows<SignUpDoc>(
        db
          .collection(SIGN_UPS)
          .where({ activityId: a._id, status: 'confirmed' })
          .field({ openid: true })
          .limit(1000),
      )
      await notify(
        ctx,
        people.map((s) =>
          activityNotice(
            a,
            s.openid,
            `活动${label}`,
            `「${a.title}」${label}：${when(a)}。到了请扫码签到。`,
          ),
        ),
      )
    }
  }
  return { day: day.length, hour: hour.length }
}
