import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ANONYMITY_NOTICE } from '@/contract/suggestion'
import { suggestionDraft, suggestionService } from '@/services/suggestion'
import SubmitPage from '@/subpackages/suggestion/pages/submit/index'
import { freshResident, openPage, taroTest } from './helpers'
import { api, fileSuggestion, residentOf, STAFF, uniqueText } from './suggestion-fixtures'

const SUBMIT = '/subpackages/suggestion/pages/submit/index'

const describeText = () => screen.getByLabelText('问题描述')
const type = (text: string) => fireEvent.change(describeText(), { target: { value: text } })
const tap = (name: string) => fireEvent.click(screen.getByRole('button', { name }))
const tapText = (text: string) => fireEvent.click(screen.getByText(text))

describe('提建议', () => {
  it('files a suggestion for the building in the link with a category tap, words and 提交, then shows its number', async () => {
    const me = freshResident()
    openPage(SUBMIT, { buildingId: 'LH-1' }, me)
    render(<SubmitPage />)

    expect(await screen.findByText('陇海安居 1号楼')).toBeTruthy()
    expect(screen.getByText(/反映给 二十里铺社区/)).toBeTruthy()
    tapText('照明')
    const words = uniqueText('2单元楼道的灯坏了一个星期，晚上上下楼看不见')
    type(words)
    tap('提交')

    const no = (await screen.findByTestId('suggestion-no')).textContent ?? ''
    expect(no).toMatch(/^\d{6}-\d{4,6}$/)
    expect(screen.getByText('✓ 提交成功')).toBeTruthy()
    expect(suggestionDraft.get('LH-1')).toBeNull()

    // It is really there, as the resident will find it under 我的建议.
    const mine = await suggestionService.mine()
    expect(mine.items[0]).toMatchObject({
      no,
      category: '照明',
      buildingId: 'LH-1',
      status: 'submitted',
    })

    tap('查看进度')
    expect(taroTest.navigations.at(-1)).toEqual({
      kind: 'redirectTo',
      url: `/subpackages/suggestion/pages/detail/index?id=${mine.items[0].id}`,
    })
  })

  it('says in words what is missing or wrong, and files nothing', async () => {
    const me = freshResident()
    openPage(SUBMIT, { buildingId: 'LH-2' }, me)
    render(<SubmitPage />)
    await screen.findByText('陇海安居 2号楼')

    tap('提交')
    expect((await screen.findByRole('alert')).textContent).toBe('请选择问题类别')

    tapText('停车')
    // let the page's 类似问题 look-up land inside act (one more round trip to the same cloud)
    await act(() => suggestionService.similar({ buildingId: 'LH-2', category: '停车' }))
    type('车')
    expect(screen.getByText(/还差 4 个字/)).toBeTruthy()
    tap('提交')
    expect(screen.getByRole('alert').textContent).toBe(
      '问题描述至少 5 个字，或者按住说话留一段语音',
    )

    type('楼下总有外面的车停在消防通道上')
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '12345' } })
    tap('提交')
    expect(screen.getByRole('alert').textContent).toBe(
      '请填写 11 位手机号，或带区号的座机号（如 0371-68925010）',
    )

    expect((await suggestionService.mine()).items).toHaveLength(0)
  })

  it('keeps a draft when the resident leaves, brings it back on return, and can start over', async () => {
    const me = freshResident()
    openPage(SUBMIT, { buildingId: 'LH-3' }, me)
    const first = render(<SubmitPage />)
    await screen.findByText('陇海安居 3号楼')
    tapText('漏水')
    type('顶楼楼顶漏水，下雨天卧室墙上都是水印')
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '13800138000' } })
    first.unmount()

    // Back later (same device, same storage).
    taroTest.setRouter(SUBMIT, { buildingId: 'LH-3' })
    render(<SubmitPage />)
    expect(await screen.findByText('已找回您上次没写完的内容')).toBeTruthy()
    expect((describeText() as HTMLTextAreaElement).value).toBe(
      '顶楼楼顶漏水，下雨天卧室墙上都是水印',
    )
    expect((screen.getByLabelText('联系电话') as HTMLInputElement).value).toBe('13800138000')
    expect(screen.getByText('漏水').getAttribute('data-on')).toBe('1')

    tap('清空重写')
    expect((describeText() as HTMLTextAreaElement).value).toBe('')
    await waitFor(() => expect(suggestionDraft.get('LH-3')).toBeNull())
  })

  it("shows neighbours' open reports of the same kind, without their words, and seconds one in one tap", async () => {
    const words = uniqueText('3号楼门口的垃圾桶满了没人清')
    const { id } = await fileSuggestion(await residentOf('LH-3-1-101'), {
      buildingId: 'LH-3',
      category: '环境卫生',
      text: words,
    })
    const me = await residentOf('LH-3-2-201')
    openPage(SUBMIT, { buildingId: 'LH-3' }, me)
    render(<SubmitPage />)
    await screen.findByText('陇海安居 3号楼')

    tapText('环境卫生')
    const box = await screen.findByTestId('similar')
    expect(within(box).getByText(/^本楼已有 \d+ 位邻居反映了类似问题/)).toBeTruthy()
    // an unpublished report is its household's, liaison's and staff's to read
    expect(within(box).queryByText(words)).toBeNull()
    const item = within(box).getAllByTestId('similar-item')[0]
    expect(within(item).getByText('环境卫生 · 受理中')).toBeTruthy()
    expect(within(item).getByText('内容只有社区和速递员能看到')).toBeTruthy()
    fireEvent.click(within(item).getByRole('button', { name: '我也遇到了（附议）' }))

    expect(await within(item).findByText('✓ 您已附议')).toBeTruthy()
    // 3号楼 is handled by the community's staff: they see one more resident with this problem
    expect(await api<{ seconds: number }>('suggestion', STAFF, 'detail', { id })).toMatchObject({
      seconds: 1,
    })
  })

  it('shows the resident their own open report of the kind with its number, not as a neighbour', async () => {
    const me = await residentOf('LH-3-3-301')
    const words = uniqueText('3号楼3单元楼梯扶手松了')
    const { no } = await fileSuggestion(me, {
      buildingId: 'LH-3',
      category: '安全隐患',
      text: words,
    })
    openPage(SUBMIT, { buildingId: 'LH-3' }, me)
    render(<SubmitPage />)
    await screen.findByText('陇海安居 3号楼')
    tapText('安全隐患')
    const box = await screen.findByTestId('similar-mine')
    expect(within(box).getByText('您已反映过这类问题')).toBeTruthy()
    expect(within(box).getByText(`编号 ${no}`)).toBeTruthy()
    expect(within(box).getByText(words)).toBeTruthy()
  })

  it('opens from a household card code with that building filled in', async () => {
    openPage(SUBMIT, { scene: 'h%3DLH-1-2-301' }, freshResident())
    render(<SubmitPage />)
    expect(await screen.findByText('陇海安居 1号楼')).toBeTruthy()
  })

  it('lets a resident who came without a code pick the building first', async () => {
    openPage(SUBMIT, {}, freshResident())
    render(<SubmitPage />)
    const chooser = await screen.findByTestId('building-chooser')
    // Two estates: the estate first (both have a 1号楼), then its buildings.
    expect(await within(chooser).findByText('您要反映哪个小区的事？')).toBeTruthy()
    fireEvent.click(within(chooser).getByRole('button', { name: '陇海安居' }))
    expect(within(chooser).getByText('您要反映哪栋楼的事？')).toBeTruthy()
    fireEvent.click(within(chooser).getByRole('button', { name: '陇海安居 5号楼' }))
    expect(await screen.findByText('陇海安居 5号楼')).toBeTruthy()
  })

  it('says plainly what anonymity hides, and files anonymously when asked', async () => {
    const me = freshResident()
    openPage(SUBMIT, { buildingId: 'LH-1' }, me)
    render(<SubmitPage />)
    await screen.findByText('陇海安居 1号楼')
    expect(screen.getByText(ANONYMITY_NOTICE)).toBeTruthy()

    tapText('安全隐患')
    type(uniqueText('1单元一楼的电线裸露在外面，小孩容易碰到'))
    fireEvent.click(screen.getByRole('switch', { name: '匿名提交' }))
    tap('提交')
    await screen.findByTestId('suggestion-no')
    expect((await suggestionService.mine()).items[0].anonymous).toBe(true)
  })
})
