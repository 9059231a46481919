// The real weapp build: open 提建议 as a building's mini-program code does (scene b=LH-1),
// pick a category, type, tap 提交 and see the suggestion's number — real cloud function behind.
import { bootWeapp, openPage, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'

interface ExparserEvent {
  create(name: string, detail: unknown, options: Record<string, unknown>): unknown
  dispatchEvent(target: unknown, event: unknown): void
}
// eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded alongside miniprogram-simulate
const exparser = require('miniprogram-exparser') as { Event: ExparserEvent }

/** Types into a rendered <textarea>/<input>: the `input` event WeChat fires, into Taro's handler. */
function typeInto(page: OpenedPage, tag: 'textarea' | 'input', value: string): void {
  const el = Array.from(page.dom.querySelectorAll<HTMLElement>('[data-sid]')).find((e) =>
    e.tagName.toLowerCase().endsWith(tag),
  ) as (HTMLElement & { __wxElement?: unknown }) | undefined
  if (!el?.__wxElement) throw new Error(`no <${tag}> on the page`)
  const original = new CustomEvent('input', { detail: { value } })
  el.dispatchEvent(original)
  exparser.Event.dispatchEvent(
    el.__wxElement,
    exparser.Event.create(
      'input',
      { value },
      {
        originalEvent: original,
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: {}, changedTouches: {} },
      },
    ),
  )
}

const settle = () => new Promise((r) => setTimeout(r, 50))

describe('weapp build · 提建议 opened from a building code (scene=b%3DLH-1)', () => {
  const openid = `weapp-submit-${Date.now().toString(36)}`
  let wx: WxRecord
  let page: OpenedPage

  beforeAll(() => {
    wx = bootWeapp(testCloudUrl(), openid)
    page = openPage('subpackages/suggestion/pages/submit/index', { scene: 'b%3DLH-1' })
  })
  afterAll(() => page.close())

  it('shows the building the code names, with the categories to tap', async () => {
    await page.waitForText('陇海安居 1号楼')
    const text = page.dom.textContent ?? ''
    expect(text).toContain('反映给 二十里铺社区')
    for (const c of ['漏水', '管网堵塞', '照明', '停车', '其他']) expect(text).toContain(c)
    expect(wx.calls).toContainEqual({ name: 'account', action: 'resolveScene' })
  })

  it('says what is missing in words when 提交 is tapped too early', async () => {
    page.tap('提交')
    await page.waitForText('请选择问题类别')
  })

  it('files it: tap a category, type, tap 提交 — and shows the number to quote', async () => {
    page.tap('照明')
    await settle()
    typeInto(page, 'textarea', '2单元楼道灯坏了一个多星期，晚上看不见台阶')
    await page.waitForText('21/500')
    page.tap('提交')
    await page.waitForText('提交成功')

    const no = /\d{6}-\d{4,6}/.exec(page.dom.textContent ?? '')?.[0]
    expect(no).toBeDefined()
    expect(wx.calls).toContainEqual({ name: 'suggestion', action: 'submit' })

    // the number on screen is the one the cloud stored for this resident
    const res = await fetch(`${testCloudUrl()}/api/suggestion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
      body: JSON.stringify({ action: 'mine', data: {} }),
    })
    const mine = (await res.json()) as {
      ok: true
      data: { items: { no: string; category: string }[] }
    }
    expect(mine.data.items[0]).toMatchObject({ no, category: '照明' })
    // the draft is gone once it is filed
    expect([...wx.storage.keys()].filter((k) => k.startsWith('suggestion.draft.'))).toEqual([])
  })
})
