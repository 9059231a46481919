import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cronMatcher, readTimerTriggers } from '../src/triggers'

// 2026-11-22 09:00:00 in UTC+8
const at = (h: number, m = 0, s = 0) => new Date(Date.UTC(2026, 10, 22, h - 8, m, s))

describe('timed triggers', () => {
  it('matches WeChat 7-field cron in UTC+8', () => {
    const hourly = cronMatcher('0 0 * * * * *')
    expect(hourly(at(9))).toBe(true)
    expect(hourly(at(9, 0, 1))).toBe(false)
    expect(hourly(at(9, 30))).toBe(false)
    const nineDaily = cronMatcher('0 0 9 * * * *')
    expect(nineDaily(at(9))).toBe(true)
    expect(nineDaily(at(10))).toBe(false)
    const every15 = cronMatcher('0 */15 8-18 * * 1-5 *')
    expect(every15(new Date(Date.UTC(2026, 10, 23, 1, 45)))).toBe(true) // Monday 09:45
    expect(every15(at(9, 45))).toBe(false) // Sunday
  })

  it('rejects malformed cron', () => {
    expect(() => cronMatcher('0 0 * * *')).toThrow(/7 fields/)
    expect(() => cronMatcher('0 x * * * * *')).toThrow(/bad cron/)
  })

  it('reads timer triggers from config.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triggers-'))
    mkdirSync(join(dir, 'scheduler'))
    writeFileSync(
      join(dir, 'scheduler', 'config.json'),
      JSON.stringify({ triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }] }),
    )
    mkdirSync(join(dir, 'plain'))
    expect(readTimerTriggers(dir)).toEqual([
      { functionName: 'scheduler', name: 'hourly', config: '0 0 * * * * *' },
    ])
  })
})
