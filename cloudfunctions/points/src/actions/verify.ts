import { staffCommunities } from '../../../../server/access'
import { inTransaction, readInTransaction } from '../../../../server/db'
import { conflict, notFound } from '../../../../server/errors'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import {
  codeId,
  PICKUP_CODES,
  REDEMPTIONS,
  type PickupCodeDoc,
  type RedemptionDoc,
} from '../lib/model'
import { together } from '../lib/sorting'
import { redemptionView } from '../lib/views'

/**
 * Staff look up a pickup code of their community (what it is for, whose household) and, with
 * `collect`, hand the reward over: once — the transaction reads the status and closes the code.
 */
export const verify = handler(points.verify, ['staff'], async (input, ctx) => {
  let found: RedemptionDoc | null = null
  for (const communityId of staffCommunities(ctx.user)) {
    const held = await getById<PickupCodeDoc>(ctx.db, PICKUP_CODES, codeId(communityId, input.code))
    if (held?.open) {
      found = await getById<RedemptionDoc>(ctx.db, REDEMPTIONS, held.redemptionId)
      break
    }
  }
  if (!found) throw notFound('这个取货码，可能已经领过、取消或过期了')
  if (found.status === 'open' && found.expiresAt.getTime() < ctx.now.getTime()) {
    throw conflict('这个取货码已经过期了，积分会自动退回')
  }
  if (!input.collect) return redemptionView(found)
  const id = found._id
  const next = await inTransaction(ctx.db, async (t) => {
    const r = await readInTransaction<RedemptionDoc>(t, REDEMPTIONS, id)
    if (!r || r.status !== 'open') throw conflict('这个取货码已经用过了')
    const closed: RedemptionDoc = {
      ...r,
      status: 'collected',
      closedAt: ctx.now,
      closedBy: ctx.openid,
    }
    await together([
      t
        .collection(REDEMPTIONS)
        .doc(id)
        .update({
          data: { status: 'collected', closedAt: ctx.now, closedBy: ctx.openid },
        }),
      t
        .collection(PICKUP_CODES)
        .doc(codeId(r.communityId, r.code))
        .update({ data: { open: false } }),
    ])
    return closed
  })
  return redemptionView(next)
})
