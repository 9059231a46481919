// scheduler: the hourly timed trigger. Not a user-facing function: it has no router and refuses
// every event that is not a timer, and every caller WeChat (or the local gateway) identifies.
import { getCloud, isLocal, type FunctionContext } from '../../../server/cloud'
import { openapi } from '../../../server/openapi'
import type { Envelope } from '../../../src/contract/common'
import { remindOverdue, type RemindResult } from './remind'

interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

function isTimerEvent(event: unknown): event is TimerEvent {
  if (!event || typeof event !== 'object') return false
  const e = event as Partial<TimerEvent>
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' && typeof e.Time === 'string'
}

/**
 * Timer invocations carry no user. A mini-program calling this function would (WeChat always
 * attaches the caller's OPENID), and locally the gateway sets localIdentity from X-WX-OPENID.
 */
function hasCaller(context: FunctionContext | undefined): boolean {
  if (isLocal()) return Boolean(context?.localIdentity?.OPENID)
  return Boolean(getCloud().getWXContext().OPENID)
}

export async function main(
  event: unknown,
  context?: FunctionContext,
): Promise<Envelope<RemindResult>> {
  if (!isTimerEvent(event) || hasCaller(context)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '只能由定时触发器调用' } }
  }
  try {
    const data = await remindOverdue({
      db: getCloud().database(),
      openapi: openapi(),
      now: new Date(),
    })
    return { ok: true, data }
  } catch (err) {
    console.error(`[scheduler.${event.TriggerName}]`, err)
    return { ok: false, error: { code: 'INTERNAL', message: '定时任务出错了' } }
  }
}
