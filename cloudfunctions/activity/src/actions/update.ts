import { checkContent } from '../../../../server/content'
import { readInTransaction, rows, inContendedTransaction } from '../../../../server/db'
import { conflict, notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { requireOwnImages } from '../../../../server/uploads'
import { activity } from '../../../../src/contract/activity'
import { activityNotice, notify, when } from '../lib/notify'
import { ACTIVITIES, SIGN_UPS, type ActivityDoc, type SignUpDoc } from '../lib/model'
import { getActivity, promote } from '../lib/places'
import { managedActivity } from '../lib/scope'
import { detailOf } from '../lib/views'
import { checkTimes } from './publish'

/** Everyone holding a place or waiting, to be told of a change or a cancellation. */
export async function peopleToTell(
  db: Parameters<typeof getActivity>[0],
  activityId: string,
): Promise<SignUpDoc[]> {
  const _ = db.command
  return rows<SignUpDoc>(
    db
      .collection(SIGN_UPS)
      .where({ activityId, status: _.in(['confirmed', 'waitlisted']) })
      .field({ openid: true, status: true })
      .limit(1000),
  )
}

/**
 * 修改: a change of time or place is messaged to everyone signed up and waitlisted; a larger
 * capacity promotes from the waitlist, a smaller one never below the places already taken.
 */
export const update = handler(activity.update, ['staff'], async (input, ctx) => {
  const a = await managedActivity(ctx, input.activityId)
  if (a.status === 'cancelled') throw conflict('活动已经取消，不能再修改')
  if (ctx.now.getTime() >= a.endAt.getTime()) throw conflict('活动已经结束，不能再修改')
  const { activityId, ...changes } = input
  const timesChanged = ['startAt', 'endAt', 'signUpClosesAt', 'withdrawBy'].some(
    (k) => changes[k as keyof typeof changes] !== undefined,
  )
  const next = {
    startAt: changes.startAt ?? a.startAt.getTime(),
    endAt: changes.endAt ?? a.endAt.getTime(),
    signUpOpensAt: a.signUpOpensAt.getTime(),
    signUpClosesAt: changes.signUpClosesAt ?? a.signUpClosesAt.getTime(),
    withdrawBy: changes.withdrawBy ?? a.withdrawBy.getTime(),
  }
  if (timesChanged) checkTimes(next, ctx.now)
  if (changes.cover) requireOwnImages([changes.cover], ctx.openid)
  const text = [changes.title, changes.place, changes.description].filter(Boolean).join('\n')
  if (text || changes.cover) await checkContent(ctx, text, changes.cover ? [changes.cover] : [])

  const moved =
    next.startAt !== a.startAt.getTime() ||
    next.endAt !== a.endAt.getTime() ||
    (changes.place !== undefined && changes.place !== a.place)
  const set: Partial<ActivityDoc> = { updatedAt: ctx.now }
  if (changes.title !== undefined) set.title = changes.title
  if (changes.theme !== undefined) set.theme = changes.theme
  if (changes.cover !== undefined) set.cover = changes.cover
  if (changes.description !== undefined) set.description = changes.description
  if (changes.place !== undefined) set.place = changes.place
  if (changes.contactPhone !== undefined) set.contactPhone = changes.contactPhone
  if (timesChanged) {
    set.startAt = new Date(next.startAt)
    set.endAt = new Date(next.endAt)
    set.signUpClosesAt = new Date(next.signUpClosesAt)
    set.withdrawBy = new Date(next.withdrawBy)
  }
  if (next.startAt !== a.startAt.getTime()) {
    set.remindedDay = false
    set.remindedHour = false
  }
  const grew = await inContendedTransaction(ctx.db, async (t) => {
    const cur = await readInTransaction<ActivityDoc>(t, ACTIVITIES, activityId)
    if (!cur) throw notFound('这个活动')
    const data: Partial<ActivityDoc> = { ...set }
    let more = false
    if (changes.capacity !== undefined && changes.capacity !== cur.capacity) {
      if (changes.capacity < cur.taken) {
        throw conflict(`已有 ${cur.taken} 人报上名，名额不能少于 ${cur.taken}`)
      }
      data.capacity = changes.capacity
      data.remaining = changes.capacity - cur.taken
      more = data.remaining > cur.remaining
    }
    await t.collection(ACTIVITIES).doc(activityId).update({ data })
    return more
  })
  if (grew) await promote(ctx, activityId)
  const after = (await getActivity(ctx.db, activityId)) ?? a
  if (moved) {
    const people = await peopleToTell(ctx.db, activityId)
    await notify(
      ctx,
      people.map((s) =>
        activityNotice(
          after,
          s.openid,
          '活动有变动',
          `「${after.title}」的时间或地点改了：${when(after)}。${s.status === 'waitlisted' ? '您仍在候补名单上。' : '您的名额保留。'}`,
        ),
      ),
    )
  }
  return detailOf(after, ctx, null, null)
})
