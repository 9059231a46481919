import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import SuggestionDetailPage from '@/subpackages/suggestion/pages/detail/index'
import { testCloudUrl } from '../support/test-cloud-url'
import { freshResident, openPage, toastsOnScreen } from './helpers'
import {
  api,
  fileSuggestion,
  LIAISON,
  move,
  residentOf,
  STAFF,
  uniqueText,
} from './suggestion-fixtures'
import { uploadDirOf } from '../../server/uploads'

const DETAIL = '/subpackages/suggestion/pages/detail/index'
// 1×1 transparent PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

const tap = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }))
/** Waits for the button, taps it, and lets what the tap awaits first (e.g. a confirm dialog) settle. */
const tapWhenShown = async (name: string) => {
  const button = await screen.findByRole('button', { name })
  await act(async () => {
    fireEvent.click(button)
  })
}
/** Answers the confirmation dialog on screen (services/feedback.ts) with `button`; its title. */
const answerDialog = async (button: string): Promise<string> => {
  const dialog = await waitFor(() => {
    const d = Array.from(document.querySelectorAll<HTMLElement>('.nut-dialog')).find(
      (e) => e.offsetParent !== null || getComputedStyle(e).display !== 'none',
    )
    if (!d || !within(d).queryByText(button)) throw new Error('no dialog on screen')
    return d
  })
  const title = dialog.querySelector('.nut-dialog-header')?.textContent ?? ''
  await act(async () => {
    fireEvent.click(within(dialog).getByText(button))
  })
  return title
}
const head = () => screen.getByTestId('detail-head')
const timeline = () => screen.getByTestId('timeline')
const fill = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

/** Uploads a photo into `openid`'s own folder, as their phone would. */
async function upload(openid: string): Promise<string> {
  const path = `${uploadDirOf(openid)}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.png`
  const res = await fetch(`${testCloudUrl()}/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-wx-openid': openid },
    body: PNG,
  })
  return ((await res.json()) as { fileID: string }).fileID
}

async function resolvedSuggestion(resident: string, text: string) {
  const s = await fileSuggestion(resident, { buildingId: 'LH-1', category: '漏水', text })
  await move(LIAISON, s.id, 'accepted', '已收到，明天上午去看')
  await move(LIAISON, s.id, 'in_progress')
  const photo = await upload(LIAISON)
  await api('suggestion', LIAISON, 'transition', {
    id: s.id,
    to: 'resolved',
    note: '已更换楼顶防水层，下雨后复查不再漏水',
    images: [photo],
  })
  return { ...s, photo }
}

function open(id: string, as: string) {
  openPage(DETAIL, { id }, as)
  return render(<SuggestionDetailPage />)
}

describe('建议详情', () => {
  it('shows the resident the whole story: who did what and when, what was said, the result with its photo', async () => {
    const me = await residentOf('LH-1-1-101')
    const text = uniqueText('楼顶漏水，下雨天卧室墙上全是水')
    const s = await resolvedSuggestion(me, text)
    open(s.id, me)

    expect(await within(await screen.findByTestId('detail-head')).findByText('已办结')).toBeTruthy()
    expect(within(head()).getByText(s.no)).toBeTruthy()
    expect(screen.getByText(text)).toBeTruthy()

    const story = timeline()
    expect(within(story).getByText(/民情速递员 受理了建议/)).toBeTruthy()
    expect(within(story).getByText('已收到，明天上午去看')).toBeTruthy()
    expect(within(story).getByText(/民情速递员 开始办理/)).toBeTruthy()
    expect(within(story).getByText(/提交了建议/)).toBeTruthy()
    expect(within(story).getAllByText(/^今天 \d\d:\d\d$/).length).toBeGreaterThanOrEqual(4)

    const result = screen.getByTestId('detail-result')
    expect(within(result).getByText('已更换楼顶防水层，下雨后复查不再漏水')).toBeTruthy()
    const img = result.querySelector('img') as HTMLImageElement
    const src = img.getAttribute('src') ?? ''
    expect(src).toBe(`${testCloudUrl()}/storage/${s.photo.replace(/^cloud:\/\/[^/]+\//, '')}`)
    // and the local cloud really serves that photo
    const served = await fetch(src)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toMatch(/^image\//)

    // a resident is not offered the handler's buttons
    expect(screen.queryByTestId('handler-actions')).toBeNull()
  })

  it('lets the resident rate a resolved suggestion with stars and a comment', async () => {
    const me = await residentOf('LH-1-1-102')
    const s = await resolvedSuggestion(me, uniqueText('楼顶漏水好几年了'))
    open(s.id, me)

    await tapWhenShown('给办理结果打分')
    tap('提交评价')
    expect((await screen.findByTestId('form-error')).textContent).toMatch(/请点星星打分/)

    tap('5 分，很满意')
    fill('想说的话（可以不写）', '修得很快，谢谢王丽')
    tap('提交评价')

    const rating = await screen.findByTestId('detail-rating')
    expect(within(rating).getByText('5 分 · 很满意')).toBeTruthy()
    expect(within(rating).getByText('修得很快，谢谢王丽')).toBeTruthy()
    await waitFor(() => expect(toastsOnScreen()).toContain('谢谢您的评价'))
    expect(screen.queryByRole('button', { name: '给办理结果打分' })).toBeNull()
  })

  it('lets the resident reopen within 7 days, with a reason of at least 5 characters', async () => {
    const me = await residentOf('LH-1-1-201')
    const s = await resolvedSuggestion(me, uniqueText('楼顶还在漏'))
    open(s.id, me)

    await tapWhenShown('没弄好，要求重新办理')
    fill('哪里还没弄好？', '还漏')
    tap('确认，要求重新办理')
    expect((await screen.findByTestId('form-error')).textContent).toBe('至少写 5 个字')

    fill('哪里还没弄好？', '修过以后下大雨还是漏，卧室又湿了')
    tap('确认，要求重新办理')
    expect(await within(head()).findByText('办理中')).toBeTruthy()
    expect(within(timeline()).getByText('修过以后下大雨还是漏，卧室又湿了')).toBeTruthy()
  })

  it('walks the liaison through the lifecycle: a decline needs a reason, accept, reply, start, resolve with a result', async () => {
    const resident = await residentOf('LH-2-1-101')
    const s = await fileSuggestion(resident, {
      buildingId: 'LH-2',
      category: '管网堵塞',
      text: uniqueText('2单元下水道堵了，一楼返水'),
      contactPhone: '13900001111',
    })
    open(s.id, LIAISON)

    const actions = await screen.findByTestId('handler-actions')
    expect(within(actions).getByText('办理（现在：待受理）')).toBeTruthy()
    expect(screen.getByText(/1单元 101/)).toBeTruthy()
    expect(screen.getByText(/13900001111/)).toBeTruthy()

    tap('不予采纳')
    tap('确认不予采纳')
    expect((await screen.findByTestId('form-error')).textContent).toBe('请写上不采纳的原因')
    tap('取消')

    tap('受理')
    fill('说明（可以不写）', '已收到，今天下午联系物业疏通')
    tap('确认受理')
    expect(await within(head()).findByText('已受理')).toBeTruthy()
    await waitFor(() => expect(toastsOnScreen()).toContain('已受理'))

    tap('回复居民（不改状态）')
    fill('回复居民', '物业说明天上午九点来')
    tap('发送回复')
    expect(await within(timeline()).findByText('物业说明天上午九点来')).toBeTruthy()
    expect(within(head()).getByText('已受理')).toBeTruthy()

    tap('开始办理')
    tap('确认开始办理')
    expect(await within(head()).findByText('办理中')).toBeTruthy()

    tap('办结')
    tap('确认办结')
    expect((await screen.findByTestId('form-error')).textContent).toBe('请写上办理结果')
    fill('办理结果（必填，居民能看到）', '已疏通主管道，清出大量油污')
    tap('确认办结')
    expect(await within(head()).findByText('已办结')).toBeTruthy()
    expect(
      within(screen.getByTestId('detail-result')).getByText('已疏通主管道，清出大量油污'),
    ).toBeTruthy()

    // and the resident heard about each step in 消息
    const inbox = await api<{ items: { title: string; body: string }[] }>(
      'account',
      resident,
      'messages',
      {},
    )
    expect(inbox.items.length).toBeGreaterThanOrEqual(3)
  })

  it('never shows the liaison who an anonymous resident is, but does show the phone they left', async () => {
    const resident = await residentOf('LH-1-3-101')
    const s = await fileSuggestion(resident, {
      buildingId: 'LH-1',
      category: '物业服务',
      text: uniqueText('物业费收了但楼道没人打扫'),
      anonymous: true,
      contactPhone: '13700002222',
    })
    open(s.id, LIAISON)

    expect(await screen.findByText('匿名居民')).toBeTruthy()
    expect(screen.queryByText(/3单元 101/)).toBeNull()
    expect(screen.getByText(/13700002222/)).toBeTruthy()
  })

  it('lets staff publish it and mark it a 金点子; a neighbour then seconds and comments on it', async () => {
    const resident = await residentOf('LH-1-4-101')
    const s = await fileSuggestion(resident, {
      buildingId: 'LH-1',
      category: '绿化',
      text: uniqueText('楼前空地可以种几棵树，夏天好乘凉'),
    })
    const asked: string[] = []
    const staffView = open(s.id, STAFF)

    await tapWhenShown('公开到议事长廊')
    asked.push(await answerDialog('公开'))
    expect(await within(head()).findByText('已在议事长廊公开')).toBeTruthy()
    await tapWhenShown('评为金点子（奖励积分）')
    asked.push(await answerDialog('确认奖励'))
    expect(await within(head()).findByText('金点子')).toBeTruthy()
    expect(asked).toEqual(['公开到议事长廊', '评为金点子'])
    expect(screen.queryByRole('button', { name: '评为金点子（奖励积分）' })).toBeNull()
    staffView.unmount()

    const neighbour = await residentOf('LH-5-1-101')
    open(s.id, neighbour)
    const second = await screen.findByTestId('detail-second')
    expect(within(second).getByText('0 人附议')).toBeTruthy()
    fireEvent.click(within(second).getByRole('button', { name: '附议（我也遇到了）' }))
    expect(await within(screen.getByTestId('detail-second')).findByText('✓ 您已附议')).toBeTruthy()
    expect(within(screen.getByTestId('detail-second')).getByText('1 人附议')).toBeTruthy()

    tap('我要留言')
    fill('说说您的看法', '同意，种树好')
    tap('发表留言')
    const comments = await screen.findByTestId('comments')
    // (the words are in the text box too until the comment is stored and shown)
    expect(
      await within(comments).findByText('同意，种树好', { selector: '.detail-text' }),
    ).toBeTruthy()
    expect(within(comments).getByText(/^我 · /)).toBeTruthy()
  })

  it('tells someone who may not see it so in words, with a way to try again', async () => {
    const s = await fileSuggestion(await residentOf('LH-1-1-202'), {
      buildingId: 'LH-1',
      category: '其他',
      text: uniqueText('单元门的门禁坏了'),
    })
    open(s.id, freshResident())

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/[\u4e00-\u9fa5]/)
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
    await waitFor(() => expect(screen.queryByTestId('detail-head')).toBeNull())
  })
})
