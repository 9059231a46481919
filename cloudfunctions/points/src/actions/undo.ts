import { AppError, conflict, forbidden, notFound } from '../../../../server/errors'
import { readInTransaction, inContendedTransaction } from '../../../../server/db'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { points, UNDO_WITHIN_SECONDS } from '../../../../src/contract/points'
import { recordId, SORTING_RECORDS, type SortingRecordDoc } from '../lib/model'
import { applyChange } from '../lib/sorting'
import { requireSupervisor } from '../lib/scope'
import { recordView } from '../lib/views'

/**
 * The recorder takes back a recording within a minute (the wrong card was scanned). The record
 * stays, marked void; its points are taken back by a new ledger entry; the day may be recorded
 * again.
 */
export const undo = handler(points.undo, ['supervisor'], async (input, ctx) => {
  requireSupervisor(ctx.user)
  const id = recordId(input.householdId, dayKey(ctx.now))
  try {
    return await inContendedTransaction(ctx.db, async (t) => {
      const prev = await readInTransaction<SortingRecordDoc>(t, SORTING_RECORDS, id)
      if (!prev || prev.void) throw notFound('这户今天的记录')
      if (prev.recordedBy !== ctx.openid) throw forbidden('只能撤销您自己刚记的')
      if (ctx.now.getTime() - prev.recordedAt.getTime() > UNDO_WITHIN_SECONDS * 1000) {
        throw conflict(`超过 ${UNDO_WITHIN_SECONDS} 秒了，不能撤销，请用“更正”`)
      }
      const next: SortingRecordDoc = {
        ...prev,
        void: true,
        points: 0,
        version: prev.version + 1,
        history: [
          ...prev.history,
          {
            at: ctx.now,
            by: ctx.openid,
            kind: 'undone',
            correct: prev.correct,
            reason: prev.reason,
            why: '撤销',
          },
        ],
        updatedAt: ctx.now,
      }
      await applyChange(t, prev, next, '撤销记录', ctx.openid, ctx.now)
      return {
        status: 'recorded' as const,
        record: recordView(next, ctx.openid, ctx.now),
        message: '已撤销，可以重新记录',
      }
    })
  } catch (err) {
    if (err instanceof AppError && err.message === '积分余额不够') {
      throw conflict('这户的积分已经用掉了，不能撤销，请联系社区两委调整')
    }
    throw err
  }
})
