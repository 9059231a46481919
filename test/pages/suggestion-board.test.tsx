import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import BoardPage from '@/subpackages/suggestion/pages/board/index'
import { freshResident, openPage, taroTest } from './helpers'
import { STAFF } from './suggestion-fixtures'

const BOARD = '/subpackages/suggestion/pages/board/index'

function open(as: string) {
  openPage(BOARD, {}, as)
  return render(<BoardPage />)
}

const cards = () => screen.queryAllByTestId('suggestion-card')

describe('议事长廊', () => {
  it('offers a resident of the community 附议 and dates each card by its publication', async () => {
    open('demo-neighbour')
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    expect(screen.getAllByRole('button', { name: /^附议（现在 \d+ 人）$/ }).length).toBeGreaterThan(
      0,
    )
    const dates = document.querySelectorAll('.board__when')
    expect(dates.length).toBe(cards().length)
    for (const d of dates) expect(d.textContent).toMatch(/^(今天|昨天|\d+月\d+日|\d{4}年).* 公开$/)
    expect(screen.getByText('最新公开')).toBeTruthy()
  })

  it('shows staff the count, not a 附议 button they could not use', async () => {
    open(STAFF)
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    expect(screen.queryAllByRole('button', { name: /^附议（/ })).toHaveLength(0)
    expect(screen.getAllByText(/^\d+ 人附议$/).length).toBe(cards().length)
  })

  it('leads someone with no home yet to bind one, not to a dead end', async () => {
    open(freshResident())
    fireEvent.click(await screen.findByRole('button', { name: '去绑定我家' }))
    expect(taroTest.navigations.at(-1)?.url).toBe('/subpackages/account/pages/bind/index')
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  })
})
