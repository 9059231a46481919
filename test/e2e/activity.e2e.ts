// 志愿活动 end to end, in headless Chromium against the app as `npm start` runs it: staff publish
// an activity of 2 places; a resident signs up from the home tile, another fills it, a third lands
// on the waitlist; the first withdraws and the third is promoted; staff move the start to now and
// the promoted resident checks in by the activity's scene; the hours appear on 我的志愿时长; staff
// export the list and the .xlsx reads back with the right rows.
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
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

const EDIT = '/subpackages/activity/pages/edit/index'
const DETAIL = '/subpackages/activity/pages/detail/index'
const HOURS = '/subpackages/activity/pages/hours/index'
const MINE = '/subpackages/activity/pages/mine/index'
const ATTENDEES = '/subpackages/activity/pages/attendees/index'
const HOME = '/pages/index/index'

const TITLE = '端午节包粽子'
const MIN = 60_000

let app: RunningApp
let browser: Browser
let activityId = ''

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})
afterEach(expectNoPageErrors)

async function openAs(persona: string, path: string, query = ''): Promise<Page> {
  const page = await phonePage(browser)
  await page.goto(`${app.url}${path}?as=${persona}${query ? `&${query}` : ''}`)
  return page
}

/** Taro's h5 <Input>/<Textarea> wrap the real element: the one inside the labelled field. */
const field = (page: Page, label: string) =>
  page.locator(`[aria-label="${label}"] input, [aria-label="${label}"] textarea`).first()

const button = (page: Page, words: string) => page.locator('.big-button', { hasText: words })

/** Someone else's action, straight to the app's gateway (as their phone would send it). */
const api = <T>(openid: string, action: string, data: unknown): Promise<T> =>
  callAt<T>(app.url, 'activity', openid, action, data)

async function signUpOnDetail(persona: string, label: string): Promise<Page> {
  const page = await openAs(persona, DETAIL, `id=${activityId}`)
  await visible(page.getByTestId('sign-up-form'))
  // name and phone come from this persona's last sign-up (the demo data has one)
  await expect(field(page, '姓名').inputValue()).resolves.not.toBe('')
  await button(page, label).click()
  await visible(page.getByTestId('sign-up-answer'))
  return page
}

describe('志愿活动', () => {
  it('staff publish an activity of 2 places', async () => {
    const page = await openAs('demo-staff', EDIT)
    await visible(field(page, '活动名称'))
    await field(page, '活动名称').fill(TITLE)
    await field(page, '活动介绍').fill('和社区老人一起包粽子，材料社区准备。')
    await field(page, '地点').fill('二十里铺社区多功能厅')
    await field(page, '名额').fill('2')
    await field(page, '咨询电话').fill('0371-68921234')
    await page.locator('.chip', { hasText: '节日民俗' }).click()
    await screenshot(page, 'activity-01-publish')
    await button(page, '发布活动').click()
    await page.waitForURL(/activity\/pages\/detail/)
    activityId = new URL(page.url()).searchParams.get('id') ?? ''
    expect(activityId).toMatch(/^act-/)
    await visible(page.getByTestId('staff-tools'))
    await expect(page.getByTestId('places').textContent()).resolves.toBe('还剩 2 个名额')
  })

  it('a resident signs up from the home tile in two taps: 报名成功', async () => {
    const page = await openAs('demo-resident', HOME)
    const tile = page.locator('.tile', { hasText: '志愿活动' })
    await visible(tile)
    await tile.click()
    const card = page.getByTestId('activity-card').filter({ hasText: TITLE })
    await visible(card)
    await card.click()
    await visible(page.getByTestId('sign-up-form'))
    await expect(field(page, '姓名').inputValue()).resolves.toBe('张秀兰')
    await button(page, '确认报名').click()
    await visible(page.getByTestId('sign-up-answer'))
    await expect(page.getByTestId('sign-up-answer').textContent()).resolves.toContain('报名成功')
    await screenshot(page, 'activity-02-signed-up')
  })

  it('another fills it; a third lands on the waitlist, 已进入候补第 1 位', async () => {
    const second = await signUpOnDetail('demo-liaison', '确认报名')
    await expect(second.getByTestId('sign-up-answer').textContent()).resolves.toContain('报名成功')
    const third = await openAs('demo-neighbour', DETAIL, `id=${activityId}`)
    await visible(third.getByTestId('sign-up-form'))
    await expect(third.getByTestId('places').textContent()).resolves.toContain('已满，可排队')
    await button(third, '排队候补').click()
    await visible(third.getByTestId('sign-up-answer'))
    await expect(third.getByTestId('sign-up-answer').textContent()).resolves.toContain(
      '已进入候补第 1 位',
    )
    await screenshot(third, 'activity-03-waitlisted')
  })

  it('the first withdraws; the waitlisted one is promoted and told 候补成功', async () => {
    const page = await openAs('demo-resident', DETAIL, `id=${activityId}`)
    await visible(page.getByTestId('my-sign-up'))
    await button(page, '退出报名').click()
    await page.locator('.nut-dialog-footer-ok').click()
    await visible(page.getByTestId('sign-up-form'))
    const promoted = await openAs('demo-neighbour', MINE)
    const mine = promoted.getByTestId('my-activity').filter({ hasText: TITLE })
    await visible(mine)
    await expect(mine.getByTestId('my-status').textContent()).resolves.toBe('已报名')
    const messages = await fetch(`${app.url}/api/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-neighbour' },
      body: JSON.stringify({ action: 'messages', data: {} }),
    }).then(
      (r) => r.json() as Promise<{ data: { items: { title: string; link: string | null }[] } }>,
    )
    expect(
      messages.data.items.some((m) => m.title === '候补成功' && !!m.link?.includes(activityId)),
    ).toBe(true)
    await screenshot(promoted, 'activity-04-promoted')
  })

  it('on the day, the promoted resident checks in by the activity code; hours on 我的志愿时长', async () => {
    // staff move the start to ten minutes from now (everyone signed up is told)
    const start = Date.now() + 10 * MIN
    await api('demo-staff', 'update', {
      activityId,
      startAt: start,
      endAt: start + 60 * MIN,
      signUpClosesAt: start - 5 * MIN,
      withdrawBy: start - 8 * MIN,
    })
    const page = await openAs(
      'demo-neighbour',
      HOME,
      `scene=${encodeURIComponent(`a=${activityId}`)}`,
    )
    const answer = page.getByTestId('check-in-answer')
    await visible(answer)
    await expect(answer.textContent()).resolves.toContain('签到成功')
    await expect(answer.textContent()).resolves.toContain('2 小时')
    await screenshot(page, 'activity-05-checked-in')
    const hours = await openAs('demo-neighbour', HOURS)
    const record = hours.getByTestId('hours-record').filter({ hasText: TITLE })
    await visible(record)
    await expect(record.textContent()).resolves.toContain('+2 小时')
    await screenshot(hours, 'activity-06-hours')
  })

  it('staff export the list; the .xlsx reads back with one row per person', async () => {
    const page = await openAs('demo-staff', ATTENDEES, `id=${activityId}`)
    await visible(page.getByTestId('attendee-counts'))
    // h5 opens the file's link (the browser saves it); keep the link instead of a new tab
    await page.evaluate(() => {
      const w = window as unknown as { opened?: string; open: (u: string) => null }
      w.open = (u: string) => {
        w.opened = u
        return null
      }
    })
    await button(page, '导出 Excel 名单').click()
    await visible(page.getByTestId('exported'))
    const url = await page.evaluate(() => (window as unknown as { opened?: string }).opened ?? '')
    await screenshot(page, 'activity-07-attendees')
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('报名名单')
    if (!ws) throw new Error('no 报名名单 sheet')
    expect(ws.getRow(2).getCell(2).value).toBe('姓名')
    const rows = [3, 4, 5].map((r) => ({
      name: String(ws.getRow(r).getCell(2).value),
      status: String(ws.getRow(r).getCell(4).value),
      phone: ws.getRow(r).getCell(3).value,
    }))
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['李建国', '已签到'],
      ['王丽', '已报名'],
      ['张秀兰', '已退出'],
    ])
    expect(typeof rows[0].phone).toBe('string')
    expect(ws.getRow(6).getCell(2).value ?? null).toBeNull()
  })
})
