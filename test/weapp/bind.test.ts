// The real weapp build: 绑定我家 (the account domain's page) as a newcomer without a household —
// pick the estate, the building, the unit, type the room — and the cloud has the household bound.
import { bootWeapp, openPage, waitFor, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'
import { api, freshOpenid } from './fixtures'
import { typeInto } from './type-into'

describe('weapp build · 绑定我家 for a newcomer', () => {
  const openid = freshOpenid('bind')
  let wx: WxRecord
  let page: OpenedPage

  beforeAll(() => {
    wx = bootWeapp(testCloudUrl(), openid)
    page = openPage('subpackages/account/pages/bind/index', {})
  })
  afterAll(() => page.close())

  it('asks for the estate first, every community’s estates listed', async () => {
    await page.waitForText('第 1 步：您住哪个小区')
    const text = page.text()
    expect(text).toContain('陇海安居二十里铺社区')
    expect(text).toContain('东方现代城政通路社区')
    expect(text).toContain('选好楼栋、单元，填上房号')
    expect(wx.calls).toContainEqual({ name: 'account', action: 'directory' })
  })

  it('says so when no such household exists, then binds 陇海安居 3号楼 1单元 502', async () => {
    page.tap('陇海安居')
    await page.waitForText('陇海安居（二十里铺社区）')
    page.tap('3号楼')
    await page.waitForText('第 2 步：几单元')
    page.tap('2单元')
    typeInto(page, 'input', '1202')
    await page.waitForText('确认绑定')
    page.tap('确认绑定')
    await page.waitForText('没有找到这户，请核对楼栋、单元和房号')
    expect(wx.toasts).toEqual([])
    // not a dead end: report without binding, or call the community
    await page.waitForText('先不绑定，直接提建议')
    await page.waitForText('0371-68925010')

    page.tap('1单元')
    typeInto(page, 'input', '502')
    await waitFor('the error cleared', () => !page.text().includes('没有找到这户'))
    page.tap('确认绑定')
    // a confirmation that stays on the page, naming the household
    await page.waitForText('绑定成功')
    expect(page.text()).toContain('1单元 502室')
    expect(wx.toasts).toEqual([])
    const profile = await api<{ household: { id: string } | null }>('account', openid, 'login', {})
    expect(profile.household?.id).toBe('LH-3-1-502')
  })
})
