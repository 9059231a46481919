// Screenshots of every page as every persona that uses it, at 375×812 (and `WIDTH=320`), at
// normal size, in 大字模式 and at WeChat's 1.4× font (`?font=1.4`), against a running
// `npm start`: `BASE=http://127.0.0.1:10086 OUT=docs/screenshots MODES=font npx tsx scripts/screenshots.ts`.
// Each shot also reports what overflows its box or the screen, so a clipped word is found by
// reading the log, not only by looking.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '../test/support/browser'
import { overflowsOf } from '../test/e2e/overflow'
import { accessibilityProblems } from '../test/e2e/a11y'
import { everyPage } from '../test/e2e/every-page'

const BASE = process.env.BASE ?? 'http://127.0.0.1:10086'
const OUT = process.env.OUT ?? 'test-artifacts/screens'
const WIDTH = Number(process.env.WIDTH ?? 375)
const MODES = (process.env.MODES ?? 'normal,elder,font').split(',')
const ONLY = process.env.ONLY ? new RegExp(process.env.ONLY) : null

const QUERY: Record<string, string> = {
  normal: 'elder=0&font=1',
  elder: 'elder=1&font=1',
  font: 'elder=0&font=1.4',
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const browser = await launchChromium()
  const list = (await everyPage(BASE)).filter((s) => !ONLY || ONLY.test(s.name))
  let problems = 0
  for (const mode of MODES) {
    for (const shot of list) {
      const context = await browser.newContext({
        viewport: { width: WIDTH, height: 812 },
        deviceScaleFactor: Number(process.env.SCALE ?? 2),
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      })
      const page = await context.newPage()
      const sep = shot.path.includes('?') ? '&' : '?'
      await page.goto(`${BASE}${shot.path}${sep}as=${shot.as}&${QUERY[mode]}`)
      try {
        await page.getByText(shot.ready).first().waitFor({ timeout: 15_000 })
      } catch {
        console.log(`! ${shot.name} (${mode}): "${shot.ready}" never showed`)
      }
      if (shot.act) await shot.act(page)
      await page.waitForTimeout(600)
      // the page scrolls inside Taro's container: make the window as tall as the content
      const tall = await page.evaluate(
        'Math.max(...Array.from(document.querySelectorAll(".page-shell")).map((e) => e.scrollHeight))',
      )
      if (typeof tall === 'number' && tall > 812) {
        await page.setViewportSize({ width: WIDTH, height: Math.min(tall + 60, 4000) })
        await page.waitForTimeout(200)
      }
      const suffix = mode === 'font' ? '-1.4x' : mode === 'elder' ? '-elder' : ''
      const file = join(OUT, `${shot.name}${suffix}${WIDTH === 375 ? '' : `-${WIDTH}`}.png`)
      await page.screenshot({ path: file, fullPage: true })
      const found = process.env.A11Y ? await accessibilityProblems(page) : await overflowsOf(page)
      problems += found.length
      for (const f of found) console.log(`  ${shot.name} (${mode}, ${WIDTH}px): ${f}`)
      await context.close()
    }
  }
  await browser.close()
  console.log(`${list.length * MODES.length} shots in ${OUT}; ${problems} overflow findings`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
