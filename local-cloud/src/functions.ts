// Loads and runs cloud functions the way WeChat would, and counts each invocation's database
// round trips (requests to /tcb made while its main() runs).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { AsyncLocalStorage } from 'node:async_hooks'
import * as diagnostics from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'

export const FUNCTION_NAME = /^[a-z][a-z0-9-]{0,31}$/

export interface LocalIdentity {
  OPENID: string
  APPID: string
  UNIONID: string
}

/** The second argument of main(); `localIdentity` exists only when called through /api. */
export interface FunctionContext {
  function_name: string
  request_id: string
  localIdentity?: LocalIdentity
}

type Main = (event: unknown, context: FunctionContext) => unknown

interface Counter {
  /** `host:port` of the local cloud whose /tcb requests count. */
  target: string
  trips: number
}

// @cloudbase/node-sdk talks through node:http, which publishes every outgoing request on this
// channel synchronously in the caller's async context: AsyncLocalStorage tells whose it is.
const counters = new AsyncLocalStorage<Counter>()
let subscribed = false

function onRequestStart(message: unknown): void {
  const counter = counters.getStore()
  if (!counter) return
  const request = (message as { request?: ClientRequest }).request
  if (!request || !request.path.startsWith('/tcb')) return
  if (request.getHeader('host') === counter.target) counter.trips++
}

export class FunctionHost {
  private readonly dir: string

  constructor(
    functionsDir: string,
    private readonly log: (line: string) => void,
  ) {
    this.dir = path.resolve(functionsDir)
    if (!subscribed) {
      diagnostics.subscribe('http.client.request.start', onRequestStart)
      subscribed = true
    }
  }

  /** The entry file of a valid, existing function, else null. */
  entry(name: string): string | null {
    if (!FUNCTION_NAME.test(name)) return null
    const file = path.join(this.dir, name, 'index.js')
    return fs.existsSync(file) ? file : null
  }

  private load(name: string): Main | null {
    const file = this.entry(name)
    if (!file) return null
    // require's cache is fine: functions are built once before the local cloud starts.
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- the path is only known at runtime
    const mod = require(file) as { main?: unknown }
    if (typeof mod.main !== 'function') {
      throw new Error(`cloud function ${name} (${file}) does not export main`)
    }
    return mod.main as Main
  }

  /**
   * Runs main(event, context). `countFor` (the local cloud's host:port) turns on round-trip
   * counting. Returns null when there is no such function.
   */
  async invoke(
    name: string,
    event: unknown,
    context: FunctionContext,
    countFor?: string,
  ): Promise<{ result: unknown; roundTrips: number } | null> {
    const main = this.load(name)
    if (!main) return null
    const counter: Counter = { target: countFor ?? '', trips: 0 }
    const started = Date.now()
    try {
      const result = await counters.run(counter, async () => main(event, context))
      return { result, roundTrips: counter.trips }
    } finally {
      this.log(`fn ${name} ${Date.now() - started}ms db=${counter.trips}`)
    }
  }
}
