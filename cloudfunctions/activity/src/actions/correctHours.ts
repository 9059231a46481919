import { randomBytes } from 'node:crypto'
import { readInTransaction, inContendedTransaction } from '../../../../server/db'
import { conflict, notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { HOURS, SIGN_UPS, type HoursDoc, type SignUpDoc } from '../lib/model'
import { getSignUp } from '../lib/places'
import { managedActivity } from '../lib/scope'
import { hoursRecordOf } from './hours'

/** A staff correction of one sign-up's hours: a new entry with its reason, never an edit. */
export const correctHours = handler(
  activity.correctHours,
  ['staff'],
  async ({ signUpId, delta, reason }, ctx) => {
    const found = await getSignUp(ctx.db, signUpId)
    if (!found) throw notFound('这条报名')
    const a = await managedActivity(ctx, found.activityId)
    const _ = ctx.db.command
    const entry = await inContendedTransaction(ctx.db, async (t) => {
      const s = await readInTransaction<SignUpDoc>(t, SIGN_UPS, signUpId)
      if (!s) throw notFound('这条报名')
      if (s.status !== 'checked_in')
        throw conflict('只有已签到的报名可以更正时长；未到的请先代签到')
      if (s.hours + delta < 0) throw conflict(`更正后时长不能是负数（现在是 ${s.hours} 小时）`)
      const doc: HoursDoc = {
        _id: `fix-${s._id}-${randomBytes(3).toString('hex')}`,
        openid: s.openid,
        activityId: a._id,
        signUpId: s._id,
        title: a.title,
        communityId: a.communityId,
        communityName: a.communityName,
        date: a.startAt,
        hours: delta,
        kind: 'correction',
        reason,
        by: ctx.openid,
        createdAt: ctx.now,
      }
      await t.collection(HOURS).add({ data: doc })
      await t
        .collection(SIGN_UPS)
        .doc(s._id)
        .update({
          data: {
            hours: _.inc(delta),
            updatedAt: ctx.now,
            history: _.push([
              {
                at: ctx.now,
                what: `时长更正 ${delta > 0 ? '+' : ''}${delta}：${reason}`,
                by: ctx.openid,
              },
            ]),
          },
        })
      return doc
    })
    return hoursRecordOf(entry)
  },
)
