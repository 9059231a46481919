// What keeps the domains apart, checked for every cloud function there is (a new one is held to it
// the moment its folder exists): its own lint zone, so it imports no other function's src/; and
// its timed triggers in config.json exactly the timers its router runs.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { functionNames } from '../../scripts/build-functions'
import type { Timers } from '../../server/router'

const ROOT = resolve(__dirname, '..', '..')

interface Zone {
  target: string
  from: string
  except?: string[]
}

function zones(): Zone[] {
  const config = JSON.parse(readFileSync(join(ROOT, '.eslintrc'), 'utf8')) as {
    overrides?: { rules?: Record<string, unknown> }[]
    rules?: Record<string, unknown>
  }
  const rules = [config.rules ?? {}, ...(config.overrides ?? []).map((o) => o.rules ?? {})]
  return rules.flatMap((r) => {
    const rule = r['import/no-restricted-paths'] as [string, { zones: Zone[] }] | undefined
    return rule ? rule[1].zones : []
  })
}

const FUNCTIONS = functionNames()

it('finds the functions', () => {
  expect(FUNCTIONS).toEqual(expect.arrayContaining(['account', 'suggestion']))
})

it('keeps server/ free of function code', () => {
  expect(zones()).toContainEqual(
    expect.objectContaining({ target: './server', from: './cloudfunctions' }),
  )
})

it.each(FUNCTIONS)('%s has a lint zone: it imports only its own function code', (fn) => {
  expect(zones()).toContainEqual(
    expect.objectContaining({
      target: `./cloudfunctions/${fn}`,
      from: './cloudfunctions',
      except: [`./${fn}`],
    }),
  )
})

it.each(FUNCTIONS)(
  '%s: the timers its router runs are the triggers its config.json declares',
  (fn) => {
    const config = JSON.parse(
      readFileSync(join(ROOT, 'cloudfunctions', fn, 'config.json'), 'utf8'),
    ) as { triggers?: { name: string; type: string }[] }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(ROOT, 'cloudfunctions', fn, 'src', 'index.ts')) as { timers?: Timers }
    const declared = (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => t.name)
    expect(Object.keys(mod.timers ?? {}).sort()).toEqual(declared.sort())
  },
)
