// activity: 志愿活动报名 — publish, sign up, waitlist, check in, hours (see src/contract/activity.ts).
import { router, type TimerContext } from '../../../server/router'
import { activity } from '../../../src/contract/activity'
import { attendees } from './actions/attendees'
import { cancel } from './actions/cancel'
import { checkIn } from './actions/checkIn'
import { checkInFor } from './actions/checkInFor'
import { code } from './actions/code'
import { correctHours } from './actions/correctHours'
import { detail } from './actions/detail'
import { exportList } from './actions/export'
import { hours } from './actions/hours'
import { list } from './actions/list'
import { mine } from './actions/mine'
import { publish } from './actions/publish'
import { signUp } from './actions/signUp'
import { update } from './actions/update'
import { withdraw } from './actions/withdraw'
import { closeOut } from './timers/close-out'
import { sendReminders } from './timers/remind'

/** Every action's handler with its declared access (the safety harness reads them). */
export const handlers = {
  publish,
  update,
  cancel,
  list,
  detail,
  signUp,
  withdraw,
  mine,
  checkIn,
  checkInFor,
  attendees,
  export: exportList,
  code,
  hours,
  correctHours,
}

/** Timed jobs, by the trigger names of ./config.json. */
export const timers = {
  /** every 15 minutes: reminders (a day / an hour before), then 未到 for what ended */
  quarterHourly: async (ctx: TimerContext) => ({
    reminders: await sendReminders(ctx),
    closeOut: await closeOut(ctx),
  }),
}

export const main = router(activity, handlers, timers)
