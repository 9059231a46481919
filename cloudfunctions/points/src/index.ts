// points: 垃圾分类积分 — sorting records, the household ledger, rewards and pickup codes, statistics
// (see src/contract/points.ts).
import { router } from '../../../server/router'
import { points } from '../../../src/contract/points'
import { adjust } from './actions/adjust'
import { adjustments } from './actions/adjustments'
import { cancelRedemption } from './actions/cancelRedemption'
import { correct } from './actions/correct'
import { exportStats } from './actions/export'
import { ledger } from './actions/ledger'
import { lookup } from './actions/lookup'
import { ranking } from './actions/ranking'
import { record } from './actions/record'
import { redeem } from './actions/redeem'
import { redemptions } from './actions/redemptions'
import { rewards } from './actions/rewards'
import { rules } from './actions/rules'
import { saveReward } from './actions/saveReward'
import { saveRules } from './actions/saveRules'
import { stats } from './actions/stats'
import { summary } from './actions/summary'
import { today } from './actions/today'
import { undo } from './actions/undo'
import { verify } from './actions/verify'
import { expireCodes } from './timers/expire'

/** Every action's handler with its declared access (the safety harness reads them). */
export const handlers = {
  record,
  lookup,
  today,
  correct,
  undo,
  summary,
  ledger,
  rewards,
  saveReward,
  redeem,
  redemptions,
  cancelRedemption,
  verify,
  adjust,
  adjustments,
  ranking,
  stats,
  export: exportStats,
  rules,
  saveRules,
}

/** Timed jobs, by the trigger names of ./config.json. */
export const timers = {
  /** daily: unclaimed pickup codes older than 30 days are closed and refunded */
  daily: expireCodes,
}

export const main = router(points, handlers, timers)
