// Transactions on an activity's hot document: many withdrawals (and promotions) may contend with
// each other and with the plain conditional increments of sign-ups, so they retry longer than the
// shared inTransaction alone does.
import { inTransaction, isTransactionConflict, type Tx } from '../../../../server/db'
import type { Database } from '../../../../server/router'

const ROUNDS = 8

export async function contended<T>(db: Database, run: (t: Tx) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await inTransaction(db, run)
    } catch (err) {
      if (round >= ROUNDS || !isTransactionConflict(err)) throw err
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * round))
    }
  }
}
