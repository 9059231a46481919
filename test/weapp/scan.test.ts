import { bootWeapp, openPage, waitFor, type OpenedPage, type WxRecord } from '../support/weapp'
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
    // said in a card that stays, with a way to scan again
    await page.waitForText('这不是楼栋信箱的二维码')
    expect(page.text()).toContain('再扫一次')
    expect(wx.calls).not.toContainEqual({ name: 'account', action: 'resolveScene' })
  })

  it('does nothing when the camera is closed', async () => {
    const asked = wx.scanRequests
    page.tap('再扫一次')
    // the handler ran: it opened the camera, which the resident closed
    await waitFor('wx.scanCode', () => wx.scanRequests === asked + 1)
    // then another code that is not a box: once it has been read, whatever the closed camera had
    // led to would be there too — and the card still says only this
    wx.scans.push({ result: 'https://example.com/menu', scanType: 'QR_CODE' })
    page.tap('再扫一次')
    await waitFor('the second scan', () => wx.scanRequests === asked + 2)
    await page.waitForText('这不是楼栋信箱的二维码')
    expect(wx.toasts).toEqual([])
    expect(wx.calls).not.toContainEqual({ name: 'account', action: 'resolveScene' })
    expect(page.text()).not.toContain('您扫的是')
  })

  it("shows the building of a scanned box's code (Android leaves the scene unencoded)", async () => {
    wx.scans.push({
      path: 'pages/index/index?scene=b=LH-2',
      result: '',
      scanType: 'WX_CODE',
    })
    page.tap('再扫一次')
    await page.waitForText('陇海安居 2号楼')
    expect(page.dom.textContent).toContain('您扫的是')
    expect(wx.calls).toContainEqual({ name: 'account', action: 'resolveScene' })
    expect(wx.storage.get('place.currentBuilding')).toMatchObject({ id: 'LH-2' })
  })
})
