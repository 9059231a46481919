// The accessibility check of a page in a real browser (axe-core, our 44 px touch targets, nothing
// clipped), shared by the e2e runs (expectAccessible in support.ts) and scripts/screenshots.ts.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { overflowsOf } from './overflow'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
/** WeChat's 适老化 guide and ours: nothing to tap smaller than 44×44 CSS px */
export const MIN_TARGET_PX = 44

interface AxeResult {
  violations: {
    id: string
    nodes: { target: string[]; failureSummary?: string; html: string }[]
  }[]
}

/**
 * What fails on the page on screen: axe-core's colour-contrast (≥ 4.5:1) and target-size rules
 * (with 44 px, not WCAG's 24), any button, link, switch or input under 44×44 px, and anything that
 * runs off the screen or is clipped. [] when it passes.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // let late reads and the page-switch animation settle, so axe sees the final colours
  await page.waitForTimeout(400)
  await page.addScriptTag({ content: AXE_SOURCE })
  const result = await page.evaluate<{ violations: AxeResult['violations']; small: string[] }>(
    `(${AXE_RUN})(${MIN_TARGET_PX})`,
  )
  return [
    ...result.violations.flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`,
      ),
    ),
    ...result.small.map((s) => `touch target under ${MIN_TARGET_PX}×${MIN_TARGET_PX}: ${s}`),
    ...(await overflowsOf(page)),
  ]
}

// Plain JavaScript run in the page (a string, so no bundler helper ends up inside it).
const AXE_RUN = `async (min) => {
  axe.configure({ checks: [{ id: 'target-size', options: { minSize: min } }] })
  // Taro keeps the pages below in the DOM, hidden: check the one on screen
  const shown = Array.from(document.querySelectorAll('.taro_page')).filter(
    (p) => getComputedStyle(p).display !== 'none',
  )
  const roots = shown.length ? shown : [document.body]
  const res = await axe.run(shown.length ? shown : document.body, {
    runOnly: { type: 'rule', values: ['color-contrast', 'target-size'] },
    resultTypes: ['violations'],
  })
  const small = []
  for (const root of roots) {
    const targets = root.querySelectorAll(
      '[role=button],[role=link],[role=switch],[role=checkbox],button,a[href],input,textarea',
    )
    for (const el of Array.from(targets)) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      if (getComputedStyle(el).visibility === 'hidden') continue
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        small.push(Math.round(r.width) + '×' + Math.round(r.height) + ' px: ' +
          el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').split(' ')[0] + ' "' +
          (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 24) + '"')
      }
    }
  }
  return { violations: res.violations, small }
}`
