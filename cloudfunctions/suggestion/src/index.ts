// suggestion: 民情速递站 — submit, follow, handle, deliberate, publish (see src/contract/suggestion.ts).
import { router } from '../../../server/router'
import { suggestion } from '../../../src/contract/suggestion'
import { award } from './actions/award'
import { board } from './actions/board'
import { comment } from './actions/comment'
import { detail } from './actions/detail'
import { inbox } from './actions/inbox'
import { mine } from './actions/mine'
import { publish } from './actions/publish'
import { rate } from './actions/rate'
import { reopen } from './actions/reopen'
import { reply } from './actions/reply'
import { second } from './actions/second'
import { similar } from './actions/similar'
import { stats } from './actions/stats'
import { submit } from './actions/submit'
import { transition } from './actions/transition'
import { remindOverdue } from './timers/remind'

/** Every action's handler with its declared access (the safety harness reads them). */
export const handlers = {
  submit,
  similar,
  mine,
  detail,
  inbox,
  transition,
  reply,
  rate,
  reopen,
  publish,
  board,
  second,
  comment,
  award,
  stats,
}

/** Timed jobs, by the trigger names of ./config.json. */
export const timers = {
  /** hourly: remind liaisons (or staff) of what became overdue */
  hourly: remindOverdue,
}

export const main = router(suggestion, handlers, timers)
