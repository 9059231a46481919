import { fireEvent, render, screen, within } from '@testing-library/react'
import { FEATURES } from '@/hub'
import HomePage from '@/pages/index/index'
import { currentBuilding } from '@/services/current-building'
import { sceneOfScan } from '@/services/scene'
import { setApiBase } from '@/services/cloud'
import { testCloudUrl } from '../support/test-cloud-url'
import { freshResident, openPage, taroTest } from './helpers'
import { fileSuggestion, LIAISON, residentOf, uniqueText } from './suggestion-fixtures'

const HOME = '/pages/index/index'

describe('首页', () => {
  it('shows the building a box code names, with its estate and community', async () => {
    openPage(HOME, { scene: 'b%3DLH-1' }, freshResident())
    render(<HomePage />)

    expect(await screen.findByText('陇海安居 1号楼')).toBeTruthy()
    const place = screen.getByTestId('place')
    expect(within(place).getByText(/二十里铺社区/)).toBeTruthy()
    expect(screen.getByText('您扫的是')).toBeTruthy()
    // who to call about it: the building's liaison and the community's phone, tap to call
    const call = screen.getByTestId('who-to-call')
    expect(within(call).getByText('王丽')).toBeTruthy()
    fireEvent.click(within(call).getByRole('button', { name: /0371-68925010/ }))
    expect(taroTest.phoneCalls.at(-1)).toBe('037168925010')
    // remembered, so the app keeps the context after this page is gone
    expect(currentBuilding.get()?.id).toBe('LH-1')
  })

  it('offers a newcomer who scanned a box 绑定我家 with that building filled in', async () => {
    openPage(HOME, { scene: 'b%3DLH-1' }, freshResident())
    render(<HomePage />)

    fireEvent.click(await screen.findByRole('button', { name: '绑定我家' }))
    expect(taroTest.navigations.at(-1)).toEqual({
      kind: 'navigateTo',
      url: '/subpackages/account/pages/bind/index?buildingId=LH-1',
    })
  })

  it('says on the tiles what waits: unread messages, and for a liaison what to accept', async () => {
    const resident = await residentOf('LH-1-1-201')
    await fileSuggestion(resident, {
      buildingId: 'LH-1',
      category: '照明',
      text: uniqueText('一楼楼道灯坏了'),
    })
    openPage(HOME, {}, LIAISON)
    render(<HomePage />)
    const messages = await screen.findByRole('button', { name: /^消息，\d+ 条未读$/ })
    expect(messages).toBeTruthy()
    expect(await screen.findByRole('button', { name: /^工作台，\d+ 条待受理/ })).toBeTruthy()
    expect(screen.getAllByTestId('tile-badge').map((b) => b.textContent)).toContainEqual(
      expect.stringMatching(/^\d+ 条待受理$/),
    )
  })

  it('sends 提建议 to the submit page with the scanned building', async () => {
    openPage(HOME, { scene: 'b%3DLH-1' }, freshResident())
    render(<HomePage />)
    await screen.findByText('陇海安居 1号楼')

    fireEvent.click(screen.getByRole('button', { name: '提建议' }))
    expect(taroTest.navigations.at(-1)?.url).toBe(
      '/subpackages/suggestion/pages/submit/index?buildingId=LH-1',
    )
  })

  it('shows the household a card code names', async () => {
    openPage(HOME, { scene: 'h%3DLH-1-2-301' }, freshResident())
    render(<HomePage />)

    expect(await screen.findByText('2单元 301室')).toBeTruthy()
    expect(screen.getByText('陇海安居 1号楼')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '绑定我家' }))
    expect(taroTest.navigations.at(-1)?.url).toBe(
      '/subpackages/account/pages/bind/index?scene=h%3DLH-1-2-301',
    )
  })

  it("shows a resident's own building without any scan, and no bind prompt", async () => {
    openPage(HOME, {}, 'demo-resident')
    render(<HomePage />)

    expect(await screen.findByText('陇海安居 1号楼')).toBeTruthy()
    expect(screen.getByText('我家')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '绑定我家' })).toBeNull()
    expect(screen.queryByRole('button', { name: '工作台' })).toBeNull()
  })

  it('greets a newcomer who has not scanned anything and asks them to bind', async () => {
    openPage(HOME, {}, freshResident())
    render(<HomePage />)

    expect(await screen.findByText('您好！')).toBeTruthy()
    expect(screen.getByRole('button', { name: '绑定我家' })).toBeTruthy()
    // h5 has no camera scanner: the button is the weapp's (test/weapp/scan.test.ts)
    expect(screen.queryByText('扫一扫楼道二维码')).toBeNull()
  })

  it('gives staff and liaisons the 工作台 tile', async () => {
    openPage(HOME, {}, 'demo-liaison')
    render(<HomePage />)

    fireEvent.click(await screen.findByRole('button', { name: '工作台' }))
    expect(taroTest.navigations.at(-1)?.url).toBe('/subpackages/staff/pages/inbox/index')
  })

  it('puts a role holder’s 工作台 tiles first, each role its own', async () => {
    openPage(HOME, {}, 'demo-staff')
    const { unmount } = render(<HomePage />)
    const work = await screen.findByTestId('hub-work')
    expect(within(work).getByText('我的工作台')).toBeTruthy()
    const names = within(work)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label')?.split('，')[0])
    expect(names).toEqual([
      '工作台',
      '建议统计',
      '活动管理',
      '核销取货码',
      '分类统计',
      '奖品与规则',
      '积分调整',
    ])
    // the work section comes before what residents can do
    const order = screen.getAllByText(/^(我的工作台|在这里可以)$/).map((n) => n.textContent)
    expect(order).toEqual(['我的工作台', '在这里可以'])
    fireEvent.click(within(work).getByRole('button', { name: '建议统计' }))
    expect(taroTest.navigations.at(-1)?.url).toBe('/subpackages/staff/pages/stats/index')
    unmount()

    openPage(HOME, {}, 'demo-liaison')
    render(<HomePage />)
    const liaisonWork = await screen.findByTestId('hub-work')
    expect(within(liaisonWork).queryByRole('button', { name: '建议统计' })).toBeNull()
    expect(within(liaisonWork).getByRole('button', { name: /^工作台/ })).toBeTruthy()
  })

  it('lays out one section per feature of the hub registry, and none for a feature not built', async () => {
    openPage(HOME, {}, 'demo-resident')
    render(<HomePage />)
    await screen.findByText('我家')
    expect(FEATURES.map((f) => f.name)).toEqual(['民情速递站', '志愿活动', '垃圾分类积分'])
    const section = screen.getByTestId('hub-suggestion')
    expect(within(section).getByText('民情速递站')).toBeTruthy()
    expect(
      within(section)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')?.split('，')[0]),
    ).toEqual(['提建议', '我的建议', '议事长廊', '消息'])
    // 志愿活动: the resident's tile, not staff's 活动管理
    const activities = screen.getByTestId('hub-activity')
    expect(
      within(activities)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')?.split('，')[0]),
    ).toEqual(['志愿活动'])
    // 垃圾分类积分: a resident sees the household's tile only, none of the supervisor's or staff's
    const points = screen.getByTestId('hub-points')
    expect(
      within(points)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')?.split('，')[0]),
    ).toEqual(['垃圾分类积分'])
    // a resident has no 工作台
    expect(screen.queryByRole('button', { name: /工作台|活动管理/ })).toBeNull()
    expect(screen.queryByTestId('hub-work')).toBeNull()
  })

  it('shows staff who live elsewhere their community', async () => {
    openPage(HOME, {}, 'demo-staff')
    render(<HomePage />)

    expect(await screen.findByText('我的社区')).toBeTruthy()
    expect(screen.getByText('二十里铺社区')).toBeTruthy()
    expect(screen.getByRole('button', { name: '工作台' })).toBeTruthy()
  })

  it('says so in a card that stays when the code names nothing, never showing the last building', async () => {
    const me = freshResident()
    openPage(HOME, { scene: 'b%3DLH-2' }, me)
    const first = render(<HomePage />)
    await screen.findByText('陇海安居 2号楼')
    first.unmount()

    taroTest.setRouter(HOME, { scene: 'b%3DNOPE-9' })
    render(<HomePage />)
    const card = await screen.findByTestId('scan-error')
    expect(within(card).getByRole('alert').textContent).toBe('没有找到这栋楼')
    await new Promise((r) => setTimeout(r, 3500)) // longer than any toast
    expect(screen.getByTestId('scan-error')).toBeTruthy()
    expect(screen.queryByText('陇海安居 2号楼')).toBeNull()
    expect(screen.queryByTestId('place')).toBeNull()
    // 提建议 does not carry the old building either
    fireEvent.click(screen.getByRole('button', { name: '提建议' }))
    expect(taroTest.navigations.at(-1)?.url).toBe('/subpackages/suggestion/pages/submit/index')
  })

  it('keeps the scanned building when the connection is lost, if this phone read it before', async () => {
    const me = freshResident()
    openPage(HOME, { scene: 'b%3DLH-3' }, me)
    const first = render(<HomePage />)
    await screen.findByText('陇海安居 3号楼')
    first.unmount()

    setApiBase('http://127.0.0.1:9')
    try {
      taroTest.setRouter(HOME, { scene: 'b%3DLH-3' })
      render(<HomePage />)
      expect(await screen.findByText('陇海安居 3号楼')).toBeTruthy()
      expect(screen.getByText('您扫的是')).toBeTruthy()
      expect(screen.getByText(/网络不好/)).toBeTruthy()
    } finally {
      setApiBase(testCloudUrl())
    }
  })

  it('says 我家 with the room once the resident has bound the household they scanned', async () => {
    const me = await residentOf('LH-1-3-201')
    openPage(HOME, { scene: 'b%3DLH-1' }, me)
    render(<HomePage />)
    expect(await screen.findByText('3单元 201室')).toBeTruthy()
    expect(screen.getByText('我家')).toBeTruthy()
    expect(screen.queryByText('您扫的是')).toBeNull()
  })
})

describe('sceneOfScan: what a scanned code names', () => {
  it.each([
    ['iOS: the scene encoded', { path: 'pages/index/index?scene=b%3DLH-1' }, 'b=LH-1'],
    [
      'Android: the scene as it is',
      { path: 'pages/index/index?scene=h=LH-1-2-301' },
      'h=LH-1-2-301',
    ],
    ['a plain QR code of the same link', { result: 'pages/index/index?scene=b%3DDF-3' }, 'b=DF-3'],
    ['another page of ours with other params', { path: 'pages/x/y?id=1' }, null],
    ['not ours', { result: 'https://example.com/?scene=x%3D1' }, null],
    ['nothing read', {}, null],
  ])('%s', (_, scan, scene) => {
    expect(sceneOfScan(scan)).toBe(scene)
  })
})
