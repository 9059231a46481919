// The real weapp build: open 提建议 as a building's mini-program code does (scene b=LH-1),
// pick a category, type, add a photo (wx.chooseMedia → wx.cloud.uploadFile into the local cloud),
// tap 提交 (the subscription is asked inside the tap) and see the suggestion's number.
import { resolve } from 'node:path'
import { dotenvParse } from '@tarojs/helper/dist/dotenv'
import { bootWeapp, openPage, waitFor, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'
import { api, photoOnPhone, PNG, storedBytes } from './fixtures'
import { typeInto } from './type-into'

/**
 * The subscribe-message template ids the weapp build was made with, read as Taro's CLI reads them
 * (.env, .env.local, .env.production …). Empty (the default): the build does not ask at all.
 */
function builtTemplateIds(): string[] {
  const env = dotenvParse(resolve(__dirname, '..', '..'), 'TARO_APP_', 'production')
  return (env.TARO_APP_TMPL_SUGGESTION_STATUS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, 5)
}

interface Draft {
  category: string | null
  text: string
  images: string[]
}

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

  const draft = () => wx.storage.get('suggestion.draft.LH-1') as Draft | undefined

  it('adds nothing when the album is closed', async () => {
    await page.waitForText('已选 0 张，最多 9 张')
    page.tap('加照片')
    // the handler ran: it opened the album (and was told the resident backed out)
    await waitFor('wx.chooseMedia', () => wx.pickRequests === 1)
    // a category tapped afterwards is in the draft: by then the cancelled pick has settled
    page.tap('照明')
    await waitFor('the draft with 照明', () => draft()?.category === '照明')
    expect(page.text()).toContain('已选 0 张，最多 9 张')
    expect(page.text()).not.toContain('没能打开相册')
    expect(wx.uploads).toEqual([])
    expect(page.images()).toEqual([])
  })

  it('uploads a picked photo into the resident’s own folder in the cloud, with progress', async () => {
    const onPhone = photoOnPhone('leak.png')
    wx.picks.push([onPhone])
    page.tap('加照片')
    await page.waitForText('已选 1 张，最多 9 张')
    const fileID = await waitFor('the upload', () => wx.uploads[0]?.fileID)
    // the folder is the one the cloud named for this resident (their pseudonym), not the openid
    const profile = await api<{ uploadDir: string }>('account', openid, 'login', {})
    expect(wx.uploads[0].cloudPath.startsWith(`${profile.uploadDir}/`)).toBe(true)
    expect(fileID).toBe(`cloud://local.local-bucket/${wx.uploads[0].cloudPath}`)
    expect(wx.uploads[0].progress).toEqual([0, 100])
    // the bytes stored are the photo's
    expect((await storedBytes(fileID)).equals(PNG)).toBe(true)
    // the thumbnail shows the file on the phone; the draft keeps the stored file ID
    expect(page.images()).toEqual([onPhone])
    await waitFor('the draft with the photo', () => draft()?.images.length === 1)
    expect(draft()?.images).toEqual([fileID])
  })

  it('files it: type, tap 提交 — asks for the subscription inside the tap — and shows the number', async () => {
    typeInto(page, 'textarea', '2单元楼道灯坏了一个多星期，晚上看不见台阶')
    await page.waitForText('21/500')
    const callsBefore = wx.calls.length
    page.tap('提交')
    await page.waitForText('提交成功')

    const no = /\d{6}-\d{4,6}/.exec(page.dom.textContent ?? '')?.[0]
    expect(no).toMatch(/^\d{6}-\d{4,6}$/)
    // one submit; the screen then says whom to call, with the community's phone
    expect(wx.calls.slice(callsBefore).filter((c) => c.name === 'suggestion')).toEqual([
      { name: 'suggestion', action: 'submit' },
    ])
    await page.waitForText('0371-68925010')
    expect(page.text()).toContain(`报上编号 ${no}`)

    const tmplIds = builtTemplateIds()
    if (tmplIds.length === 0) {
      // the build has no template id (.env's TARO_APP_TMPL_SUGGESTION_STATUS is empty): WeChat
      // would refuse an empty request, so the tap files the suggestion without asking
      expect(wx.subscribeRequests).toEqual([])
    } else {
      // asked once, synchronously inside the tap (WeChat refuses it after an await), and the
      // local cloud counted the subscription it granted
      expect(wx.subscribeRequests).toHaveLength(1)
      expect(wx.subscribeRequests[0]).toMatchObject({ tmplIds, inTap: true })
      for (const id of tmplIds) expect(wx.subscribeRequests[0].answer[id]).toBe('accept')
    }

    // the number on screen is the one the cloud stored for this resident
    const res = await fetch(`${testCloudUrl()}/api/suggestion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
      body: JSON.stringify({ action: 'mine', data: {} }),
    })
    const mine = (await res.json()) as {
      ok: true
      data: { items: { id: string; no: string; category: string }[] }
    }
    expect(mine.data.items[0]).toMatchObject({ no, category: '照明' })
    // with the photo the app uploaded
    const detail = await api<{ images: string[]; text: string }>('suggestion', openid, 'detail', {
      id: mine.data.items[0].id,
    })
    expect(detail).toMatchObject({
      text: '2单元楼道灯坏了一个多星期，晚上看不见台阶',
      images: [wx.uploads[0].fileID],
    })
    // the draft is gone once it is filed
    expect([...wx.storage.keys()].filter((k) => k.startsWith('suggestion.draft.'))).toEqual([])
  })
})
