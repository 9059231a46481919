import { randomBytes } from 'node:crypto'
import { inTransaction, readInTransaction } from '../../../../server/db'
import { forbidden, notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { requireOwnImages } from '../../../../server/uploads'
import { points } from '../../../../src/contract/points'
import { REWARDS, type RewardDoc } from '../lib/model'
import { put } from '../lib/sorting'
import { staffCommunity } from '../lib/scope'
import { rewardView } from '../lib/views'
import { isStaffOf } from '../../../../server/access'

/**
 * Staff add a reward, edit it, restock it (the stock grows by `restock` inside a transaction, so
 * a restock during redemptions loses none of them) or withdraw it (`active: false`).
 */
export const saveReward = handler(points.saveReward, ['staff'], async (input, ctx) => {
  if (input.photo) requireOwnImages([input.photo], ctx.openid)
  const communityId = staffCommunity(ctx.user)
  const id = input.id ?? `rw-${communityId}-${randomBytes(6).toString('hex')}`
  const saved = await inTransaction(ctx.db, async (t) => {
    const prev = input.id ? await readInTransaction<RewardDoc>(t, REWARDS, input.id) : null
    if (input.id && !prev) throw notFound('这个奖品')
    if (prev && !isStaffOf(ctx.user, prev.communityId)) throw forbidden('这个奖品不是本社区的')
    const doc: RewardDoc = {
      _id: id,
      communityId: prev?.communityId ?? communityId,
      name: input.name,
      description: input.description,
      photo: input.photo,
      points: input.points,
      stock: (prev?.stock ?? 0) + input.restock,
      monthlyLimit: input.monthlyLimit,
      active: input.active,
      createdAt: prev?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    }
    await put(t, REWARDS, doc)
    return doc
  })
  return rewardView(saved, 0)
})
