// The points ledger every domain shares: 金点子, garbage sorting, activities, redemptions.
//
// Points belong to a household (every member sees one account). An account's balance always
// equals the sum of its ledger entries: both are written in one transaction, and entries are never
// edited or removed (a correction is a new entry). Each entry's `_id` is its idempotency key,
// derived from what caused it (`sorting-<household>-<day>`, `golden-<suggestion>` …), so a retried
// or repeated cause never counts twice. A debit that would take the balance below zero is refused
// with CONFLICT and writes nothing.
import { conflict } from './errors'
import { readInTransaction, type Tx } from './db'

export const POINTS_ACCOUNTS = 'pointsAccounts'
export const POINTS_LEDGER = 'pointsLedger'

/** Why points moved. Closed: a new cause is added here, on purpose. */
export const POINTS_KINDS = [
  'golden',
  'sorting',
  'activity',
  'redeem',
  'refund',
  'adjust',
  'expire',
] as const
export type PointsKind = (typeof POINTS_KINDS)[number]

/** A household's points: `_id` = householdId. */
export interface PointsAccountDoc {
  _id: string
  householdId: string
  communityId: string
  balance: number
  createdAt: Date
  updatedAt: Date
}

export interface PointsLedgerDoc {
  /** the idempotency key: derived from the cause */
  _id: string
  householdId: string
  communityId: string
  /** positive: credit; negative: debit */
  delta: number
  balanceAfter: number
  kind: PointsKind
  /** shown to the household, e.g. 金点子：261202-0012, 垃圾分类 11月3日 */
  reason: string
  /** what caused it (a suggestion, an activity, a redemption), null when that must not be named */
  refId: string | null
  /** openid of whoever made it happen (staff, supervisor), or 'system' */
  by: string
  createdAt: Date
}

export interface Posting {
  key: string
  householdId: string
  communityId: string
  delta: number
  kind: PointsKind
  reason: string
  refId: string | null
  by: string
  now: Date
}

export interface Posted {
  /** false: an entry with this key already existed, and nothing was written */
  applied: boolean
  balance: number
  entry: PointsLedgerDoc
}

export const notEnoughPoints = () => conflict('积分余额不够')

/**
 * Credits or debits a household inside the caller's transaction (single-document reads and
 * writes only, as WeChat cloud requires). Reads the entry's key first: a repeat returns the entry
 * already written. Run it last in a transaction that touches other documents, so the account is
 * locked for as short a time as possible.
 */
export async function post(t: Tx, p: Posting): Promise<Posted> {
  if (!Number.isInteger(p.delta) || p.delta === 0) {
    throw new Error(`points: delta must be a non-zero integer, got ${p.delta}`)
  }
  const existing = await readInTransaction<PointsLedgerDoc>(t, POINTS_LEDGER, p.key)
  if (existing) {
    const account = await readInTransaction<PointsAccountDoc>(t, POINTS_ACCOUNTS, p.householdId)
    return { applied: false, balance: account?.balance ?? 0, entry: existing }
  }
  const account = await readInTransaction<PointsAccountDoc>(t, POINTS_ACCOUNTS, p.householdId)
  const before = account?.balance ?? 0
  const after = before + p.delta
  if (after < 0) throw notEnoughPoints()
  if (account) {
    await t
      .collection(POINTS_ACCOUNTS)
      .doc(p.householdId)
      .update({ data: { balance: after, updatedAt: p.now } })
  } else {
    const fresh: PointsAccountDoc = {
      _id: p.householdId,
      householdId: p.householdId,
      communityId: p.communityId,
      balance: after,
      createdAt: p.now,
      updatedAt: p.now,
    }
    await t.collection(POINTS_ACCOUNTS).add({ data: fresh })
  }
  const entry = ledgerEntry(p, after)
  await t.collection(POINTS_LEDGER).add({ data: entry })
  return { applied: true, balance: after, entry }
}

/** The ledger entry a posting writes, given the balance it leaves. */
export function ledgerEntry(p: Posting, balanceAfter: number): PointsLedgerDoc {
  return {
    _id: p.key,
    householdId: p.householdId,
    communityId: p.communityId,
    delta: p.delta,
    balanceAfter,
    kind: p.kind,
    reason: p.reason,
    refId: p.refId,
    by: p.by,
    createdAt: p.now,
  }
}

/**
 * The accounts and ledger that posting these in time order would leave, with `post`'s rules (a
 * repeated key counts once, no balance below zero). For demo data: what the actions would write.
 */
export function replay(postings: readonly Posting[]): {
  accounts: PointsAccountDoc[]
  ledger: PointsLedgerDoc[]
} {
  const accounts = new Map<string, PointsAccountDoc>()
  const ledger = new Map<string, PointsLedgerDoc>()
  const inOrder = [...postings].sort((a, b) => a.now.getTime() - b.now.getTime())
  for (const p of inOrder) {
    if (ledger.has(p.key)) continue
    const account = accounts.get(p.householdId)
    const after = (account?.balance ?? 0) + p.delta
    if (!Number.isInteger(p.delta) || p.delta === 0 || after < 0) {
      throw new Error(`points replay: ${p.key} would leave ${after}`)
    }
    accounts.set(p.householdId, {
      _id: p.householdId,
      householdId: p.householdId,
      communityId: p.communityId,
      balance: after,
      createdAt: account?.createdAt ?? p.now,
      updatedAt: p.now,
    })
    ledger.set(p.key, ledgerEntry(p, after))
  }
  return { accounts: [...accounts.values()], ledger: [...ledger.values()] }
}
