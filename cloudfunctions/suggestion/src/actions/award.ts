import { AppError, conflict, forbidden, isDuplicateKey } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { inTransaction, isTransactionConflict, readInTransaction } from '../../../../server/db'
import { load, getSuggestion } from '../lib/load'
import { privateKey } from '../../../../server/keys'
import { post } from '../../../../server/points'
import { applied, goldenChange, goldenPosting } from '../lib/changes'
import { SUGGESTIONS, type SuggestionDoc } from '../lib/model'
import { handlerActor } from '../lib/scope'
import { tell, toSubmitter } from '../lib/write'

const alreadyAwarded = () => conflict('这条建议已经评为金点子了')

/**
 * 金点子: staff mark a suggestion golden and award points to the submitting household, once.
 * The flag, the household's balance and its ledger entry are written in one transaction, so
 * balance and ledger always agree. Once only: the transaction reads the flag from its snapshot,
 * and of two racing awards that both saw it unset, the second's write to the suggestion conflicts.
 * A named suggestion's ledger entry is also keyed golden-<suggestion> (a duplicate insert fails);
 * an anonymous one's is a keyed hash of it (server/keys.ts): it collides on a repeat like the
 * named key, yet a reader of ledgers cannot tie it to the suggestion, and so to the household.
 */
export const award = handler(suggestion.award, ['staff'], async (input, ctx) => {
  const { s, v } = await load(ctx, input.id)
  if (!v.staff) throw forbidden('只有本社区两委可以评金点子')
  if (s.golden) throw alreadyAwarded()
  const householdId = s.householdId
  if (!householdId) throw conflict('提出这条建议的居民没有绑定房屋，无法奖励积分')
  const points = input.points
  const _ = ctx.db.command
  const change = goldenChange(points, handlerActor(v), ctx.now)

  let balance: number
  try {
    balance = await inTransaction(ctx.db, async (t) => {
      const now = await readInTransaction<SuggestionDoc>(t, SUGGESTIONS, s._id)
      if (!now || now.golden) throw alreadyAwarded()
      // The suggestion first: of racing awards of one suggestion, all but one stop at its lock
      // here, before any of them holds the household's account (shared with its other awards).
      await t
        .collection(SUGGESTIONS)
        .doc(s._id)
        .update({
          data: { ...change.changes, updatedAt: ctx.now, timeline: _.push([change.entry]) },
        })
      const posted = await post(
        t,
        goldenPosting(s, householdId, points, ctx.openid, ctx.now, privateKey('golden', s._id)),
      )
      if (!posted.applied) throw alreadyAwarded()
      return posted.balance
    })
  } catch (err) {
    if (err instanceof AppError) throw err
    if (isDuplicateKey(err)) throw alreadyAwarded()
    if (isTransactionConflict(err)) {
      // Another award (or a second's increment) committed first; tell which.
      const now = await getSuggestion(ctx, s._id)
      if (now?.golden) throw alreadyAwarded()
      throw conflict('有人正在同时修改这条建议，请稍后再试')
    }
    throw err
  }

  const next = applied(s, change, ctx.now)
  await tell(ctx, [toSubmitter(next, 'golden', '您的建议被评为金点子', `奖励您家 ${points} 积分`)])
  return { points, balance: s.anonymous ? null : balance }
})
