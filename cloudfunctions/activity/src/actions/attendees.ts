import { rows } from '../../../../server/db'
import { handler, type ActionContext } from '../../../../server/router'
import type { UserDoc } from '../../../../server/models'
import { activity, type AttendeeList } from '../../../../src/contract/activity'
import { SIGN_UPS, type ActivityDoc, type SignUpDoc } from '../lib/model'
import { managedActivity } from '../lib/scope'
import { attendeeOf, cardOf } from '../lib/views'

const MAX = 1000

/** Every sign-up of an activity (at most 1000, the largest capacity), arrival order. */
export async function allSignUps(ctx: ActionContext, activityId: string): Promise<SignUpDoc[]> {
  const out: SignUpDoc[] = []
  for (let skip = 0; ; skip += MAX) {
    const page = await rows<SignUpDoc>(
      ctx.db
        .collection(SIGN_UPS)
        .where({ activityId })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(MAX),
    )
    out.push(...page)
    if (page.length < MAX) return out
  }
}

export async function attendeeList(ctx: ActionContext, a: ActivityDoc): Promise<AttendeeList> {
  const _ = ctx.db.command
  const signUps = await allSignUps(ctx, a._id)
  const staffIds = [
    ...new Set(signUps.map((s) => s.checkedInBy).filter((b): b is string => !!b && b !== 'self')),
  ]
  const staff = staffIds.length
    ? await rows<UserDoc>(
        ctx.db
          .collection('users')
          .where({ _id: _.in(staffIds) })
          .limit(100),
      )
    : []
  const titles = new Map(staff.map((u) => [u._id, u.roles[0]?.title ?? '工作人员']))
  const view = (s: SignUpDoc) => attendeeOf(s, a, titles)
  const of = (status: SignUpDoc['status']) => signUps.filter((s) => s.status === status).map(view)
  const waitlisted = of('waitlisted').sort((x, y) => (x.position ?? 0) - (y.position ?? 0))
  return {
    activity: cardOf(a, ctx.now),
    confirmed: of('confirmed'),
    waitlisted,
    checkedIn: of('checked_in'),
    noShow: of('no_show'),
    withdrawn: [...of('withdrawn'), ...of('cancelled')],
    people: signUps
      .filter(
        (s) => s.status === 'confirmed' || s.status === 'checked_in' || s.status === 'no_show',
      )
      .reduce((n, s) => n + s.party, 0),
  }
}

/** 报名名单: confirmed, waitlisted (in order), checked in, 未到, withdrawn. */
export const attendees = handler(activity.attendees, ['staff'], async ({ activityId }, ctx) =>
  attendeeList(ctx, await managedActivity(ctx, activityId)),
)
