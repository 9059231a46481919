import { rows } from '../../../../server/db'
import { forbidden } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { descending } from '../../../../server/paging'
import { secondId } from '../lib/load'
import { SECONDS, SUGGESTIONS, type SecondDoc, type SuggestionDoc } from '../lib/model'
import { callerHousehold, homeCommunity, viewerOf } from '../lib/scope'
import { canSecond, toSummary } from '../lib/views'

/** 议事长廊: the published suggestions of the caller's own community, newest or most seconded. */
export const board = handler(
  suggestion.board,
  'anyone',
  async ({ sort, buildingId, cursor, limit }, ctx) => {
    const _ = ctx.db.command
    const household = await callerHousehold(ctx)
    const communityId = homeCommunity(ctx.user, household)
    if (!communityId) throw forbidden('请先绑定您家的房屋，再看本社区的议事长廊')
    const field = sort === 'seconds' ? 'seconds' : 'publishedAt'
    const page = await descending<SuggestionDoc>(
      ctx.db,
      SUGGESTIONS,
      buildingId ? { communityId, published: true, buildingId } : { communityId, published: true },
      field,
      field === 'seconds' ? 'number' : 'date',
      { cursor, limit },
    )
    const docs = page.docs
    // Which of this page the caller already seconded: one read by the seconds' deterministic ids.
    const mineSeconds = docs.length
      ? await rows<SecondDoc>(
          ctx.db
            .collection(SECONDS)
            .where({ _id: _.in(docs.map((d) => secondId(d._id, ctx.openid))) })
            .limit(docs.length),
        )
      : []
    const seconded = new Set(mineSeconds.map((s) => s.suggestionId))
    return {
      cursor: page.cursor,
      items: docs.map((d) => ({
        ...toSummary(d, ctx.now),
        decision: d.decision,
        resultText: d.result?.text ?? null,
        seconded: seconded.has(d._id),
        mine: d.openid === ctx.openid,
        canSecond: canSecond(d, viewerOf(ctx, d, household)),
        publishedAt: d.publishedAt?.toISOString() ?? null,
        text: d.text,
      })),
    }
  },
)
