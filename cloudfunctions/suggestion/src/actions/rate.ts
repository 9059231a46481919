import { conflict } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { detailOf, loadAsSubmitter } from '../lib/load'
import { rateChange } from '../lib/changes'
import { applyChange } from '../lib/write'

/** The submitter rates a resolved suggestion, once (1–5 and an optional comment). */
export const rate = handler(suggestion.rate, 'anyone', async (input, ctx) => {
  const { s, v } = await loadAsSubmitter(ctx, input.id)
  if (s.status !== 'resolved') throw conflict('办结以后才能评价')
  if (s.rating) throw conflict('您已经评价过了')
  await checkContent(ctx, input.comment)
  const next = await applyChange(
    ctx,
    s,
    { openid: ctx.openid, status: 'resolved', rating: null },
    rateChange(s, input.score, input.comment, ctx.now),
  )
  return detailOf(ctx, next, v)
})
