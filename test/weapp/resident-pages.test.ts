// The real weapp build, as 张秀兰 (demo-resident, 陇海安居 1号楼 2单元 301): the main package's
// 我的 and the suggestion domain's pages she reads — 我的建议, 消息, 议事长廊 — each rendered from
// the seeded local cloud. Nothing here writes: the seeded story stays as other suites expect it.
import { bootWeapp, openPage, waitFor, type OpenedPage, type WxRecord } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'

describe('weapp build · the pages 张秀兰 (demo-resident) reads', () => {
  let wx: WxRecord
  const opened: OpenedPage[] = []
  const open = (route: string, query: Record<string, string> = {}) => {
    const page = openPage(route, query)
    opened.push(page)
    return page
  }

  beforeAll(() => {
    wx = bootWeapp(testCloudUrl(), 'demo-resident')
  })
  afterEach(() => {
    for (const page of opened.splice(0)) page.close()
  })

  it('我的 (tab): her household and what she can do with it', async () => {
    const page = open('pages/mine/index')
    await page.waitForText('陇海安居 1号楼')
    const text = page.text()
    expect(text).toContain('2单元 301室')
    expect(text).toContain('上街区 · 二十里铺社区')
    expect(text).toContain('换绑到别的房屋')
    expect(text).toContain('解除绑定')
    expect(text).toContain('字太小？点这里放大')
    // a resident has no 工作台
    expect(text).not.toContain('工作台：处理居民建议')
    expect(wx.calls).toContainEqual({ name: 'account', action: 'login' })
  })

  it('我的建议: her suggestions, each with where it stands', async () => {
    const page = open('subpackages/suggestion/pages/mine/index')
    await page.waitForText('已经全部显示，共')
    const text = page.text()
    expect(text).toContain('提新建议')
    // the seeded 小游园 idea, a 金点子 with 31 seconds, and the street lights, resolved
    expect(text).toContain('小区里的门球场废弃好多年了')
    expect(text).toContain('金点子')
    expect(text).toContain('31 人附议')
    expect(text).toContain('小区里没有路灯')
    expect(text).toContain('已办结')
    expect(text).toMatch(/编号 \d{6}-\d{4}/)
    expect(wx.calls).toContainEqual({ name: 'suggestion', action: 'mine' })

    // a card opens its detail page with the suggestion's id
    const before = wx.navigations.length
    page.tap('查看 ›')
    const url = await waitFor('wx.navigateTo', () => wx.navigations[before])
    expect(url).toMatch(/^\/subpackages\/suggestion\/pages\/detail\/index\?id=[\w-]+$/)
  })

  it('消息: every reply and status change, the unread counted', async () => {
    const page = open('subpackages/suggestion/pages/messages/index')
    await page.waitForText('您的建议已办结')
    const text = page.text()
    expect(text).toMatch(/\d+ 条没看过/)
    expect(text).toContain('全部标为已读')
    expect(text).toContain('已用高压水车疏通主管道')
    expect(text).toContain('您的建议被评为金点子')
    expect(text).toContain('奖励您家 100 积分')
  })

  it('议事长廊: what staff published, with decisions, results and her seconds', async () => {
    const page = open('subpackages/suggestion/pages/board/index')
    await page.waitForText('已经全部显示，共')
    const text = page.text()
    expect(text).toContain('最新公开')
    expect(text).toContain('附议最多')
    expect(text).toContain('西侧停车场已建成，新增车位46个')
    expect(text).toContain('这是您提的建议 · 31 人附议')
    expect(text).toContain('✓ 您已附议 · 共 48 人')
    // never the household on the board
    expect(text).not.toContain('2单元 301')
    expect(wx.calls).toContainEqual({ name: 'suggestion', action: 'board' })
  })
})
