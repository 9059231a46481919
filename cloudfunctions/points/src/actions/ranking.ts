import type { EstateDoc } from '../../../../server/models'
import { forbidden } from '../../../../server/errors'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { rows } from '../../../../server/db'
import { dayKey } from '../../../../server/time'
import { points } from '../../../../src/contract/points'
import { rankBuildings } from '../lib/ranking'
import { callerCommunity, callerHousehold, monthKey } from '../lib/scope'

/** The month's ranking of the caller's estate (a resident's), or the community's first estate. */
export const ranking = handler(points.ranking, 'anyone', async (input, ctx) => {
  const month = monthKey(input.month, dayKey(ctx.now).slice(0, 6))
  let estate: EstateDoc | null
  if (ctx.user.householdId) {
    const h = await callerHousehold(ctx)
    estate = await getById<EstateDoc>(ctx.db, 'estates', h.estateId)
  } else if (ctx.user.roles.length) {
    const communityId = await callerCommunity(ctx)
    estate =
      (await rows<EstateDoc>(ctx.db.collection('estates').where({ communityId }).limit(1)))[0] ??
      null
  } else {
    throw forbidden('请先绑定您家的房屋')
  }
  if (!estate) throw forbidden('您所在的小区还没有垃圾分类')
  return {
    month: `${month.slice(0, 4)}-${month.slice(4, 6)}`,
    estateName: estate.name,
    buildings: await rankBuildings(ctx.db, estate._id, month),
  }
})
