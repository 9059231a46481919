import { isLiaisonOf, isStaffOf } from '../../../../server/access'
import { rows } from '../../../../server/db'
import type { BuildingDoc } from '../../../../server/models'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { aggregated } from '../lib/db'
import { OPEN_STATUSES, SUGGESTIONS, type SuggestionDoc } from '../lib/model'
import { callerHousehold } from '../lib/scope'
import { toSummary } from '../lib/views'

const SHOWN = 5

/**
 * Other residents' open suggestions of the same building and category, shown while a resident
 * writes a new one. Everyone identified learns how many there are; only the building's residents
 * and handlers see what they say (nothing is public until staff publish it).
 */
export const similar = handler(
  suggestion.similar,
  'anyone',
  async ({ buildingId, category }, ctx) => {
    const _ = ctx.db.command
    const where = {
      buildingId,
      category,
      status: _.in([...OPEN_STATUSES]),
      openid: _.neq(ctx.openid),
    }
    const isStaff = ctx.user.roles.some((r) => r.role === 'staff')
    const mayRead = Boolean(ctx.user.householdId) || ctx.user.roles.length > 0
    const [building, household, bySubmitter, docs] = await Promise.all([
      isStaff ? getById<BuildingDoc>(ctx.db, 'buildings', buildingId) : Promise.resolve(null),
      callerHousehold(ctx),
      // one row per submitter: how many residents, and how many suggestions in all. An anonymous
      // suggestion counts as a resident of its own, or the count would tie it to the same
      // person's named ones.
      aggregated<{ _id: string; n: number }>(
        ctx.db
          .collection(SUGGESTIONS)
          .aggregate()
          .match(where)
          .group({ _id: { $cond: ['$anonymous', '$_id', '$openid'] }, n: { $sum: 1 } })
          .limit(1000)
          .end(),
      ),
      mayRead
        ? rows<SuggestionDoc>(
            ctx.db.collection(SUGGESTIONS).where(where).orderBy('createdAt', 'desc').limit(SHOWN),
          )
        : Promise.resolve([]),
    ])
    const insider =
      household?.buildingId === buildingId ||
      isLiaisonOf(ctx.user, buildingId) ||
      (building !== null && isStaffOf(ctx.user, building.communityId))
    return {
      count: bySubmitter.reduce((sum, g) => sum + g.n, 0),
      residents: bySubmitter.length,
      items: insider ? docs.map((d) => toSummary(d, ctx.now)) : [],
    }
  },
)
