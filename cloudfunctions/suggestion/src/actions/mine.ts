import { rows } from '../../../../server/db'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { decodeCursor, pageOf } from '../lib/cursor'
import { SUGGESTIONS, type SuggestionDoc } from '../lib/model'
import { toSummary } from '../lib/views'

/** The caller's own suggestions, newest first (anonymous ones included: they are theirs). */
export const mine = handler(suggestion.mine, 'anyone', async ({ cursor, limit }, ctx) => {
  const _ = ctx.db.command
  const after = decodeCursor(cursor)
  const where = after
    ? _.and(
        { openid: ctx.openid },
        _.or(
          { createdAt: _.lt(new Date(after[0])) },
          { createdAt: new Date(after[0]), _id: _.lt(after[1]) },
        ),
      )
    : { openid: ctx.openid }
  const docs = await rows<SuggestionDoc>(
    ctx.db
      .collection(SUGGESTIONS)
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1),
  )
  return pageOf(
    docs,
    limit,
    (d) => [d.createdAt.getTime(), d._id],
    (d) => toSummary(d, ctx.now),
  )
})
