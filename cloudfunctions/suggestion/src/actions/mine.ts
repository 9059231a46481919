import { newestFirst } from '../../../../server/paging'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { SUGGESTIONS, type SuggestionDoc } from '../lib/model'
import { toSummary } from '../lib/views'

/** The caller's own suggestions, newest first (anonymous ones included: they are theirs). */
export const mine = handler(suggestion.mine, 'anyone', async ({ cursor, limit }, ctx) => {
  const page = await newestFirst<SuggestionDoc>(
    ctx.db,
    SUGGESTIONS,
    { openid: ctx.openid },
    'createdAt',
    { cursor, limit },
  )
  return { items: page.docs.map((d) => toSummary(d, ctx.now)), cursor: page.cursor }
})
