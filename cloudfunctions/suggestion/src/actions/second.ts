import { conflict, forbidden, isDuplicateKey, notFound } from '../../../../server/errors'
import { first } from '../../../../server/db'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { getSuggestion, secondId } from '../lib/load'
import {
  OPEN_STATUSES,
  SECONDS,
  SUGGESTIONS,
  type SecondDoc,
  type SuggestionDoc,
} from '../lib/model'
import { callerHousehold, canView, viewerOf } from '../lib/scope'
import { canSecond } from '../lib/views'

/**
 * 附议, exactly once per resident even under a burst: the per-(suggestion, resident) document's
 * deterministic _id lets the unique index refuse repeats, and the count is an atomic increment on
 * the suggestion, then read back (no transaction on that hot document).
 */
export const second = handler(suggestion.second, 'resident', async ({ id }, ctx) => {
  const [s, household] = await Promise.all([getSuggestion(ctx, id), callerHousehold(ctx)])
  if (!s) throw notFound('这条建议')
  const v = viewerOf(ctx, s, household)
  if (!canSecond(s, v)) {
    if (!canView(v, s)) throw notFound('这条建议')
    if (v.mine) throw forbidden('不能附议自己的建议')
    if (v.household) throw forbidden('不能附议自家的建议')
    if (!OPEN_STATUSES.includes(s.status)) throw conflict('这件事已经有了结果，不用再附议了')
    if (v.member) throw forbidden('这条建议还没有在议事长廊公开，不能附议')
    throw forbidden('只有本社区的居民可以附议')
  }
  const doc: SecondDoc = {
    _id: secondId(s._id, ctx.openid),
    suggestionId: s._id,
    openid: ctx.openid,
    createdAt: ctx.now,
  }
  try {
    await ctx.db.collection(SECONDS).add({ data: doc })
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('您已经附议过了')
    throw err
  }
  const _ = ctx.db.command
  try {
    await ctx.db
      .collection(SUGGESTIONS)
      .doc(s._id)
      .update({ data: { seconds: _.inc(1) } })
  } catch (err) {
    // Undo the record so the resident can try again and the count stays exact.
    try {
      await ctx.db.collection(SECONDS).doc(doc._id).remove()
    } catch (undo) {
      console.error('[suggestion.second] undo', undo)
    }
    throw err
  }
  // The count as it stands after this second, read back: it includes the caller and every second
  // that landed before it (never the stale count read before the increment). wx-server-sdk has no
  // increment-and-return, so in a burst two callers may both be told the newer total.
  const after = await first<Pick<SuggestionDoc, 'seconds'>>(
    ctx.db.collection(SUGGESTIONS).where({ _id: s._id }).field({ seconds: true }).limit(1),
  )
  return { seconds: Math.max(after?.seconds ?? 0, s.seconds + 1), seconded: true as const }
})
