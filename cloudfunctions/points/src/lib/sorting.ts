// One change of a household's day — recorded, corrected, undone — written in one transaction by
// id: the record, its ledger entry (server/points.ts), the household's month, its point's day and
// its building's month. Every aggregate moves by the difference between what the record said
// before and what it says after, so a change is counted once and a repeat changes nothing.
import { isTransactionConflict, readInTransaction, type Tx } from '../../../../server/db'
import { post } from '../../../../server/points'
import {
  BUILDING_MONTHS,
  buildingMonthId,
  foldBuildingMonth,
  foldMonth,
  foldPointDay,
  monthId,
  POINT_DAYS,
  pointDayId,
  POINTS_MONTHS,
  recordPostingKey,
  SORTING_RECORDS,
  sortingReason,
  verdictOf,
  type BuildingMonthDoc,
  type HouseholdMonthDoc,
  type PointDayDoc,
  type SortingRecordDoc,
} from './model'

/**
 * Waits for a transaction's parallel operations. When one is refused for a conflict, WeChat cloud
 * (and the local cloud) aborts the transaction, and the others then fail with "transaction is
 * over": the conflict is the cause, so it is what is thrown, and the caller's retry sees it.
 */
export async function together(ops: readonly unknown[]): Promise<void> {
  const settled = await Promise.allSettled(ops)
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))
  if (failed.length) throw failed.find(isTransactionConflict) ?? failed[0]
}

/** A document written whole, by id, inside a transaction (created or replaced). */
export async function put<T extends { _id: string }>(
  t: Tx,
  collection: string,
  doc: T,
): Promise<void> {
  const { _id, ...data } = doc
  await t.collection(collection).doc(_id).set({ data })
}

/**
 * Writes `next` in place of `prev` (null: none yet) and moves everything that follows from it.
 * `why` names the change in the ledger (垃圾分类 12月2日, 更正 …). Throws CONFLICT '积分余额不够'
 * when taking the points back would leave the household below zero.
 */
export async function applyChange(
  t: Tx,
  prev: SortingRecordDoc | null,
  next: SortingRecordDoc,
  ledgerWhat: string,
  by: string,
  now: Date,
): Promise<{ balance: number | null }> {
  const month = next.day.slice(0, 6)
  const before = verdictOf(prev)
  const after = verdictOf(next)
  const pointId = next.householdPoint
  const [monthDoc, pointDoc, buildingDoc] = await Promise.all([
    readInTransaction<HouseholdMonthDoc>(t, POINTS_MONTHS, monthId(next.householdId, month)),
    pointId
      ? readInTransaction<PointDayDoc>(t, POINT_DAYS, pointDayId(pointId, next.day))
      : Promise.resolve(null),
    readInTransaction<BuildingMonthDoc>(
      t,
      BUILDING_MONTHS,
      buildingMonthId(next.buildingId, month),
    ),
  ])
  const delta = next.points - (prev && !prev.void ? prev.points : 0)
  const place = {
    householdId: next.householdId,
    buildingId: next.buildingId,
    estateId: next.estateId,
    communityId: next.communityId,
  }
  const m = foldMonth(
    monthDoc,
    place,
    next.day,
    after,
    { note: next.note, photo: next.photo },
    delta,
    now,
  )
  const b = foldBuildingMonth(
    buildingDoc,
    { buildingId: next.buildingId, estateId: next.estateId, communityId: next.communityId, month },
    monthDoc?.correctDays ?? 0,
    m.correctDays,
    before,
    after,
    now,
  )
  let balance: number | null = null
  if (delta !== 0) {
    const posted = await post(t, {
      key: recordPostingKey(next._id, next.version),
      householdId: next.householdId,
      communityId: next.communityId,
      delta,
      kind: 'sorting',
      reason: sortingReason(next.day, ledgerWhat),
      refId: next._id,
      by,
      now,
    })
    balance = posted.balance
  }
  const writes = [
    put(t, SORTING_RECORDS, next),
    put(t, POINTS_MONTHS, m),
    put(t, BUILDING_MONTHS, b),
  ]
  if (pointId) {
    writes.push(
      put(
        t,
        POINT_DAYS,
        foldPointDay(
          pointDoc,
          { communityId: next.communityId, pointId, day: next.day },
          before,
          after,
          now,
        ),
      ),
    )
  }
  await together(writes)
  return { balance }
}
