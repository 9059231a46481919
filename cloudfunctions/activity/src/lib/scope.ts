// The activity a staff action is about, refused to anyone who is not staff of its community.
import { requireStaffOf } from '../../../../server/access'
import { notFound } from '../../../../server/errors'
import type { ActionContext } from '../../../../server/router'
import type { ActivityDoc } from './model'
import { getActivity } from './places'

export async function managedActivity(ctx: ActionContext, id: string): Promise<ActivityDoc> {
  const a = await getActivity(ctx.db, id)
  if (!a) throw notFound('这个活动')
  requireStaffOf(ctx.user, a.communityId)
  return a
}
