// The weapp build's 分类记录 screen in miniprogram-simulate, against a real local cloud: scan a
// household card (the scanner reopens for the next one), one tap 分类正确, two taps for 分类不正确
// with a reason, a second scan says 今天已记录 ✓; offline, the recording waits on the phone and
// is sent once when the connection returns.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  bootWeapp,
  DIST,
  openPage,
  waitFor,
  type OpenedPage,
  type WxRecord,
} from '../support/weapp'
import { api, testCloudUrl } from '../support/test-cloud-url'

const RECORD = 'subpackages/points/pages/record/index'
const card = (householdId: string) => ({
  path: `pages/index/index?scene=${encodeURIComponent(`h=${householdId}`)}`,
  result: '',
  scanType: 'WX_CODE',
})

interface Balance {
  balance: number
}
async function balanceOf(householdId: string): Promise<number> {
  const openid = `weapp-pts-${householdId}-${Date.now().toString(36)}`
  await api('account', openid, 'bindHousehold', { scene: `h=${householdId}` })
  return ((await api('points', openid, 'summary', {})) as Balance).balance
}

describe('weapp build · 分类记录 (demo-supervisor, 1号投放点)', () => {
  let wx: WxRecord
  let page: OpenedPage

  beforeAll(async () => {
    wx = bootWeapp(testCloudUrl(), 'demo-supervisor')
    page = openPage(RECORD, {})
    await page.waitForText('今天已记')
  })
  afterAll(() => page.close())

  it('scan, one tap 分类正确 (+3), the scanner reopens, and a second scan changes nothing', async () => {
    const h = 'DF-1-1-1801'
    const before = await balanceOf(h)
    wx.scans.push(card(h))
    page.tap('扫户卡')
    await page.waitForText('1号楼 1单元 1801')
    page.tap('分类正确')
    await page.waitForText('1801 已记录 分类正确 +3 分')
    expect(await balanceOf(h)).toBe(before + 3)
    // the next household: the camera opens again by itself; this time it is the same card
    const asked = wx.scanRequests
    wx.scans.push(card(h))
    await waitFor('the scanner to reopen', () => wx.scanRequests > asked, 5000)
    await page.waitForText('1801 今天已记录 ✓')
    expect(page.text()).not.toContain('分类不正确')
    expect(await balanceOf(h)).toBe(before + 3)
  })

  it('分类不正确 and a reason chip: two taps after the scan', async () => {
    const h = 'DF-1-1-1802'
    wx.scans.push(card(h))
    await waitFor('the scan button', () => page.text().includes('扫户卡'), 5000)
    page.tap('扫户卡')
    await page.waitForText('1号楼 1单元 1802')
    const calls = wx.calls.filter((c) => c.action === 'record').length
    page.tap('分类不正确')
    await page.waitForText('哪里分得不对')
    page.tap('可回收物混投')
    await page.waitForText('1802 已记录 可回收物混投')
    expect(wx.calls.filter((c) => c.action === 'record').length).toBe(calls + 1)
  })

  it('offline: kept on the phone, sent once when the connection comes back', async () => {
    const h = 'DF-1-1-1803'
    const before = await balanceOf(h)
    // no connection at all: the card still names the household, and the tap is kept
    wx.offline = true
    wx.scans.push(card(h))
    await waitFor('the scan button', () => page.text().includes('扫户卡'), 5000)
    page.tap('扫户卡')
    await page.waitForText('没有网络：照常记录')
    await page.waitForText('1号楼 1单元 1803')
    page.tap('分类正确')
    await page.waitForText('已存在手机上，连上网后自动发送')
    await page.waitForText('还有 1 条记录存在手机上')
    const queued = wx.storage.get('points.offlineQueue') as ({ label: string } & Record<
      string,
      unknown
    >)[]
    expect(queued).toHaveLength(1)
    expect(await balanceOf(h)).toBe(before)

    wx.offline = false
    for (const l of wx.networkListeners) l({ isConnected: true, networkType: 'wifi' })
    await waitFor(
      'the queue to empty',
      () => (wx.storage.get('points.offlineQueue') as unknown[]).length === 0,
      5000,
    )
    expect(await balanceOf(h)).toBe(before + 3)
    // sent again (two reconnects, a lost answer): still once
    const { label, ...input } = queued[0]
    expect(label).toContain('1803')
    await api('points', 'demo-supervisor', 'record', input)
    expect(await balanceOf(h)).toBe(before + 3)
  })
})

describe('weapp build · the sorting guide ships as plain data', () => {
  it('has no pinyin library in any package, and the guide data in the points subpackage', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : e.name.endsWith('.js')
            ? [join(dir, e.name)]
            : [],
      )
    const all = files(DIST)
    expect(all.filter((f) => /pinyin-pro|pinyinPro/.test(readFileSync(f, 'utf8')))).toEqual([])
    const points = all.filter((f) => f.includes(join('subpackages', 'points')))
    expect(points.some((f) => readFileSync(f, 'utf8').includes('dianchi'))).toBe(true)
  })
})
