// Every page, as the persona who uses it, passes the accessibility check in a real browser —
// axe-core's colour contrast (≥ 4.5:1) and touch targets (≥ 44×44 px), nothing clipped or off
// screen — at normal size and in 大字模式; and WeChat's font size (simulated with ?font=) scales
// the type and switches to the one-column layout.
import type { Browser, Page } from 'playwright-core'
import { everyPage, type Shot } from './every-page'
import {
  expectAccessible,
  expectNoPageErrors,
  launchBrowser,
  phonePage,
  startApp,
  type RunningApp,
} from './support'

let app: RunningApp
let browser: Browser
let pages: Shot[]

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  pages = await everyPage(app.url)
})
afterEach(expectNoPageErrors)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function openShot(shot: Shot, query: string): Promise<Page> {
  const page = await phonePage(browser)
  const sep = shot.path.includes('?') ? '&' : '?'
  await page.goto(`${app.url}${shot.path}${sep}as=${shot.as}&${query}`)
  await page.getByText(shot.ready).first().waitFor({ state: 'visible', timeout: 20_000 })
  if (shot.act) await shot.act(page)
  return page
}

for (const mode of ['normal', 'elder'] as const) {
  it(`every page passes the accessibility check (${mode === 'normal' ? '普通' : '大字模式'})`, async () => {
    expect(pages.length).toBeGreaterThanOrEqual(15)
    for (const shot of pages) {
      const page = await openShot(shot, mode === 'elder' ? 'elder=1&font=1' : 'elder=0&font=1')
      await expectAccessible(page, `${shot.name}-${mode}`)
      await page.context().close()
    }
  })
}

it("follows WeChat's font size: ?font=1.4 makes the type 1.4× and the tiles one to a row", async () => {
  const home = pages.find((p) => p.name === 'home-resident')
  if (!home) throw new Error('no home page in the list')
  const sizeAt = async (query: string) => {
    const page = await openShot(home, query)
    const title = page.locator('.place__building').first()
    const size = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    const tile = await page
      .locator('.tile')
      .nth(1)
      .evaluate((el) => el.getBoundingClientRect().width / document.documentElement.clientWidth)
    await page.context().close()
    return { size, tile }
  }
  const normal = await sizeAt('elder=0&font=1')
  const large = await sizeAt('elder=0&font=1.4')
  expect(large.size / normal.size).toBeCloseTo(1.4, 1)
  expect(normal.tile).toBeLessThan(0.5)
  expect(large.tile).toBeGreaterThan(0.8)
  // and nothing breaks at that size either
  const page = await openShot(home, 'elder=0&font=1.4')
  await expectAccessible(page, 'home-resident-1.4x')
})

it("staff print a building's household cards: one PDF opened from the codes page", async () => {
  const page = await phonePage(browser)
  await page.goto(`${app.url}/subpackages/staff/pages/codes/index?as=demo-staff&elder=1`)
  const card = page.getByTestId('codes-pdf')
  await card.waitFor({ state: 'visible', timeout: 20_000 })
  const popup = page.context().waitForEvent('page')
  await card.getByText('生成本楼全部户卡（PDF）').click()
  // a new tab was opened for it (headless Chromium may save a PDF rather than show it)
  await popup
  await card.getByText(/48 户，6 页 A4/).waitFor()
  const href = await card.locator('[data-href]').getAttribute('data-href')
  expect(href).toMatch(/\/storage\/cards\/LH-1-[0-9a-f]{12}\.pdf$/)
  const pdf = Buffer.from(await (await fetch(new URL(href ?? '', app.url))).arrayBuffer())
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await card.getByText(/48 户，6 页 A4/).waitFor()
  await expectAccessible(page, 'codes-pdf-made')
})
