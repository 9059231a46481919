// A newcomer scans a building's box, sees where they are, binds their household and finds it on 我的:
// the app as `npm start` serves it, in headless Chromium at phone size.
import type { Browser } from 'playwright-core'
import {
  launchBrowser,
  phonePage,
  screenshot,
  startApp,
  visible,
  type RunningApp,
  expectNoPageErrors,
} from './support'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
})
afterEach(expectNoPageErrors)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

it('serves the health check and the h5 app', async () => {
  const health = (await (await fetch(`${app.url}/healthz`)).json()) as { ok: boolean }
  expect(health.ok).toBe(true)
  const html = await (await fetch(`${app.url}/pages/index/index`)).text()
  expect(html).toContain('<div id="app">')
})

it('newcomer: scan the box of 陇海安居 1号楼, bind 2单元 302, see it on 我的', async () => {
  const page = await phonePage(browser)
  await page.goto(`${app.url}/pages/index/index?scene=b%3DLH-1&as=demo-newcomer`)

  await visible(page.getByText('陇海安居 1号楼').first())
  await visible(page.getByText(/二十里铺社区/).first())
  await screenshot(page, 'foundation-1-home-scanned')

  await page.getByText('绑定我家', { exact: true }).first().click()
  await visible(page.getByText('第 2 步：几单元'))
  await page.getByText('2单元', { exact: true }).click()
  await page.locator('input[placeholder="例如 301"]').fill('302')
  await screenshot(page, 'foundation-2-bind')
  await page.getByText('确认绑定', { exact: true }).click()
  // the confirmation stays, naming the household, until the resident goes on
  await visible(page.getByText('✓ 绑定成功'))
  await visible(page.getByText('2单元 302室').first())
  await screenshot(page, 'foundation-2b-bound')
  await page.getByText('好的，回首页', { exact: true }).click()

  // Back on the home page; the 我的 tab shows the household.
  await visible(page.getByText('在这里可以'))
  // …which now says 我家 with the room
  await visible(page.getByTestId('place').getByText('我家'))
  await page.getByText('我的', { exact: true }).last().click()
  await visible(page.getByTestId('my-household').getByText('2单元 302室'))
  await screenshot(page, 'foundation-3-mine')

  // The binding is in the store, not just on screen.
  const res = await fetch(`${app.url}/api/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-newcomer' },
    body: JSON.stringify({ action: 'login' }),
  })
  const body = (await res.json()) as { ok: boolean; data: { household: { id: string } | null } }
  expect(body.data.household?.id).toBe('LH-1-2-302')
})

it('elder mode makes the home page type bigger', async () => {
  const page = await phonePage(browser)
  await page.goto(`${app.url}/pages/index/index?as=demo-resident`)
  const title = page.getByText('陇海安居 1号楼').first()
  await visible(title)
  const normal = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await page.goto(`${app.url}/pages/index/index?as=demo-resident&elder=1`)
  await visible(title)
  const elder = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(elder).toBeGreaterThan(normal)
  await screenshot(page, 'foundation-4-home-elder')
})
