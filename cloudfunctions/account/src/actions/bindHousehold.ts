import { account } from '../../../../src/contract/account'
import { first } from '../../../../server/db'
import { invalid, notFound } from '../../../../server/errors'
import type { HouseholdDoc, UserDoc } from '../../../../server/models'
import { getHousehold, parseScene } from '../../../../server/places'
import { buildProfile } from '../../../../server/profile'
import { handler, type ActionContext } from '../../../../server/router'

/** Stores the caller's user document with the given household (creating it on first use). */
export async function saveHousehold(
  ctx: ActionContext,
  householdId: string | null,
): Promise<UserDoc> {
  const user: UserDoc = { ...ctx.user, householdId, updatedAt: ctx.now }
  if (ctx.persisted) {
    await ctx.db
      .collection('users')
      .doc(ctx.openid)
      .update({
        data: { householdId, updatedAt: ctx.now },
      })
  } else {
    await ctx.db.collection('users').add({ data: user })
  }
  return user
}

/** By building + unit + room, or by the scene of a household card. A household may have many members. */
export const bindHousehold = handler(account.bindHousehold, 'anyone', async (input, ctx) => {
  let household: HouseholdDoc
  if ('scene' in input) {
    const target = parseScene(input.scene)
    if (target.kind !== 'household') {
      throw invalid('这是楼栋的二维码，请扫描您家的户卡，或选择单元并填写房号')
    }
    household = await getHousehold(ctx.db, target.id)
  } else {
    const found = await first<HouseholdDoc>(
      ctx.db
        .collection('households')
        .where({ buildingId: input.buildingId, unit: input.unit, room: input.room })
        .limit(1),
    )
    if (!found) throw notFound('这户，请核对楼栋、单元和房号')
    household = found
  }
  const user = await saveHousehold(ctx, household._id)
  return buildProfile(ctx.db, user)
})
