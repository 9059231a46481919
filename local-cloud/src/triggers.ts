// Timed triggers, as WeChat cloud runs them: each function's config.json may declare
// `{"triggers":[{"name","type":"timer","config":"<sec> <min> <hour> <day> <month> <week> <year>"}]}`
// (UTC+8). Locally a one-second tick fires the function through the gateway with a timer event
// and no identity, exactly the shape WeChat delivers.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface TimerTrigger {
  functionName: string
  name: string
  config: string
}

type FieldMatcher = (value: number) => boolean

/** One cron field: `*`, `5`, `1-5`, `*\/15`, `0-30/10`, and comma lists of those. */
function field(spec: string, min: number, max: number): FieldMatcher {
  const parts = spec.split(',').map((part) => {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    let lo = min
    let hi = max
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-')
      lo = Number(a)
      hi = b === undefined ? (stepText === undefined ? lo : max) : Number(b)
    }
    if (![lo, hi, step].every(Number.isInteger) || step < 1) {
      throw new Error(`bad cron field "${spec}"`)
    }
    return (v: number) => v >= lo && v <= hi && (v - lo) % step === 0
  })
  return (v) => parts.some((p) => p(v))
}

/** A matcher for WeChat's 7-field cron, evaluated in UTC+8 like the cloud does. */
export function cronMatcher(config: string): (at: Date) => boolean {
  const f = config.trim().split(/\s+/)
  if (f.length !== 7) throw new Error(`cron needs 7 fields: "${config}"`)
  const [sec, min, hour, day, month, week, year] = [
    field(f[0], 0, 59),
    field(f[1], 0, 59),
    field(f[2], 0, 23),
    field(f[3], 1, 31),
    field(f[4], 1, 12),
    field(f[5], 0, 6),
    field(f[6], 1970, 2199),
  ]
  return (at) => {
    const t = new Date(at.getTime() + 8 * 3600_000) // read the UTC fields as UTC+8 wall time
    return (
      sec(t.getUTCSeconds()) &&
      min(t.getUTCMinutes()) &&
      hour(t.getUTCHours()) &&
      day(t.getUTCDate()) &&
      month(t.getUTCMonth() + 1) &&
      week(t.getUTCDay()) &&
      year(t.getUTCFullYear())
    )
  }
}

export function readTimerTriggers(functionsDir: string): TimerTrigger[] {
  if (!existsSync(functionsDir)) return []
  const out: TimerTrigger[] = []
  for (const name of readdirSync(functionsDir)) {
    const configPath = join(functionsDir, name, 'config.json')
    if (!existsSync(configPath)) continue
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
      triggers?: { name: string; type: string; config: string }[]
    }
    for (const t of config.triggers ?? []) {
      if (t.type === 'timer') out.push({ functionName: name, name: t.name, config: t.config })
    }
  }
  return out
}

/** Fires each trigger through `invoke` whenever its cron matches; returns a stop function. */
export function runTimerTriggers(
  triggers: TimerTrigger[],
  invoke: (
    trigger: TimerTrigger,
    event: { Type: 'Timer'; TriggerName: string; Time: string },
  ) => Promise<void>,
): () => void {
  const matchers = triggers.map((t) => ({ t, matches: cronMatcher(t.config) }))
  let last = Math.floor(Date.now() / 1000)
  const timer = setInterval(() => {
    const nowSec = Math.floor(Date.now() / 1000)
    // every second since the last tick, so a slow tick never skips a firing
    for (let s = last + 1; s <= nowSec; s++) {
      const at = new Date(s * 1000)
      for (const { t, matches } of matchers) {
        if (matches(at))
          void invoke(t, { Type: 'Timer', TriggerName: t.name, Time: at.toISOString() })
      }
    }
    last = nowSec
  }, 1000)
  timer.unref()
  return () => clearInterval(timer)
}
