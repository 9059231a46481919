// 垃圾分类积分 end to end, in headless Chromium against the app as `npm start` runs it: the
// supervisor records one household correct and another incorrect with a reason, a second scan
// changes nothing, the residents see +3 and the reason on their calendars, one redeems a reward
// and gets a pickup code, staff verify it, and the balance and the ledger agree.
import type { Browser, Page } from 'playwright-core'
import type { Page as ListPage } from '../../src/contract/common'
import type { LedgerEntryView, PointsSummary } from '../../src/contract/points'
import {
  expectNoPageErrors,
  launchBrowser,
  phonePage,
  screenshot,
  startApp,
  visible,
  type RunningApp,
} from './support'
import { callAt } from '../support/test-cloud-url'

const RECORD = '/subpackages/points/pages/record/index'
const HOME = '/subpackages/points/pages/home/index'
const REWARDS = '/subpackages/points/pages/rewards/index'
const VERIFY = '/subpackages/points/pages/verify/index'
const NEIGHBOUR = 'e2e-neighbour-zt'

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

const api = <T>(fn: string, openid: string, action: string, data: unknown = {}): Promise<T> =>
  callAt<T>(app.url, fn, openid, action, data)

async function findByPad(page: Page, building: string, unit: string, room: string) {
  await page.locator('input[placeholder="1"]').fill(building)
  await page.locator('input[placeholder="2"]').fill(unit)
  await page.locator('input[placeholder="1203"]').fill(room)
  await page.getByText('找这一户', { exact: true }).click()
}

async function ledgerSum(openid: string): Promise<number> {
  let sum = 0
  let cursor: string | null = null
  do {
    const page: ListPage<LedgerEntryView> = await api('points', openid, 'ledger', {
      cursor,
      limit: 100,
    })
    sum += page.items.reduce((n, e) => n + e.delta, 0)
    cursor = page.cursor
  } while (cursor)
  return sum
}

it('supervisor records, residents see it, one redeems, staff verify; balance = ledger', async () => {
  // a neighbour of the same point binds 1号楼 1单元 101 (the household recorded incorrect)
  await api('account', NEIGHBOUR, 'bindHousehold', { buildingId: 'DF-1', unit: 1, room: '101' })
  const before = await api<PointsSummary>('points', 'demo-resident-zt', 'summary')

  // 赵师傅 at 1号投放点: 1号楼 2单元 1203 分类正确
  const sup = await phonePage(browser)
  await sup.goto(`${app.url}${RECORD}?as=demo-supervisor`)
  await visible(sup.getByText(/今天已记 \d+ \/ 144 户/))
  await findByPad(sup, '1', '2', '1203')
  await visible(sup.getByText('分类正确', { exact: true }))
  await screenshot(sup, 'points-1-record-household')
  await sup.getByText('分类正确', { exact: true }).click()
  await visible(sup.getByText(/1203 已记录 分类正确 \+3 分/))

  // 1号楼 1单元 101 分类不正确 · 未破袋: two taps after finding it
  await findByPad(sup, '1', '1', '101')
  await sup.getByText('分类不正确', { exact: true }).click()
  await visible(sup.getByText('哪里分得不对？点一下就记录'))
  await screenshot(sup, 'points-2-record-reason')
  await sup.getByText('未破袋', { exact: true }).click()
  await visible(sup.getByText(/101 已记录 未破袋/))
  await visible(sup.getByText(/今天已记 \d+ \/ 144 户/))
  await screenshot(sup, 'points-3-recorded')

  // a second scan of 1203: 今天已记录 ✓, nothing to tap, nothing changes
  await findByPad(sup, '1', '2', '1203')
  await visible(sup.getByText(/1203 今天已记录 ✓/))
  expect(await sup.getByText('分类正确', { exact: true }).count()).toBe(0)
  const after = await api<PointsSummary>('points', 'demo-resident-zt', 'summary')
  expect(after.balance).toBe(before.balance + 3)

  // 马桂芳 sees +3 and today on her calendar; the neighbour sees why
  const res = await phonePage(browser)
  await res.goto(`${app.url}${HOME}?as=demo-resident-zt`)
  await visible(res.getByText(`积分 ${before.balance + 3}`))
  await screenshot(res, 'points-4-resident-home')
  const nb = await phonePage(browser)
  await nb.goto(`${app.url}${HOME}?as=${NEIGHBOUR}`)
  await visible(nb.getByText(/分类不正确：未破袋/))

  // she redeems 垃圾袋 (30 分) and gets a six-digit code with its QR image
  await res.goto(`${app.url}${REWARDS}?as=demo-resident-zt`)
  await visible(res.getByText('垃圾袋', { exact: true }))
  const card = res.locator('[data-testid="reward"]').filter({ hasText: '垃圾袋' })
  await card.getByText('兑换', { exact: true }).click()
  await res.getByText('兑换', { exact: true }).last().click() // the confirmation's button
  const codeText = res.locator('[data-testid="code"]').first()
  await visible(codeText)
  const code = (await codeText.innerText()).trim()
  expect(code).toMatch(/^\d{6}$/)
  await visible(res.locator('img[src^="data:image/png"]').first())
  await screenshot(res, 'points-5-pickup-code')
  const spent = await api<PointsSummary>('points', 'demo-resident-zt', 'summary')
  expect(spent.balance).toBe(before.balance + 3 - 30)

  // 孙主任 verifies the code and hands it over, once
  const staff = await phonePage(browser)
  await staff.goto(`${app.url}${VERIFY}?as=demo-staff-zt`)
  await staff.locator('input[type="number"]').first().fill(code)
  await staff.getByText('查询', { exact: true }).click()
  await visible(staff.getByText('东方现代城 1号楼 2单元 1203'))
  await staff.getByText('确认发放', { exact: true }).click()
  await visible(staff.getByText(/已发放：垃圾袋/))
  await screenshot(staff, 'points-6-verified')
  await staff.locator('input[type="number"]').first().fill(code)
  await staff.getByText('查询', { exact: true }).click()
  await visible(staff.getByText(/没有找到这个取货码/))

  // the balance and the ledger agree
  const final = await api<PointsSummary>('points', 'demo-resident-zt', 'summary')
  expect(final.balance).toBe(await ledgerSum('demo-resident-zt'))
  expect(final.balance).toBe(before.balance + 3 - 30)
})
