// A transaction on a document many callers want at once (a reward's stock the moment it is
// announced, a collection point's day counter at the morning peak). WeChat cloud refuses a write
// to a document another transaction holds, so the loser retries — after a pause drawn at random
// up to a bound that doubles each time (full jitter), so a crowd spreads out instead of
// colliding again — until it wins, is refused (`stillPossible` says no: out of stock), or gives up.
import { conflict } from '../../../../server/errors'
import { inTransaction, isTransactionConflict, type Tx } from '../../../../server/db'
import type { Database } from '../../../../server/router'

const ATTEMPTS = 30
const BASE_MS = 40
const CAP_MS = 2000

export async function contended<T>(
  db: Database,
  run: (t: Tx) => Promise<T>,
  busy = '现在办理的人太多了，请稍后再试',
  /** a cheap read outside any transaction between attempts; throws the answer when there is no point in trying again */
  stillPossible?: () => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, run)
    } catch (err) {
      if (!isTransactionConflict(err)) throw err
      if (attempt >= ATTEMPTS) throw conflict(busy)
      await new Promise((r) =>
        setTimeout(r, Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt)),
      )
      if (stillPossible) await stillPossible()
    }
  }
}
