import { fireEvent, render, screen, within } from '@testing-library/react'
import MinePage from '@/pages/mine/index'
import BindPage from '@/subpackages/account/pages/bind/index'
import { freshResident, openPage, taroTest } from './helpers'

const BIND = '/subpackages/account/pages/bind/index'
const MINE = '/pages/mine/index'

function typeRoom(room: string) {
  fireEvent.change(screen.getByLabelText('房号'), { target: { value: room } })
}

describe('绑定我家', () => {
  it('lets a newcomer bind a household, which 我的 then shows', async () => {
    const me = freshResident()
    openPage(BIND, { buildingId: 'LH-1' }, me)
    const { unmount } = render(<BindPage />)

    expect(await screen.findByText('陇海安居 1号楼')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '1单元' }))
    typeRoom('101')
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }))

    // the confirmation stays, naming the household, until the resident goes on
    const done = await screen.findByTestId('bind-done')
    expect(done.textContent).toContain('绑定成功')
    expect(done.textContent).toContain('1单元 101室')
    expect(taroTest.navigations).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: '好的，回首页' }))
    expect(taroTest.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/index/index' })
    unmount()

    taroTest.setRouter(MINE)
    render(<MinePage />)
    expect(await screen.findByText('1单元 101室')).toBeTruthy()
    expect(screen.getByText('陇海安居 1号楼')).toBeTruthy()
    expect(screen.getByText(/二十里铺社区/)).toBeTruthy()
  })

  it("shows the server's Chinese error for a room that does not exist, and stays unbound", async () => {
    const me = freshResident()
    openPage(BIND, {}, me)
    const { unmount } = render(<BindPage />)

    // same-numbered buildings exist in every estate: the estate comes first
    fireEvent.click(await screen.findByRole('button', { name: '陇海安居' }))
    fireEvent.click(screen.getByRole('button', { name: '陇海安居 1号楼' }))
    fireEvent.click(screen.getByRole('button', { name: '1单元' }))
    typeRoom('999')
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('没有找到这户，请核对楼栋、单元和房号')
    expect(taroTest.navigations).toHaveLength(0)
    // not a dead end: who to call, or report without binding
    const ways = screen.getByTestId('bind-unknown')
    expect(await within(ways).findByText(/0371-68925010/)).toBeTruthy()
    expect(within(ways).getByText(/王丽/)).toBeTruthy()
    fireEvent.click(within(ways).getByRole('button', { name: '先不绑定，直接提建议' }))
    expect(taroTest.navigations.at(-1)).toEqual({
      kind: 'redirectTo',
      url: '/subpackages/suggestion/pages/submit/index?buildingId=LH-1',
    })
    unmount()

    taroTest.setRouter(MINE)
    render(<MinePage />)
    expect(await screen.findByText('还没有绑定房屋')).toBeTruthy()
  })

  it("shows the server's rule when the room is not a room number", async () => {
    openPage(BIND, { buildingId: 'LH-1' }, freshResident())
    render(<BindPage />)

    fireEvent.click(await screen.findByRole('button', { name: '2单元' }))
    typeRoom('9')
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }))

    expect((await screen.findByRole('alert')).textContent).toMatch(/房号是 2–5 位数字/)
  })

  it('binds from a household card in one tap', async () => {
    openPage(BIND, { scene: 'h%3DLH-3-1-101' }, freshResident())
    render(<BindPage />)

    expect(await screen.findByText('陇海安居 3号楼 1单元 101')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '是的，这是我家' }))
    expect((await screen.findByTestId('bind-done')).textContent).toContain('绑定成功')
  })

  it('unbinds from 我的 only after the resident confirms', async () => {
    const me = freshResident()
    openPage(BIND, { scene: 'h%3DLH-2-1-102' }, me)
    const bind = render(<BindPage />)
    await screen.findByText('陇海安居 2号楼 1单元 102')
    fireEvent.click(screen.getByRole('button', { name: '是的，这是我家' }))
    expect((await screen.findByTestId('bind-done')).textContent).toContain('绑定成功')
    bind.unmount()

    taroTest.setRouter(MINE)
    render(<MinePage />)
    expect(await screen.findByText('1单元 102室')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '解除绑定' }))
    fireEvent.click(await screen.findByText('不解除'))
    expect(screen.getByText('1单元 102室')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '解除绑定' }))
    fireEvent.click(await screen.findByText('确定解除'))
    expect(await screen.findByText('还没有绑定房屋')).toBeTruthy()
  })
})
