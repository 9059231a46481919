import { rows } from '../../../../server/db'
import { forbidden } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { decodeCursor, pageOf } from '../../../../server/paging'
import { secondId } from '../lib/load'
import { SECONDS, SUGGESTIONS, type SecondDoc, type SuggestionDoc } from '../lib/model'
import { after, all, type Condition } from '../lib/query'
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
    const parts: Condition[] = [{ communityId, published: true }]
    if (buildingId) parts.push({ buildingId })
    const key = decodeCursor(cursor)
    if (key) parts.push(after(_, field, [field === 'seconds' ? key[0] : new Date(key[0]), key[1]]))
    const docs = await rows<SuggestionDoc>(
      ctx.db
        .collection(SUGGESTIONS)
        .where(all(_, parts))
        .orderBy(field, 'desc')
        .orderBy('_id', 'desc')
        .limit(limit + 1),
    )
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
    return pageOf(
      docs,
      limit,
      (d) => [field === 'seconds' ? d.seconds : (d.publishedAt ?? d.createdAt).getTime(), d._id],
      (d) => ({
        ...toSummary(d, ctx.now),
        decision: d.decision,
        resultText: d.result?.text ?? null,
        seconded: seconded.has(d._id),
        mine: d.openid === ctx.openid,
        canSecond: canSecond(d, viewerOf(ctx, d, household)),
        publishedAt: d.publishedAt?.toISOString() ?? null,
        text: d.text,
      }),
    )
  },
)
