import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
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
    // one date a card, the day it was published
    for (const card of cards()) {
      const dates = Array.from(card.querySelectorAll('.s-card__meta .nobreak'))
      expect(dates).toHaveLength(1)
      expect(dates[0].textContent).toMatch(/^(今天|昨天|\d+月\d+日|\d{4}年).* 公开$/)
    }
    expect(screen.getByText('最新公开')).toBeTruthy()
  })

  it('titles each card from its text, opens the full text in one tap, and filters to 本楼', async () => {
    open('demo-resident')
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    const long = cards().find((c) => c.querySelector('.s-card__expand'))
    if (!long) throw new Error('no card with more text than its excerpt')
    const excerpt = long.querySelector('.s-card__excerpt')?.textContent ?? ''
    expect(long.querySelector('.s-card__excerpt--full')).toBeNull()
    fireEvent.click(within(long).getByRole('button', { name: '展开全文 ▼' }))
    // the whole text, no longer cut to two lines
    const full = long.querySelector('.s-card__excerpt--full')?.textContent ?? ''
    expect(full.length).toBeGreaterThanOrEqual(excerpt.replace(/…$/, '').length)
    expect(full.startsWith(excerpt.replace(/…$/, ''))).toBe(true)
    expect(within(long).getByRole('button', { name: '收起 ▲' })).toBeTruthy()
    // the title is the text's first words, not the category
    const title = long.querySelector('.s-card__category')?.textContent ?? ''
    expect(full.startsWith(title.replace(/…$/, ''))).toBe(true)

    const everywhere = cards().length
    fireEvent.click(within(screen.getByTestId('board-scope')).getByText('本楼（1号楼）'))
    await waitFor(() =>
      expect(cards().every((c) => c.textContent?.includes('陇海安居 1号楼'))).toBe(true),
    )
    expect(cards().length).toBeLessThan(everywhere)
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
