// 活动详情 + 报名, rendered under jsdom against the test cloud: a resident's form, the answer that
// stays (报名成功 / 已进入候补第 N 位), what a refusal says, and the no-household note.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import ActivityDetailPage from '@/subpackages/activity/pages/detail/index'
import { freshResident, openPage } from './helpers'
import { api, residentOf, STAFF } from './suggestion-fixtures'

const DETAIL = '/subpackages/activity/pages/detail/index'
const HOUR = 3600_000

async function publish(capacity: number): Promise<string> {
  const start = Date.now() + 48 * HOUR
  const res = await api<{ ids: string[] }>('activity', STAFF, 'publish', {
    communityId: 'ESLP',
    title: '重阳节包饺子',
    theme: '节日民俗',
    description: '和社区老人一起包饺子。',
    place: '二十里铺社区多功能厅',
    startAt: start,
    endAt: start + 2 * HOUR,
    capacity,
    signUpOpensAt: Date.now() - HOUR,
    signUpClosesAt: start - HOUR,
    withdrawBy: start - 3 * HOUR,
    hours: 2,
    points: 5,
    audience: { kind: 'community' },
    maxCompanions: 2,
    contactPhone: '0371-68921234',
  })
  return res.ids[0]
}

function open(id: string, as: string) {
  openPage(DETAIL, { id }, as)
  return render(<ActivityDetailPage />)
}

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const tap = async (name: string | RegExp) => {
  const button = await screen.findByRole('button', { name })
  await act(async () => {
    fireEvent.click(button)
  })
}

describe('活动详情 · 报名', () => {
  it('signs a resident up with a companion in one tap; the next one is told 候补第 1 位', async () => {
    const id = await publish(2)
    const me = await residentOf('LH-5-1-101')
    const { unmount } = open(id, me)
    expect((await screen.findByTestId('places')).textContent).toBe('还剩 2 个名额')
    fill('姓名', '赵大妈')
    fill('手机号', '13912340000')
    await tap('加一位同行人（家人、孩子）')
    fill('第 1 位同行人的姓名', '小孙子')
    await tap('确认报名（共 2 人）')
    const answer = await screen.findByTestId('sign-up-answer')
    expect(within(answer).getByText('✓ 报名成功')).toBeTruthy()
    unmount()

    const next = freshResident()
    open(id, next)
    expect((await screen.findByTestId('places')).textContent).toBe('已满，可排队')
    fill('姓名', '钱师傅')
    fill('手机号', '13912340001')
    await tap('排队候补')
    const waiting = await screen.findByTestId('sign-up-answer')
    expect(within(waiting).getByText('已进入候补第 1 位')).toBeTruthy()
  })

  it('says in words what is wrong, and tells someone without a household that points do not count', async () => {
    const id = await publish(5)
    open(id, freshResident())
    expect(await screen.findByTestId('no-points')).toBeTruthy()
    fill('姓名', '孙阿姨')
    fill('手机号', '1391234')
    await tap('确认报名')
    expect(
      await screen.findByText('请填写 11 位手机号，或带区号的座机号（如 0371-68925010）'),
    ).toBeTruthy()
    expect(screen.queryByTestId('sign-up-answer')).toBeNull()
  })
})
