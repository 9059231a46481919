import { bootWeapp, openPage, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'

describe('weapp build · 首页 opened without a code: 扫一扫楼道二维码', () => {
  let wx: WxRecord
  let page: OpenedPage

  beforeAll(() => {
    wx = bootWeapp(testCloudUrl(), `weapp-scan-${Date.now().toString(36)}`)
    page = openPage('pages/index/index', {})
  })
  afterAll(() => page.close())

  it('asks a newcomer to scan, and says so when the code is not a building box', async () => {
    await page.waitForText('扫一扫楼道二维码')
    expect(page.dom.textContent).not.toContain('您扫的是')

    wx.scans.push({ result: 'https://example.com/coupon', scanType: 'QR_CODE' })
    page.tap('扫一扫楼道二维码')
    await new Promise((r) => setTimeout(r, 50))
    expect(wx.toasts.at(-1)).toBe('这不是楼栋信箱的二维码')
    expect(wx.calls).not.toContainEqual({ name: 'account', action: 'resolveScene' })
  })

  it('does nothing when the camera is closed', async () => {
    const calls = wx.calls.length
    const toasts = wx.toasts.length
    page.tap('扫一扫楼道二维码')
    await new Promise((r) => setTimeout(r, 50))
    expect(wx.calls.length).toBe(calls)
    expect(wx.toasts.length).toBe(toasts)
  })

  it("shows the building of a scanned box's code (Android leaves the scene unencoded)", async () => {
    wx.scans.push({
      path: 'pages/index/index?scene=b=LH-2',
      result: '',
      scanType: 'WX_CODE',
    })
    page.tap('扫一扫楼道二维码')
    await page.waitForText('陇海安居 2号楼')
    expect(page.dom.textContent).toContain('您扫的是')
    expect(wx.calls).toContainEqual({ name: 'account', action: 'resolveScene' })
    expect(wx.storage.get('place.currentBuilding')).toMatchObject({ id: 'LH-2' })
  })
})
