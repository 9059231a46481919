// Turns a domain's contract and handlers into the cloud function's `main(event, context)`:
// input is checked, identity and role are established, and every outcome is an envelope.
import * as v from 'valibot'
import type {
  ActionSpec,
  Contract,
  Envelope,
  OutputOf,
  ParsedInputOf,
} from '../src/contract/common'
import type { RoleName } from '../src/contract/account'
import { callerOpenid, getCloud, type FunctionContext } from './cloud'
import { first } from './db'
import { AppError, isDuplicateKey } from './errors'
import type { UserDoc } from './models'
import { openapi, type OpenApiPort } from './openapi'

export type Database = ReturnType<ReturnType<typeof getCloud>['database']>

/**
 * Who may call an action. Scope (which community, which building) is checked inside the
 * action with the helpers in ./access, because only the action knows the resource.
 * - `anyone`: any caller WeChat (or the local gateway) identifies
 * - `resident`: a caller whose account is bound to a household
 * - role names: a caller holding at least one of these roles somewhere
 */
export type Access = 'anyone' | 'resident' | RoleName[]

export interface ActionContext {
  openid: string
  /** The caller's user document; `persisted` is false until their first login writes it. */
  user: UserDoc
  persisted: boolean
  db: Database
  now: Date
  openapi: OpenApiPort
}

export interface Handler<S> {
  access: Access
  run: (input: ParsedInputOf<S>, ctx: ActionContext) => Promise<OutputOf<S>>
}

export function handler<S extends ActionSpec<v.GenericSchema, unknown>>(
  _spec: S,
  access: Access,
  run: Handler<S>['run'],
): Handler<S> {
  return { access, run }
}

type Handlers<C extends Contract> = { [K in keyof C]: Handler<C[K]> }

/** What WeChat passes a function when one of its timed triggers fires (config.json `triggers`). */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

/** What a timed job gets: no caller, no user — the database, the open APIs and the time. */
export interface TimerContext {
  db: Database
  openapi: OpenApiPort
  now: Date
  trigger: string
}

/** A domain's timed jobs, by the trigger name its config.json declares. */
export type Timers = Record<string, (ctx: TimerContext) => Promise<unknown>>

export function isTimerEvent(event: unknown): event is TimerEvent {
  if (!event || typeof event !== 'object') return false
  const e = event as Partial<TimerEvent>
  return (
    e.Type === 'Timer' &&
    typeof e.TriggerName === 'string' &&
    (e.Time === undefined || typeof e.Time === 'string')
  )
}

const fail = (code: AppError['code'], message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
})

export function newUser(openid: string, now: Date): UserDoc {
  return { _id: openid, openid, householdId: null, roles: [], createdAt: now, updatedAt: now }
}

async function loadUser(db: Database, openid: string): Promise<UserDoc | null> {
  return first<UserDoc>(db.collection('users').where({ _id: openid }).limit(1))
}

function allowed(access: Access, user: UserDoc): boolean {
  if (access === 'anyone') return true
  if (access === 'resident') return Boolean(user.householdId)
  return user.roles.some((r) => access.includes(r.role))
}

function firstIssue(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  // valibot's default messages are English; ours are Chinese. Fall back to a plain sentence.
  return issue && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '填写的内容格式不对'
}

/**
 * Runs a timer event: only with no caller (a mini-program user who sends a timer-shaped event is
 * identified by WeChat, and refused), and only a trigger the domain declares.
 */
async function runTimer(
  timers: Timers,
  event: TimerEvent,
  context: FunctionContext | undefined,
): Promise<Envelope<unknown>> {
  const job = Object.prototype.hasOwnProperty.call(timers, event.TriggerName)
    ? timers[event.TriggerName]
    : undefined
  if (!job || callerOpenid(context)) return fail('FORBIDDEN', '只能由定时触发器调用')
  try {
    const data = await job({
      db: getCloud().database(),
      openapi: openapi(),
      now: new Date(),
      trigger: event.TriggerName,
    })
    return { ok: true, data }
  } catch (err) {
    console.error(`[${String(context?.function_name ?? 'function')}.${event.TriggerName}]`, err)
    return fail('INTERNAL', '定时任务出错了')
  }
}

/**
 * A domain function's main: `action` events go to the contract's handlers; timer events to the
 * domain's own timed jobs (`timers`, named as in its config.json).
 */
export function router<C extends Contract>(
  contract: C,
  handlers: Handlers<C>,
  timers: Timers = {},
) {
  return async function main(
    event: unknown,
    context?: FunctionContext,
  ): Promise<Envelope<unknown>> {
    if (isTimerEvent(event)) return runTimer(timers, event, context)
    const action =
      event && typeof event === 'object' ? (event as { action?: unknown }).action : undefined
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(contract, action)) {
      return fail('UNKNOWN_ACTION', '不支持的操作')
    }
    const spec = contract[action]
    const h = handlers[action] as Handler<typeof spec>

    try {
      const parsed = v.safeParse(spec.input, (event as { data?: unknown }).data)
      if (!parsed.success) return fail('INVALID_INPUT', firstIssue(parsed.issues))

      const openid = callerOpenid(context)
      if (!openid) return fail('UNAUTHENTICATED', '请先登录微信')

      const db = getCloud().database()
      const now = new Date()
      const stored = await loadUser(db, openid)
      const user = stored ?? newUser(openid, now)
      if (!allowed(h.access, user)) {
        return fail(
          'FORBIDDEN',
          h.access === 'resident' ? '请先绑定您家的房屋' : '您没有权限做这件事',
        )
      }
      const data = await h.run(parsed.output, {
        openid,
        user,
        persisted: Boolean(stored),
        db,
        now,
        openapi: openapi(),
      })
      return { ok: true, data }
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody() }
      if (isDuplicateKey(err)) return fail('CONFLICT', '这件事已经办过了，请刷新后再看')
      console.error(`[${String(context?.function_name ?? 'function')}.${action}]`, err)
      return fail('INTERNAL', '服务出错了，请稍后再试')
    }
  }
}
