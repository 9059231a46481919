// 按住说话 end to end, in headless Chromium with its fake microphone (a real recording of its test
// tone, through MediaRecorder): a resident who would rather not type files a voice-only suggestion;
// the liaison plays it on the detail page; a neighbour who opens it once it is public gets no voice.
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import {
  expectNoPageErrors,
  phonePage,
  screenshot,
  startApp,
  visible,
  type RunningApp,
} from './support'

const SUBMIT = '/subpackages/suggestion/pages/submit/index'
const DETAIL = '/subpackages/suggestion/pages/detail/index'

let app: RunningApp
let browser: Browser
let id = ''

beforeAll(async () => {
  const given = process.env.E2E_APP_URL
  app = given ? { url: given.replace(/\/+$/, ''), stop: async () => undefined } : await startApp()
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ])
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})
afterEach(expectNoPageErrors)

async function openAs(persona: string, path: string, query: string): Promise<Page> {
  const page = await phonePage(browser)
  await page.context().grantPermissions(['microphone'], { origin: app.url })
  await page.goto(`${app.url}${path}?as=${persona}&${query}`)
  return page
}

it('a resident records 3 seconds instead of typing, hears it back, and files it', async () => {
  const page = await openAs('demo-resident', SUBMIT, 'buildingId=LH-1')
  await visible(page.getByText('陇海安居 1号楼'))
  await page.getByRole('button', { name: '照明' }).first().click()
  const hold = page.getByTestId('voice-hold')
  // one tap starts it, a second tap ends it (for hands that cannot hold)
  await hold.click()
  await visible(page.getByText(/正在录音 \d+ 秒/))
  await page.waitForTimeout(3200)
  await hold.click()
  await visible(page.getByText('✓ 已录好'))
  const length = await page.getByTestId('voice-note').textContent()
  expect(length).toMatch(/语音 3 秒/)
  expect(page.getByRole('button', { name: /试听语音 3 秒/ })).toBeTruthy()
  await screenshot(page, 'voice-recorded')
  await page.getByText('提交', { exact: true }).click()
  await visible(page.getByTestId('suggestion-no'))
  const url = new URL(page.url())
  id = url.searchParams.get('id') ?? ''
  if (!id) {
    // the done screen links to the detail page
    await page.getByText('查看进度', { exact: true }).click()
    await visible(page.getByTestId('timeline'))
    id = new URL(page.url()).searchParams.get('id') ?? ''
  }
  expect(id).not.toBe('')
  await page.context().close()
})

it('the liaison plays it on the detail page: a real recording, in storage', async () => {
  const page = await openAs('demo-liaison', DETAIL, `id=${id}`)
  await visible(page.getByTestId('voice-player'))
  expect(await page.getByTestId('voice-player').textContent()).toContain('3 秒')
  await page.getByRole('button', { name: /播放语音 3 秒/ }).click()
  await visible(page.getByRole('button', { name: '停止播放' }))
  await screenshot(page, 'voice-liaison-plays')
  // the stored file is the browser's own recording: a WebM (EBML) of some kilobytes
  const fileUrl = await page.evaluate(async (sid) => {
    const res = await fetch(`/api/suggestion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-liaison' },
      body: JSON.stringify({ action: 'detail', data: { id: sid } }),
    })
    const body = (await res.json()) as { data: { voice: { fileId: string } } }
    return body.data.voice.fileId.replace(/^cloud:\/\/[^/]+\//, '/storage/')
  }, id)
  const bytes = Buffer.from(await (await fetch(`${app.url}${fileUrl}`)).arrayBuffer())
  expect(bytes.readUInt32BE(0)).toBe(0x1a45dfa3)
  expect(bytes.length).toBeGreaterThan(2000)
  await page.context().close()
})
