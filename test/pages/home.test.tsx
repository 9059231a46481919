import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { FEATURES } from '@/hub'
import HomePage from '@/pages/index/index'
import { currentBuilding } from '@/services/current-building'
import { sceneOfScan } from '@/services/scene'
import { freshResident, openPage, taroTest } from './helpers'
import { fileSuggestion, LIAISON, residentOf, uniqueText } from './suggestion-fixtures'

const HOME = '/pages/index/index'

describe('首页', () => {
  it('shows the building a box code names, with its estate and community', async () => {
    openPage(HOME, { scene: 'b%3DLH-1' }, freshResident())
    render(<HomePage />)

    expect(await screen.findByText('陇海安居 1号楼')).toBeTruthy()
    expect(screen.getByText(/二十里铺社区/)).toBeTruthy()
    expect(screen.getByText('您扫的是')).toBeTruthy()
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

  it('lays out one section per feature of the hub registry, and none for a feature not built', async () => {
    openPage(HOME, {}, 'demo-resident')
    render(<HomePage />)
    await screen.findByText('我家')
    expect(FEATURES.map((f) => f.name)).toEqual(['民情速递站', '垃圾分类积分'])
    const section = screen.getByTestId('hub-suggestion')
    expect(within(section).getByText('民情速递站')).toBeTruthy()
    expect(
      within(section)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')?.split('，')[0]),
    ).toEqual(['提建议', '我的建议', '议事长廊', '消息'])
    // 垃圾分类积分: a resident sees the household's tile only, none of the supervisor's or staff's
    const points = screen.getByTestId('hub-points')
    expect(
      within(points)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')?.split('，')[0]),
    ).toEqual(['垃圾分类积分'])
    // a resident has no 工作台, and no tile leads to a feature that does not exist yet
    expect(screen.queryByRole('button', { name: /工作台/ })).toBeNull()
    expect(screen.queryByText(/志愿活动/)).toBeNull()
  })

  it('shows staff who live elsewhere their community', async () => {
    openPage(HOME, {}, 'demo-staff')
    render(<HomePage />)

    expect(await screen.findByText('我的社区')).toBeTruthy()
    expect(screen.getByText('二十里铺社区')).toBeTruthy()
    expect(screen.getByRole('button', { name: '工作台' })).toBeTruthy()
  })

  it('says so in Chinese when the code names nothing', async () => {
    openPage(HOME, { scene: 'b%3DNOPE-9' }, freshResident())
    render(<HomePage />)

    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('没有找到这栋楼'))
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
