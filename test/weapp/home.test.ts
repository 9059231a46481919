import { bootWeapp, openPage, waitFor, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'

describe('weapp build · 首页 opened from a building code (scene=b%3DLH-1)', () => {
  let wx: WxRecord
  let page: OpenedPage

  beforeAll(() => {
    wx = bootWeapp(testCloudUrl(), `weapp-test-${Date.now().toString(36)}`)
    page = openPage('pages/index/index', { scene: 'b%3DLH-1' })
  })
  afterAll(() => page.close())

  it('shows the building and its community, fetched through the real cloud function', async () => {
    await page.waitForText('陇海安居 1号楼')
    const text = page.dom.textContent ?? ''
    expect(text).toContain('二十里铺社区')
    expect(text).toContain('您扫的是')
    expect(wx.calls).toEqual(
      expect.arrayContaining([
        { name: 'account', action: 'resolveScene' },
        { name: 'account', action: 'login' },
      ]),
    )
    // remembered as the app's current building
    expect(wx.storage.get('place.currentBuilding')).toMatchObject({ id: 'LH-1' })
  })

  it('runs the real tap handler: 绑定我家 opens the bind page for that building', async () => {
    await page.waitForText('绑定我家')
    const before = wx.navigations.length
    page.tap('绑定我家')
    const url = await waitFor('wx.navigateTo', () => wx.navigations[before])
    expect(url).toBe('/subpackages/account/pages/bind/index?buildingId=LH-1')
  })
})
