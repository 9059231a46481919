// The real weapp build, 志愿活动: the list of 二十里铺社区's activities as a new resident of
// 陇海安居 sees it, and the detail page where she signs up (name, phone, one tap).
import { bootWeapp, openPage, waitFor, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'
import { api, residentOf } from './fixtures'
import { typeInto } from './type-into'

describe('weapp build · 志愿活动 list and detail', () => {
  let wx: WxRecord
  let openid: string
  const opened: OpenedPage[] = []
  const open = (route: string, query: Record<string, string> = {}) => {
    const page = openPage(route, query)
    opened.push(page)
    return page
  }

  beforeAll(async () => {
    openid = await residentOf('LH-4-1-101', 'activity')
    wx = bootWeapp(testCloudUrl(), openid)
  })
  afterEach(() => {
    for (const page of opened.splice(0)) page.close()
  })

  it('list: upcoming activities with places left in words, or full with the queue', async () => {
    const page = open('subpackages/activity/pages/list/index')
    await page.waitForText('爱眼日免费义诊')
    const text = page.text()
    expect(text).toMatch(/还剩 \d+ 个名额/)
    expect(text).toContain('豆贴画手工课')
    expect(text).toContain('已满，可排队（前面 3 人）')
    expect(text).toContain('守望孝心：我陪老人看电影')
    // the other community's activities are not in her list
    expect(text).not.toContain('垃圾分类桶边值守')
    expect(wx.calls).toContainEqual({ name: 'activity', action: 'list' })

    const before = wx.navigations.length
    page.tap('爱眼日免费义诊')
    const url = await waitFor('wx.navigateTo', () => wx.navigations[before])
    expect(url).toBe('/subpackages/activity/pages/detail/index?id=seed-a01')
  })

  it('detail: signs up with her name and phone in one tap, and the answer stays', async () => {
    const page = open('subpackages/activity/pages/detail/index', { id: 'seed-a02' })
    await page.waitForText('我要报名')
    expect(page.text()).toContain('矿山救护队')
    typeInto(page, 'input', '马淑芬', 0)
    typeInto(page, 'input', '13912345678', 1)
    page.tap('确认报名')
    await page.waitForText('✓ 报名成功')
    expect(wx.calls).toContainEqual({ name: 'activity', action: 'signUp' })
    const detail = await api<{ mySignUp: { status: string; name: string } }>(
      'activity',
      openid,
      'detail',
      { activityId: 'seed-a02' },
    )
    expect(detail.mySignUp).toMatchObject({ status: 'confirmed', name: '马淑芬' })
  })
})
