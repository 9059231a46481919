// A transaction on a document many callers want at once (a reward's stock at the moment it is
// announced, a collection point's day counter at the morning peak): WeChat cloud refuses a write to a document another transaction holds, so the loser
// retries after a growing random pause until it wins, is refused (out of stock), or gives up.
import { conflict } from '../../../../server/errors'
import { inTransaction, isTransactionConflict, type Tx } from '../../../../server/db'
import type { Database } from '../../../../server/router'

const ATTEMPTS = 40

export async function contended<T>(
  db: Database,
  run: (t: Tx) => Promise<T>,
  busy = '现在办理的人太多了，请稍后再试',
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, run)
    } catch (err) {
      if (!isTransactionConflict(err)) throw err
      if (attempt >= ATTEMPTS) throw conflict(busy)
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 25 * attempt)))
    }
  }
}
