// Typed calls to the `points` cloud function (垃圾分类积分), and the supervisor's offline queue.
import type { InputOf } from '@/contract/common'
import type { PointsContract } from '@/contract/points'
import { call, type CallOptions } from './cloud'

declare module './cloud' {
  interface CloudRegistry {
    points: PointsContract
  }
}

type In<A extends keyof PointsContract> = InputOf<PointsContract[A]>

/** Reads may be retried once on a network failure; writes carry their own ids instead. */
const read = (options: CallOptions): CallOptions => ({ retry: true, ...options })

export const pointsService = {
  record: (input: In<'record'>, options: CallOptions = {}) =>
    call('points', 'record', input, options),
  lookup: (input: In<'lookup'>, options: CallOptions = {}) =>
    call('points', 'lookup', input, read(options)),
  today: (options: CallOptions = {}) => call('points', 'today', {}, read(options)),
  correct: (input: In<'correct'>, options: CallOptions = {}) =>
    call('points', 'correct', input, options),
  undo: (householdId: string, options: CallOptions = {}) =>
    call('points', 'undo', { householdId }, options),
  summary: (input: In<'summary'> = {}, options: CallOptions = {}) =>
    call('points', 'summary', input, read(options)),
  ledger: (input: In<'ledger'> = {}, options: CallOptions = {}) =>
    call('points', 'ledger', input, read(options)),
  rewards: (options: CallOptions = {}) => call('points', 'rewards', {}, read(options)),
  saveReward: (input: In<'saveReward'>, options: CallOptions = {}) =>
    call('points', 'saveReward', input, options),
  redeem: (input: In<'redeem'>, options: CallOptions = {}) =>
    call('points', 'redeem', input, options),
  redemptions: (input: In<'redemptions'> = {}, options: CallOptions = {}) =>
    call('points', 'redemptions', input, read(options)),
  cancelRedemption: (id: string, options: CallOptions = {}) =>
    call('points', 'cancelRedemption', { id }, options),
  verify: (input: In<'verify'>, options: CallOptions = {}) =>
    call('points', 'verify', input, options),
  adjust: (input: In<'adjust'>, options: CallOptions = {}) =>
    call('points', 'adjust', input, options),
  adjustments: (input: In<'adjustments'> = {}, options: CallOptions = {}) =>
    call('points', 'adjustments', input, read(options)),
  ranking: (input: In<'ranking'> = {}, options: CallOptions = {}) =>
    call('points', 'ranking', input, read(options)),
  stats: (input: In<'stats'>, options: CallOptions = {}) =>
    call('points', 'stats', input, read(options)),
  exportStats: (input: In<'export'>, options: CallOptions = {}) =>
    call('points', 'export', input, options),
  rules: (options: CallOptions = {}) => call('points', 'rules', {}, read(options)),
  saveRules: (pointsPerDay: number, options: CallOptions = {}) =>
    call('points', 'saveRules', { pointsPerDay }, options),
}

/** A fresh id for one recording or one tap (8–32 characters), so a resend is recognised. */
export function newClientId(): string {
  const rand = Math.random().toString(36).slice(2, 10)
  return `c${Date.now().toString(36)}${rand}`.slice(0, 32)
}
