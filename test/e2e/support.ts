// End-to-end helpers: the real app (`scripts/start.ts`, as `npm start` runs it) on a free port
// with a fresh data dir, and headless Chromium (from npm, see test/support/browser.ts) driven by
// playwright-core.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { accessibilityProblems } from './a11y'

export { accessibilityProblems, MIN_TARGET_PX } from './a11y'

const ROOT = resolve(__dirname, '..', '..')
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'screenshots')

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() =>
        addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port')),
      )
    })
  })
}

export interface RunningApp {
  url: string
  stop(): Promise<void>
}

/** Starts the app exactly as `npm start` does, on its own port and data dir. */
export async function startApp(): Promise<RunningApp> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'mqsd-e2e-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`app did not start in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        let timer: NodeJS.Timeout | undefined
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))])
        clearTimeout(timer)
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return launchChromium()
}

const pageErrors: string[] = []

/**
 * The page errors and uncaught exceptions seen since the last call. Every e2e file checks it after
 * each step (`afterEach(expectNoPageErrors)`): a page that throws fails the run, it is not only
 * logged.
 */
export function expectNoPageErrors(): void {
  const seen = pageErrors.splice(0)
  expect(seen).toEqual([])
}

/** A phone-sized page (375×812) in its own context, so each persona has its own storage. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`))
  return page
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  // let the page-switch animation and late images settle
  await page.waitForTimeout(500)
  await page.screenshot({ path, fullPage: false })
  return path
}

/** Waits until the locator is visible (the app loads its data after the first paint). */
export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout })
}

/**
 * Fails the test, naming each offender, unless the page on screen passes accessibilityProblems.
 * Call it for every page an e2e file opens, at normal size and in 大字模式 (`?elder=1`).
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const problems = await accessibilityProblems(page)
  if (problems.length) await screenshot(page, `a11y-${name}`)
  expect({ page: name, problems }).toEqual({ page: name, problems: [] })
}
