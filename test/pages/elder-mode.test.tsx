import { fireEvent, render, screen } from '@testing-library/react'
import HomePage from '@/pages/index/index'
import MinePage from '@/pages/mine/index'
import { freshResident, openPage, taroTest } from './helpers'

function shellOf(text: HTMLElement): HTMLElement {
  const shell = text.closest('.page-shell')
  if (!(shell instanceof HTMLElement)) throw new Error('page is not wrapped in PageShell')
  return shell
}

describe('大字模式', () => {
  it('is off by default', async () => {
    openPage('/pages/index/index', {}, freshResident())
    render(<HomePage />)
    const shell = shellOf(await screen.findByText('您好！'))
    expect(shell.classList.contains('page-shell--elder')).toBe(false)
  })

  it('turns on with ?elder=1 and stays on for the next page', async () => {
    const me = freshResident()
    openPage('/pages/index/index', { elder: '1' }, me)
    const home = render(<HomePage />)
    expect(shellOf(await screen.findByText('您好！')).classList).toContain('page-shell--elder')
    home.unmount()

    // a fresh page with no query: the choice was remembered
    openPageKeepingStorage('/pages/mine/index')
    render(<MinePage />)
    expect(shellOf(await screen.findByText('大字模式')).classList).toContain('page-shell--elder')
  })

  it('is switched on and off from 我的', async () => {
    openPage('/pages/mine/index', {}, freshResident())
    render(<MinePage />)
    const row = await screen.findByRole('switch', { name: '大字模式' })
    const shell = shellOf(row)

    fireEvent.click(row)
    expect(shell.classList).toContain('page-shell--elder')
    expect(screen.getByText('已打开：字更大，按钮更大')).toBeTruthy()

    fireEvent.click(row)
    expect(shell.classList.contains('page-shell--elder')).toBe(false)
  })
})

/** Same device, next page: keep storage, change only the route. */
function openPageKeepingStorage(path: string) {
  taroTest.setRouter(path, {})
}
