import { isLiaisonOf, isStaffOf, staffCommunities } from '../../../../server/access'
import { rows, aggregated } from '../../../../server/db'
import type { BuildingDoc } from '../../../../server/models'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import {
  similarStage,
  suggestion,
  type SimilarItem,
  type SuggestionSummary,
} from '../../../../src/contract/suggestion'
import { secondId } from '../lib/load'
import {
  OPEN_STATUSES,
  SECONDS,
  SUGGESTIONS,
  type SecondDoc,
  type SuggestionDoc,
} from '../lib/model'
import { callerHousehold } from '../lib/scope'
import { excerpt, toSummary } from '../lib/views'

const SHOWN = 5

/**
 * Open suggestions of the same building and category, shown while a resident writes a new one,
 * so that they second one (附议) instead of filing a duplicate.
 *
 * - Everyone identified learns how many residents reported one ("本楼已有 N 位邻居").
 * - The building's residents also get one entry per suggestion with its stage (受理中 / 办理中)
 *   and a 附议 handle, but no text, photo, number or date until staff publish it: an unpublished
 *   suggestion is its household's, its liaison's and its community staff's to read, and an
 *   anonymous one must not be traceable. A published one shows its excerpt, as the board does.
 * - The building's handlers see excerpts (they read them all in the inbox anyway).
 * - The caller's own open suggestions (and their household's named ones) come back as `mine`,
 *   with their numbers, so nobody files a duplicate of their own.
 */
export const similar = handler(
  suggestion.similar,
  'anyone',
  async ({ buildingId, category }, ctx) => {
    const _ = ctx.db.command
    const open = { buildingId, category, status: _.in([...OPEN_STATUSES]) }
    // the user document names the household: the queries need not wait for the household's read
    const ownId = ctx.user.householdId
    // Theirs: the caller's own, and their household's named ones. Others: everything else.
    const ours = ownId
      ? _.or([{ openid: ctx.openid }, { householdId: ownId, anonymous: false }])
      : { openid: ctx.openid }
    const others = ownId
      ? _.and([
          { openid: _.neq(ctx.openid) },
          _.or([{ householdId: _.neq(ownId) }, { anonymous: true }]),
        ])
      : { openid: _.neq(ctx.openid) }
    const isStaff = staffCommunities(ctx.user).length > 0
    // whether they are of this building is known once the household is read, in parallel
    const mayList = Boolean(ownId) || ctx.user.roles.length > 0
    const [household, building, bySubmitter, docs, own] = await Promise.all([
      callerHousehold(ctx),
      isStaff ? getById<BuildingDoc>(ctx.db, 'buildings', buildingId) : Promise.resolve(null),
      // one row per submitter: how many residents, and how many suggestions in all. An anonymous
      // suggestion counts as a resident of its own, or the count would tie it to the same
      // person's named ones.
      aggregated<{ _id: string; n: number }>(
        ctx.db
          .collection(SUGGESTIONS)
          .aggregate()
          .match(_.and([open, others]))
          .group({ _id: { $cond: ['$anonymous', '$_id', '$openid'] }, n: { $sum: 1 } })
          .limit(1000)
          .end(),
      ),
      mayList
        ? rows<SuggestionDoc>(
            ctx.db
              .collection(SUGGESTIONS)
              .where(_.and([open, others]))
              .orderBy('createdAt', 'desc')
              .limit(SHOWN),
          )
        : Promise.resolve([]),
      rows<SuggestionDoc>(
        ctx.db
          .collection(SUGGESTIONS)
          .where(_.and([open, ours]))
          .orderBy('createdAt', 'desc')
          .limit(SHOWN),
      ),
    ])
    const neighbour = household?.buildingId === buildingId
    const handlerHere =
      isLiaisonOf(ctx.user, buildingId) ||
      (building !== null && isStaffOf(ctx.user, building.communityId))
    const listed = neighbour || handlerHere ? docs : []
    const seconded = listed.length
      ? await rows<SecondDoc>(
          ctx.db
            .collection(SECONDS)
            .where({ _id: _.in(listed.map((d) => secondId(d._id, ctx.openid))) })
            .limit(SHOWN),
        )
      : []
    const secondedIds = new Set(seconded.map((d) => d.suggestionId))
    const items: SimilarItem[] = listed.map((d) => ({
      id: d._id,
      category: d.category,
      stage: similarStage(d.status),
      seconds: d.seconds,
      seconded: secondedIds.has(d._id),
      published: d.published,
      excerpt: d.published || handlerHere ? excerpt(d.text) : null,
    }))
    const mine: SuggestionSummary[] = own.map((d) => toSummary(d, ctx.now))
    return {
      count: bySubmitter.reduce((sum, g) => sum + g.n, 0),
      residents: bySubmitter.length,
      items,
      mine,
    }
  },
)
