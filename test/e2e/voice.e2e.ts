// A voice note instead of typing, end to end: Chromium's fake microphone records a real clip
// (MediaRecorder), the resident sends a suggestion that is only that clip, and the liaison plays
// it on the detail page — while a neighbour on the 议事长廊 never gets it.
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import {
  expectAccessible,
  expectNoPageErrors,
  phonePage,
  screenshot,
  startApp,
  visible,
  type RunningApp,
} from './support'
import { callAt } from '../support/test-cloud-url'

const SUBMIT = '/subpackages/suggestion/pages/submit/index'
const DETAIL = '/subpackages/suggestion/pages/detail/index'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp()
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ])
})
afterEach(expectNoPageErrors)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const api = <T>(fn: string, as: string, action: string, data: unknown): Promise<T> =>
  callAt<T>(app.url, fn, as, action, data)

/** 按住说话: a finger on the button for `ms`, then lifted. */
async function holdToTalk(page: Page, ms: number): Promise<void> {
  const button = page.getByTestId('voice-hold')
  await button.dispatchEvent('touchstart')
  await visible(page.getByText(/正在录音 \d+ 秒，松开结束/))
  await page.waitForTimeout(ms)
  await button.dispatchEvent('touchend')
}

let suggestionId = ''

it('resident: holds 按住说话 for 3 s, hears it back, and sends the voice alone', async () => {
  const page = await phonePage(browser)
  await page.goto(`${app.url}${SUBMIT}?buildingId=LH-1&as=demo-resident`)
  await visible(page.getByText('1. 什么问题？'))
  await page.getByRole('button', { name: '其他', exact: true }).click()

  await holdToTalk(page, 3000)
  const recorded = page.getByTestId('voice-recorded')
  await visible(recorded.getByText(/^🎤 语音 [2-4] 秒$/))
  await visible(recorded.getByText('✓ 已经传好，提交时一起发给社区'))
  await expectAccessible(page, 'submit-voice')
  await screenshot(page, 'voice-1-recorded')

  await page.getByText('提交', { exact: true }).click()
  await visible(page.getByText('✓ 提交成功'))
  const no = (await page.getByTestId('suggestion-no').textContent())?.trim() ?? ''
  expect(no).toMatch(/^\d{6}-\d{4,6}$/)
  // who to call about it, with the number to quote
  await visible(page.getByText(`想问进度，打下面的电话，报上编号 ${no} 就行。`))
  await visible(page.getByText('0371-68925010'))
  await screenshot(page, 'voice-2-submitted')

  const mine = await api<{ items: { id: string; no: string }[] }>(
    'suggestion',
    'demo-resident',
    'mine',
    { limit: 5 },
  )
  suggestionId = mine.items.find((s) => s.no === no)?.id ?? ''
  expect(suggestionId).not.toBe('')
  const stored = await api<{ text: string; voice: { fileId: string; seconds: number } | null }>(
    'suggestion',
    'demo-resident',
    'detail',
    { id: suggestionId },
  )
  expect(stored.text).toBe('')
  expect(stored.voice?.seconds).toBeGreaterThanOrEqual(2)
  // a real recording: a webm file of some size in storage
  const path = (stored.voice?.fileId ?? '').replace(/^cloud:\/\/[^/]+\//, '')
  const file = Buffer.from(await (await fetch(`${app.url}/storage/${path}`)).arrayBuffer())
  expect(file.subarray(0, 4).toString('hex')).toBe('1a45dfa3')
  expect(file.length).toBeGreaterThan(2000)
})

it('liaison: opens it and plays the voice', async () => {
  const page = await phonePage(browser)
  await page.goto(`${app.url}${DETAIL}?id=${suggestionId}&as=demo-liaison`)
  const voice = page.getByTestId('detail-voice')
  await visible(voice)
  await expectAccessible(page, 'detail-voice')
  await voice.getByTestId('voice-play').click()
  // onPlay fires only once the browser decodes and plays the clip
  await page
    .getByTestId('voice-play')
    .and(page.locator('[data-playing="1"]'))
    .waitFor({ timeout: 10_000 })
  await screenshot(page, 'voice-3-liaison-plays')
})
