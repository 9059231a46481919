import { AppError, conflict, forbidden, notFound } from '../../../../server/errors'
import { readInTransaction, inContendedTransaction } from '../../../../server/db'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { points } from '../../../../src/contract/points'
import { recordId, SORTING_RECORDS, type SortingRecordDoc } from '../lib/model'
import { applyChange } from '../lib/sorting'
import { pointsPerDay, requireSupervisor } from '../lib/scope'
import { recordView } from '../lib/views'

/**
 * Same-day correction of a mistaken record by a supervisor of the point that recorded it, with a
 * reason. Points follow (a credit or a debit, keyed by the record's version) and every entry
 * stays in the ledger; the record keeps its history.
 */
export const correct = handler(points.correct, ['supervisor'], async (input, ctx) => {
  const grant = requireSupervisor(ctx.user)
  const id = recordId(input.householdId, dayKey(ctx.now))
  const perDay = await pointsPerDay(ctx.db, grant.communityId)
  try {
    return await inContendedTransaction(ctx.db, async (t) => {
      const prev = await readInTransaction<SortingRecordDoc>(t, SORTING_RECORDS, id)
      if (!prev || prev.void) throw notFound('这户今天的记录')
      if (prev.recordedAtPoint !== grant.pointId) {
        throw forbidden('只有记录这条的投放点的督导员可以更正')
      }
      if (prev.correct === input.correct && prev.reason === (input.correct ? null : input.reason)) {
        throw conflict('记录已经是这样了，不用更正')
      }
      const version = prev.version + 1
      const next: SortingRecordDoc = {
        ...prev,
        correct: input.correct,
        reason: input.correct ? null : input.reason,
        photo: input.correct ? null : prev.photo,
        points: input.correct ? (prev.correct ? prev.points : perDay) : 0,
        version,
        history: [
          ...prev.history,
          {
            at: ctx.now,
            by: ctx.openid,
            kind: 'corrected',
            correct: input.correct,
            reason: input.correct ? null : input.reason,
            why: input.why,
          },
        ],
        updatedAt: ctx.now,
      }
      await applyChange(t, prev, next, `更正：${input.why}`, ctx.openid, ctx.now)
      return {
        status: 'recorded' as const,
        record: recordView(next, ctx.openid, ctx.now),
        message: input.correct
          ? `已更正为分类正确 +${next.points} 分`
          : `已更正为 ${input.reason ?? '分类不正确'}`,
      }
    })
  } catch (err) {
    if (err instanceof AppError && err.message === '积分余额不够') {
      throw conflict('这户的积分已经用掉了，不能收回，请联系社区两委调整')
    }
    throw err
  }
})
