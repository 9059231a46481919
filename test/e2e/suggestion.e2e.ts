// 民情速递站 end to end, in headless Chromium against the app as `npm start` runs it:
// a resident opens her building's link and reports a leak with a photo; the liaison accepts and
// resolves it with a result photo; the resident reads the messages and the timeline and rates it;
// staff publish it; a neighbour seconds it on the 议事长廊. Every page is screenshotted at 375×812.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import {
  launchBrowser,
  phonePage,
  screenshot,
  SCREENSHOT_DIR,
  startApp,
  type RunningApp,
  expectNoPageErrors,
} from './support'
import { callAt } from '../support/test-cloud-url'

const SUBMIT = '/subpackages/suggestion/pages/submit/index'
const DETAIL = '/subpackages/suggestion/pages/detail/index'
const MINE = '/subpackages/suggestion/pages/mine/index'
const BOARD = '/subpackages/suggestion/pages/board/index'
const MESSAGES = '/subpackages/suggestion/pages/messages/index'
const INBOX = '/subpackages/staff/pages/inbox/index'
const STATS = '/subpackages/staff/pages/stats/index'

const LEAK = '3单元顶楼楼顶漏水，下雨天302卧室墙上全是水，墙皮都掉了'
const RESULT = '已更换楼顶防水层，下雨后上门复查，不再漏水'

let app: RunningApp
let browser: Browser

/** Until the toast (a passing 已受理 / 已附议, services/feedback.ts) has faded: it would hide what the shot is for. */
async function toastGone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('.taro__toast, .nut-toast')).every(
          (el) => getComputedStyle(el).display === 'none' || el.style.opacity === '0',
        ),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined)
}

/**
 * The whole page, top to bottom, beside the 375×812 viewport shot. h5 pages scroll inside their
 * own container, so the viewport is stretched to the page's height for the shot.
 */
async function fullShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await toastGone(page)
  const height = await page.evaluate(() => {
    // the page on top of the stack is the last one shown
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page.taro_page_show'))
    return (shown.at(-1) ?? document.body).scrollHeight
  })
  const size = page.viewportSize() ?? { width: 375, height: 812 }
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) })
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-full.png`) })
  await page.setViewportSize(size)
}

async function openAs(persona: string, path: string, query = ''): Promise<Page> {
  const page = await phonePage(browser)
  await page.goto(`${app.url}${path}?as=${persona}${query ? `&${query}` : ''}`)
  return page
}

const text = (page: Page, words: string) => page.getByText(words, { exact: true })

/** A viewport screenshot once the page has stopped moving (h5 pages slide in). */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600)
  await toastGone(page)
  await screenshot(page, name)
}

/** Someone else's action, straight to the app's gateway (as their phone would send it). */
const api = (openid: string, fn: string, action: string, data: unknown): Promise<unknown> =>
  callAt(app.url, fn, openid, action, data)

/** Paints a photo-like JPEG in the browser (a stained wall), so the test ships no binary fixture. */
async function photo(page: Page, label: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((caption) => {
    const c = document.createElement('canvas')
    c.width = 2400
    c.height = 1800
    const g = c.getContext('2d')
    if (!g) return ''
    g.fillStyle = '#d9d2c5'
    g.fillRect(0, 0, c.width, c.height)
    g.fillStyle = '#8d7b62'
    for (let i = 0; i < 40; i++) {
      g.beginPath()
      g.ellipse(1200 + Math.sin(i) * 500, 300 + i * 30, 300 - i * 5, 120, 0, 0, Math.PI * 2)
      g.globalAlpha = 0.05
      g.fill()
    }
    g.globalAlpha = 1
    g.fillStyle = '#222222'
    g.font = 'bold 160px sans-serif'
    g.fillText(caption, 200, 1600)
    return c.toDataURL('image/jpeg', 0.9)
  }, label)
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}

/** Taps 加照片, hands the file chooser a photo, waits until it is uploaded (no % veil left). */
async function addPhoto(page: Page, name: string, label: string): Promise<void> {
  const buffer = await photo(page, label)
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    text(page, '加照片').click(),
  ])
  await chooser.setFiles({ name, mimeType: 'image/jpeg', buffer })
  await page.locator('[data-testid="photo"]').first().waitFor()
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="photo"]').length > 0 &&
      document.querySelectorAll('.photo-picker__veil').length === 0,
  )
}

beforeAll(async () => {
  // E2E_APP_URL: drive an app you already started (fresh data!) instead of starting one
  const given = process.env.E2E_APP_URL
  app = given ? { url: given.replace(/\/+$/, ''), stop: async () => undefined } : await startApp()
  browser = await launchBrowser()
})

afterEach(expectNoPageErrors)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('民情速递站 end to end', () => {
  let no = ''
  let id = ''

  it("a resident opens her building's link and reports a leak with a photo", async () => {
    // A neighbour in 1号楼 reported a leak this morning and it is still open.
    const neighbour = `e2e-neighbour-${Date.now().toString(36)}`
    await api(neighbour, 'account', 'bindHousehold', { scene: 'h=LH-1-1-101' })
    await api(neighbour, 'suggestion', 'submit', {
      buildingId: 'LH-1',
      category: '漏水',
      text: '1号楼楼顶防水层老化，下雨天顶楼好几家都漏水',
    })

    const page = await openAs('demo-resident', '/pages/index/index', 'scene=b%3DLH-1')
    await text(page, '陇海安居 1号楼').waitFor()
    await shot(page, 'suggestion-01-home-scanned')

    await text(page, '提建议').click()
    await page.waitForURL(/\/subpackages\/suggestion\/pages\/submit\/index\?buildingId=LH-1/)
    await text(page, '1. 什么问题？').waitFor()
    await shot(page, 'suggestion-02-submit-empty')

    await text(page, '漏水').click()
    // the neighbour's open report is shown before a duplicate is filed, but not what it says
    await page.getByText(/^本楼已有 \d+ 位邻居反映了类似问题/).waitFor()
    expect(await page.getByText('1号楼楼顶防水层老化').count()).toBe(0)
    // and her own open leak report, with its number, so she does not file it twice
    await text(page, '您已反映过这类问题').waitFor()
    await shot(page, 'suggestion-03-submit-similar')

    await page.locator('textarea').fill(LEAK)
    await addPhoto(page, 'leak.jpg', '漏水的墙')
    await page.locator('[data-testid="photo-picker"]').scrollIntoViewIfNeeded()
    await shot(page, 'suggestion-04-submit-filled')
    await fullShot(page, 'suggestion-04-submit-filled')

    await text(page, '提交').click()
    const number = page.locator('[data-testid="suggestion-no"]')
    await number.waitFor()
    no = (await number.textContent()) ?? ''
    expect(no).toMatch(/^\d{6}-\d{4,6}$/)
    await shot(page, 'suggestion-05-submitted')

    await text(page, '查看进度').click()
    await page.waitForURL(/\/subpackages\/suggestion\/pages\/detail\/index\?id=/)
    id = new URL(page.url()).searchParams.get('id') ?? ''
    await page.locator('[data-testid="detail-head"]').getByText('待受理').waitFor()
    expect(await page.locator('.photo-grid__img').count()).toBe(1)
    await shot(page, 'suggestion-06-detail-submitted')

    // in elder mode (大字模式) the same page, for the 70-year-olds it is made for
    const fontOf = (p: Page) =>
      text(p, '1. 什么问题？').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    const normal = await openAs('demo-resident', SUBMIT, 'buildingId=LH-2&elder=0')
    await text(normal, '1. 什么问题？').waitFor()
    const normalSize = await fontOf(normal)
    await normal.context().close()
    const elder = await openAs('demo-resident', SUBMIT, 'buildingId=LH-2&elder=1')
    await text(elder, '1. 什么问题？').waitFor()
    // 大字模式 really sets the type larger, not only a flag
    expect(await fontOf(elder)).toBeGreaterThan(normalSize * 1.15)
    await shot(elder, 'suggestion-07-submit-elder-mode')
    await elder.goto(`${app.url}${DETAIL}?id=${id}&as=demo-resident&elder=1`)
    await elder.locator('[data-testid="timeline"]').waitFor()
    await shot(elder, 'suggestion-08-detail-elder-mode')
    await elder.goto(`${app.url}${DETAIL}?id=${id}&as=demo-resident&elder=0`)
    await elder.context().close()
    await page.context().close()
  })

  it('the liaison finds it in the 工作台, accepts it and starts work', async () => {
    const page = await openAs('demo-liaison', INBOX)
    const card = page.locator(`[data-testid="suggestion-card"][data-no="${no}"]`)
    await card.waitFor()
    await shot(page, 'suggestion-09-inbox-liaison')

    await text(page, '条超时，点此只看').click()
    await page.locator('.s-card__overdue').first().waitFor()
    // the list is filtered: every card shown is overdue, and the new (not yet overdue) one is gone
    await card.waitFor({ state: 'detached' })
    const cards = page.locator('[data-testid="suggestion-card"]')
    const shown = await cards.count()
    expect(shown).toBeGreaterThan(0)
    expect(await cards.filter({ has: page.locator('.s-card__overdue') }).count()).toBe(shown)
    await shot(page, 'suggestion-10-inbox-overdue')
    await text(page, '只看超时（点此取消）').click()

    await card.waitFor()
    await card.locator('.s-card__body').click()
    await page.waitForURL(new RegExp(`${DETAIL}\\?id=${id}`))
    await text(page, '办理（现在：待受理）').waitFor()
    await shot(page, 'suggestion-11-detail-liaison')

    await text(page, '受理').click()
    await page.locator('textarea').fill('已收到，明天上午和物业一起上楼顶看')
    await text(page, '确认受理').click()
    await text(page, '办理（现在：已受理）').waitFor()

    await text(page, '开始办理').click()
    await text(page, '确认开始办理').click()
    await text(page, '办理（现在：办理中）').waitFor()

    await page.context().close()
  })

  it('staff publish it to the 议事长廊 while it is being worked on', async () => {
    const page = await openAs('demo-staff', DETAIL, `id=${id}`)
    await text(page, '公开到议事长廊').first().click()
    // the confirmation dialog (services/feedback.ts), at the page's type size
    const dialog = page.locator('.nut-dialog:visible')
    await dialog.getByText('公开到议事长廊').waitFor()
    await dialog.locator('.nut-dialog-footer-ok').click()
    await page.locator('[data-testid="detail-head"]').getByText('已在议事长廊公开').waitFor()
    await page.locator('[data-testid="handler-actions"]').scrollIntoViewIfNeeded()
    await shot(page, 'suggestion-17-detail-staff')

    await page.context().close()
  })

  it('another resident of the community seconds it on the 议事长廊, once', async () => {
    const page = await openAs('demo-neighbour', BOARD)
    const card = page.locator(`[data-testid="suggestion-card"][data-no="${no}"]`)
    await card.waitFor()
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'suggestion-19-board')

    await card.getByText('附议（现在 0 人）').click()
    await card.getByText('✓ 您已附议 · 共 1 人').waitFor()
    await shot(page, 'suggestion-20-board-seconded')

    await card.locator('.s-card__body').click()
    await page.waitForURL(new RegExp(`${DETAIL}\\?id=${id}`))
    const second = page.locator('[data-testid="detail-second"]')
    await second.getByText('1 人附议').waitFor()
    await second.getByText('✓ 您已附议').waitFor()
    await page.context().close()
  })

  it('the liaison resolves it with a result photo', async () => {
    const page = await openAs('demo-liaison', DETAIL, `id=${id}`)
    await text(page, '办理（现在：办理中）').waitFor()
    await text(page, '办结').click()
    await page.locator('textarea').fill(RESULT)
    await addPhoto(page, 'fixed.jpg', '修好的楼顶')
    await page.locator('[data-testid="action-form"]').scrollIntoViewIfNeeded()
    await shot(page, 'suggestion-12-resolve-form')
    await text(page, '确认办结').click()
    await page.locator('[data-testid="detail-result"]').waitFor()
    await page.locator('[data-testid="detail-head"]').getByText('已办结', { exact: true }).waitFor()
    await page.context().close()
  })

  it('the resident reads the messages and the whole timeline, then rates it', async () => {
    const page = await openAs('demo-resident', MESSAGES)
    await page.locator('[data-testid="message"]').first().waitFor()
    await expect(page.locator('[data-testid="unread-count"]').textContent()).resolves.toMatch(
      /^\d+ 条没看过$/,
    )
    const about = page.locator('[data-testid="message"]', { hasText: no })
    expect(await about.count()).toBeGreaterThanOrEqual(2)
    await shot(page, 'suggestion-13-messages')

    await about.first().click()
    await page.waitForURL(new RegExp(`${DETAIL}\\?id=${id}`))
    const result = page.locator('[data-testid="detail-result"]')
    await result.getByText(RESULT).waitFor()
    expect(await result.locator('.photo-grid__img').count()).toBe(1)
    const timeline = page.locator('[data-testid="timeline"]')
    for (const step of ['受理了建议', '开始办理', '办结了', '提交了建议']) {
      await timeline.getByText(new RegExp(step)).first().waitFor()
    }
    await timeline.getByText('已收到，明天上午和物业一起上楼顶看').waitFor()
    await result.scrollIntoViewIfNeeded()
    await shot(page, 'suggestion-14-detail-resolved')
    await fullShot(page, 'suggestion-14-detail-resolved')

    await text(page, '给办理结果打分').click()
    await page.locator('[aria-label="5 分，很满意"]').click()
    await page.locator('textarea').fill('修得又快又好，谢谢王丽和物业')
    await page.locator('[data-testid="action-form"]').scrollIntoViewIfNeeded()
    await shot(page, 'suggestion-15-rate')
    await text(page, '提交评价').click()
    await page.locator('[data-testid="detail-rating"]').getByText('5 分 · 很满意').waitFor()

    await page.goto(`${app.url}${MINE}?as=demo-resident`)
    await page.locator(`[data-testid="suggestion-card"][data-no="${no}"]`).waitFor()
    await shot(page, 'suggestion-16-mine')
    await page.context().close()
  })

  it('the board shows the result to everyone (两公开), with nothing left to second', async () => {
    const page = await openAs('demo-neighbour', BOARD)
    const card = page.locator(`[data-testid="suggestion-card"][data-no="${no}"]`)
    await card.getByText(`办理结果：${RESULT}`).waitFor()
    await card.getByText('✓ 您已附议 · 共 1 人').waitFor()
    await page.context().close()
    // a resident who never seconded it: the result, and no 附议 button on a finished one
    const other = `e2e-reader-${Date.now().toString(36)}`
    await api(other, 'account', 'bindHousehold', { scene: 'h=LH-3-2-201' })
    const reader = await openAs(other, BOARD)
    const theirs = reader.locator(`[data-testid="suggestion-card"][data-no="${no}"]`)
    await theirs.getByText(`办理结果：${RESULT}`).waitFor()
    expect(await theirs.getByText(/附议（现在/).count()).toBe(0)
    expect(await theirs.getByText(/您已附议/).count()).toBe(0)
    await reader.context().close()
  })

  it('staff see the statistics', async () => {
    const page = await openAs('demo-staff', STATS)
    await page.locator('[data-testid="stats-tiles"]').waitFor()
    // the tiles carry figures: suggestions were counted, and this run's resolved one among them
    const total = page.locator('.stats-tile', { hasText: '建议总数' }).locator('.stats-tile__value')
    await expect(total.textContent()).resolves.toMatch(/^[1-9]\d*$/)
    await page.locator('[data-testid="by-status"]').getByText('已办结').waitFor()
    await shot(page, 'suggestion-18-stats')
    await fullShot(page, 'suggestion-18-stats')
    await page.context().close()
  })
})
