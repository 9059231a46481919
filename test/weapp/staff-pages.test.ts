// The real weapp build, as 刘书记 (demo-staff, 二十里铺社区): the staff domain's 工作台, 统计 and
// 信箱码, and a suggestion's detail with the photo a resident uploaded — shown by its cloud://
// file ID, which WeChat's <image> loads from cloud storage itself.
import { bootWeapp, openPage, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'
import { api, PNG, residentOf, storedBytes, STAFF, uniqueText, uploadAs } from './fixtures'

describe('weapp build · the pages 刘书记 (demo-staff) works in', () => {
  let wx: WxRecord
  const opened: OpenedPage[] = []
  const open = (route: string, query: Record<string, string> = {}) => {
    const page = openPage(route, query)
    opened.push(page)
    return page
  }
  let filed: { id: string; no: string; text: string; photo: string }

  beforeAll(async () => {
    // a resident of 1号楼 1单元 101 files one with a photo from their own folder
    const resident = await residentOf('LH-1-1-101', 'staff-view')
    const photo = await uploadAs(resident)
    const text = uniqueText('楼顶漏水，下雨天卧室墙上全是水')
    const s = await api<{ id: string; no: string }>('suggestion', resident, 'submit', {
      buildingId: 'LH-1',
      category: '漏水',
      text,
      images: [photo],
    })
    filed = { ...s, text, photo }
    wx = bootWeapp(testCloudUrl(), STAFF)
  })
  afterEach(() => {
    for (const page of opened.splice(0)) page.close()
  })

  it('工作台: the community’s suggestions by status, the new one first', async () => {
    const page = open('subpackages/staff/pages/inbox/index')
    await page.waitForText(filed.text)
    // 待办, overdue first
    await page.waitForText('超时了，先办这些')
    await page.waitForText('⚠ 超时未受理')
    const text = page.text()
    expect(text.indexOf('⚠ 超时未受理')).toBeLessThan(text.indexOf(`编号 ${filed.no}`))
    expect(text).toContain('在微信里提醒我新建议')
    expect(text).toMatch(/待办\d+全部\d+待受理\d+已受理\d+/)
    expect(text).toContain('按楼栋、类别筛选')
    expect(text).toContain(`编号 ${filed.no}`)
    expect(text).toContain('1 张照片')
    expect(text).toContain('⚠ 超时未受理')
    expect(wx.calls).toContainEqual({ name: 'suggestion', action: 'inbox' })
  })

  it('统计: counts for the last 30 days by status, category and building', async () => {
    const page = open('subpackages/staff/pages/stats/index')
    await page.waitForText('建议总数')
    const text = page.text()
    for (const label of [
      '近7天',
      '近30天',
      '今年',
      '办结率',
      '满意度',
      '按状态',
      '按类别',
      '按楼栋',
    ]) {
      expect(text).toContain(label)
    }
    expect(text).toMatch(/受理用时（中位数）/)
    expect(text).not.toContain('您没有权限做这件事')
  })

  it('信箱码: the community’s buildings, and a box code for the first', async () => {
    const page = open('subpackages/staff/pages/codes/index')
    await page.waitForText('民意信箱')
    const text = page.text()
    expect(text).toContain('陇海安居 1号楼')
    expect(text).toContain('户卡码：选单元，填房号')
    expect(text).toContain('保存到相册')
    // one line until 换一栋, then the community's buildings — and not another community's
    page.tap('换一栋')
    await page.waitForText('5号楼')
    for (const b of ['1号楼', '2号楼', '5号楼']) expect(page.text()).toContain(b)
    expect(page.text()).not.toContain('东方现代城')
  })

  it('建议详情: who filed it, what it says, and its photo by cloud file ID', async () => {
    const page = open('subpackages/suggestion/pages/detail/index', { id: filed.id })
    await page.waitForText(filed.text)
    const text = page.text()
    expect(text).toContain(`编号 ${filed.no}`)
    expect(text).toContain('待受理')
    expect(text).toContain('谁提的陇海安居 1号楼 1单元 101')
    expect(text).toContain('受理')
    expect(text).toContain('公开到议事长廊')
    expect(text).toContain('居民 提交了建议')
    // weapp shows the stored photo by its cloud:// ID; it is the file the resident uploaded
    expect(page.images()).toEqual([filed.photo])
    expect(filed.photo).toMatch(/^cloud:\/\/local\.local-bucket\/suggestions\/[0-9a-f]{24}\//)
    expect((await storedBytes(filed.photo)).equals(PNG)).toBe(true)
  })
})
