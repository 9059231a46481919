// Documents as the mini-program shows them.
import * as QRCode from 'qrcode'
import type { PointsLedgerDoc } from '../../../../server/points'
import {
  UNDO_WITHIN_SECONDS,
  type AdjustmentView,
  type LedgerEntryView,
  type RedemptionView,
  type RewardView,
  type SortingRecordView,
} from '../../../../src/contract/points'
import {
  isoDay,
  type AdjustmentDoc,
  type RedemptionDoc,
  type RewardDoc,
  type SortingRecordDoc,
} from './model'

export function recordView(r: SortingRecordDoc, viewer: string, now: Date): SortingRecordView {
  return {
    id: r._id,
    householdId: r.householdId,
    householdLabel: r.householdLabel,
    day: isoDay(r.day),
    correct: r.correct,
    reason: r.reason,
    note: r.note,
    photo: r.photo,
    points: r.points,
    madeAt: r.madeAt.toISOString(),
    recordedAtPoint: r.recordedAtPoint,
    householdPoint: r.householdPoint,
    void: r.void,
    corrected: r.history.some((h) => h.kind === 'corrected'),
    undoable:
      !r.void &&
      r.recordedBy === viewer &&
      now.getTime() - r.recordedAt.getTime() <= UNDO_WITHIN_SECONDS * 1000,
  }
}

export function ledgerView(e: PointsLedgerDoc): LedgerEntryView {
  return {
    id: e._id,
    delta: e.delta,
    balanceAfter: e.balanceAfter,
    kind: e.kind,
    reason: e.reason,
    at: e.createdAt.toISOString(),
  }
}

export function rewardView(r: RewardDoc, redeemedThisMonth: number): RewardView {
  return {
    id: r._id,
    name: r.name,
    description: r.description,
    photo: r.photo,
    points: r.points,
    stock: r.stock,
    monthlyLimit: r.monthlyLimit,
    active: r.active,
    redeemedThisMonth,
  }
}

export async function redemptionView(r: RedemptionDoc): Promise<RedemptionView> {
  return {
    id: r._id,
    rewardId: r.rewardId,
    rewardName: r.rewardName,
    points: r.points,
    code: r.code,
    qr: r.status === 'open' ? await QRCode.toDataURL(r.code, { margin: 1, width: 240 }) : null,
    status: r.status,
    householdLabel: r.householdLabel,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
  }
}

export function adjustmentView(a: AdjustmentDoc): AdjustmentView {
  return {
    id: a._id,
    householdId: a.householdId,
    householdLabel: a.householdLabel,
    delta: a.delta,
    reason: a.reason,
    by: a.byTitle,
    at: a.createdAt.toISOString(),
  }
}
