import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import InboxPage from '@/subpackages/staff/pages/inbox/index'
import { freshResident, openPage, taroTest } from './helpers'
import { fileSuggestion, LIAISON, residentOf, STAFF, uniqueText } from './suggestion-fixtures'

const INBOX = '/subpackages/staff/pages/inbox/index'

const cards = () => screen.queryAllByTestId('suggestion-card')
const placeOf = (card: HTMLElement) => card.querySelector('.s-card__place')?.textContent ?? ''
const statusOf = (card: HTMLElement) => card.querySelector('.status-tag')?.textContent ?? ''

function open(as: string, params: Record<string, string> = {}) {
  openPage(INBOX, params, as)
  return render(<InboxPage />)
}

/** Waits until the list shows something other than `before` (a filter's new page). */
async function listChanges(before: string[]) {
  await waitFor(() => expect(cards().map((c) => c.getAttribute('data-no'))).not.toEqual(before))
}

describe('工作台', () => {
  it("puts a new suggestion of the liaison's building at the top of their inbox", async () => {
    const text = uniqueText('1单元门口路灯不亮')
    const { no } = await fileSuggestion(await residentOf('LH-1-2-101'), {
      buildingId: 'LH-1',
      category: '照明',
      text,
    })
    open(LIAISON)

    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    // overdue ones come first; the new one heads the rest
    const top = cards().find((c) => !c.className.includes('s-card--overdue'))
    if (!top) throw new Error('no card that is not overdue')
    expect(top.getAttribute('data-no')).toBe(no)
    expect(within(top).getByText(text)).toBeTruthy()
    expect(statusOf(top)).toBe('待受理')

    fireEvent.click(top.querySelector('.s-card__body') as HTMLElement)
    expect(taroTest.navigations.at(-1)?.url).toMatch(
      /^\/subpackages\/suggestion\/pages\/detail\/index\?id=[A-Za-z0-9_-]+$/,
    )
  })

  it('asks, in a tap, to be told of the next new suggestion by WeChat', async () => {
    open(LIAISON)
    fireEvent.click(await screen.findByTestId('notify-me'))
    expect(await screen.findByText('✓ 已开启，下一条新建议会在微信里提醒您')).toBeTruthy()
  })

  it('opens on what is still to do, overdue first; resolved ones only when asked for', async () => {
    open(LIAISON)
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    const chips = screen.getByTestId('status-filter')
    expect(within(chips).getByRole('button', { name: /^待办/ }).className).toContain('chip--on')
    for (const card of cards()) expect(['已办结', '未采纳']).not.toContain(statusOf(card))
    // the overdue ones come first, each in red, then the rest
    const late = await screen.findByTestId('inbox-late')
    const all = cards()
    const lateCards = within(late).getAllByTestId('suggestion-card')
    expect(all.slice(0, lateCards.length)).toEqual(lateCards)
    for (const card of lateCards) expect(card.className).toContain('s-card--overdue')
    for (const card of all.slice(lateCards.length))
      expect(card.className).not.toContain('s-card--overdue')
  })

  it('shows a liaison only the buildings they serve', async () => {
    open(LIAISON)
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    for (const card of cards()) expect(placeOf(card)).toMatch(/^陇海安居 [12]号楼$/)
  })

  it('filters by status with counts on the chips', async () => {
    open(LIAISON)
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    const chips = screen.getByTestId('status-filter')
    const chip = within(chips).getByText('已办结')
    const expected = Number(chip.querySelector('.chip__extra')?.textContent)
    expect(expected).toBeGreaterThan(0)

    const before = cards().map((c) => c.getAttribute('data-no') ?? '')
    fireEvent.click(chip)
    await listChanges(before)
    await waitFor(() => expect(cards().every((c) => statusOf(c) === '已办结')).toBe(true))
    expect(cards().length).toBe(Math.min(expected, 20))
  })

  it('makes overdue suggestions stand out in red with the words 超时未受理 / 超时未办结', async () => {
    open(STAFF)
    const filter = await screen.findByTestId('overdue-filter')
    await waitFor(() =>
      expect(Number(filter.querySelector('.inbox__overdue-n')?.textContent)).toBeGreaterThan(0),
    )
    const before = cards().map((c) => c.getAttribute('data-no') ?? '')

    fireEvent.click(filter)
    await listChanges(before)
    await waitFor(() =>
      expect(cards().every((c) => c.className.includes('s-card--overdue'))).toBe(true),
    )
    expect(cards().length).toBeGreaterThan(0)
    for (const card of cards()) {
      expect(card.className).toContain('s-card--overdue')
      expect(card.querySelector('.s-card__overdue')?.textContent).toMatch(/^⚠ 超时未(受理|办结)$/)
    }
    expect(screen.getByText('只看超时（点此取消）')).toBeTruthy()
  })

  it("opens on the overdue ones from an overdue reminder's link (?overdue=1)", async () => {
    open(STAFF, { overdue: '1' })
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    for (const card of cards()) expect(card.className).toContain('s-card--overdue')
    expect(screen.getByText('只看超时（点此取消）')).toBeTruthy()
  })

  it('filters by building and by category', async () => {
    open(STAFF)
    await waitFor(() => expect(cards().length).toBeGreaterThan(0))
    // staff see the whole community, not just two buildings
    fireEvent.click(screen.getByText('按楼栋、类别筛选 ▼'))
    const buildings = await screen.findByTestId('building-filter')
    const before = cards().map((c) => c.getAttribute('data-no') ?? '')
    fireEvent.click(await within(buildings).findByText('3号楼'))
    await listChanges(before)
    for (const card of cards()) expect(placeOf(card)).toBe('陇海安居 3号楼')

    const categories = screen.getByTestId('category-filter')
    const mid = cards().map((c) => c.getAttribute('data-no') ?? '')
    fireEvent.click(within(categories).getByText('漏水'))
    await waitFor(() => expect(cards().map((c) => c.getAttribute('data-no'))).not.toEqual(mid))
    for (const card of cards()) {
      expect(placeOf(card)).toBe('陇海安居 3号楼')
      expect(card.querySelector('.s-card__category')?.textContent).toBe('漏水')
    }
    expect(screen.getByText('收起楼栋、类别 ▲')).toBeTruthy()
  })

  it('gives staff the way to 统计', async () => {
    open(STAFF)
    fireEvent.click(await screen.findByRole('button', { name: '统计' }))
    expect(taroTest.navigations.at(-1)?.url).toBe('/subpackages/staff/pages/stats/index')
  })

  it('tells a resident without a role, in words, that the 工作台 is not for them', async () => {
    open(freshResident())
    expect(await screen.findByText('工作台只给民情速递员和社区工作人员使用。')).toBeTruthy()
    expect(cards()).toHaveLength(0)
  })
})
