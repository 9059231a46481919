// Every page of the app as the persona who uses it: the list the accessibility run
// (accessibility.e2e.ts) and the screenshot script (scripts/screenshots.ts) walk. A domain adds its
// pages here.
import type { Page } from 'playwright-core'

export interface Shot {
  name: string
  as: string
  path: string
  /** what to wait for before the shot */
  ready: string
  /** steps after the page shows */
  act?: (page: Page) => Promise<void>
}

async function api<T>(
  BASE: string,
  fn: string,
  action: string,
  as: string,
  data: unknown = {},
): Promise<T> {
  const res = await fetch(`${BASE}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': as },
    body: JSON.stringify({ action, data }),
  })
  const body = (await res.json()) as { ok: boolean; data: T }
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body)}`)
  return body.data
}

/** Every page of the app, as the persona who uses it, with what shows once it has loaded. */
export async function everyPage(BASE: string): Promise<Shot[]> {
  const mine = await api<{ items: { id: string; status: string }[] }>(
    BASE,
    'suggestion',
    'mine',
    'demo-resident',
    { limit: 50 },
  )
  const resolved = mine.items.find((s) => s.status === 'resolved') ?? mine.items[0]
  return [
    {
      name: 'home-scanned',
      as: 'demo-newcomer',
      path: '/pages/index/index?scene=b%3DLH-1',
      ready: '陇海安居 1号楼',
    },
    { name: 'home-resident', as: 'demo-resident', path: '/pages/index/index', ready: '我家' },
    { name: 'home-liaison', as: 'demo-liaison', path: '/pages/index/index', ready: '工作台' },
    {
      name: 'home-bad-code',
      as: 'demo-resident',
      path: '/pages/index/index?scene=b%3DNOPE-9',
      ready: '重试',
    },
    { name: 'mine-resident', as: 'demo-resident', path: '/pages/mine/index', ready: '大字模式' },
    { name: 'mine-staff', as: 'demo-staff', path: '/pages/mine/index', ready: '我的身份' },
    {
      name: 'bind',
      as: 'demo-newcomer',
      path: '/subpackages/account/pages/bind/index?buildingId=LH-1',
      ready: '第 2 步：几单元',
    },
    {
      name: 'bind-chooser',
      as: 'demo-newcomer',
      path: '/subpackages/account/pages/bind/index',
      ready: '陇海安居',
    },
    {
      name: 'submit',
      as: 'demo-resident',
      path: '/subpackages/suggestion/pages/submit/index?buildingId=LH-1',
      ready: '什么问题',
    },
    {
      name: 'detail-resolved',
      as: 'demo-resident',
      path: `/subpackages/suggestion/pages/detail/index?id=${resolved.id}`,
      ready: '编号',
    },
    {
      name: 'detail-liaison',
      as: 'demo-liaison',
      path: `/subpackages/suggestion/pages/detail/index?id=${resolved.id}`,
      ready: '编号',
    },
    {
      name: 'my-suggestions',
      as: 'demo-resident',
      path: '/subpackages/suggestion/pages/mine/index',
      ready: '编号',
    },
    {
      name: 'board',
      as: 'demo-neighbour',
      path: '/subpackages/suggestion/pages/board/index',
      ready: '最新公开',
    },
    {
      name: 'messages',
      as: 'demo-resident',
      path: '/subpackages/suggestion/pages/messages/index',
      ready: '看过',
    },
    {
      name: 'inbox-liaison',
      as: 'demo-liaison',
      path: '/subpackages/staff/pages/inbox/index',
      ready: '编号',
    },
    {
      name: 'inbox-staff',
      as: 'demo-staff',
      path: '/subpackages/staff/pages/inbox/index',
      ready: '编号',
    },
    {
      name: 'stats',
      as: 'demo-staff',
      path: '/subpackages/staff/pages/stats/index',
      ready: '办结率',
    },
    {
      name: 'stats-date-picker',
      as: 'demo-staff',
      path: '/subpackages/staff/pages/stats/index',
      ready: '办结率',
      act: async (page) => {
        await page.getByRole('button', { name: /^开始日期/ }).click()
        await page.getByText('选择开始日期').waitFor({ state: 'visible' })
      },
    },
    {
      name: 'codes',
      as: 'demo-staff',
      path: '/subpackages/staff/pages/codes/index',
      ready: '信箱',
    },
  ]
}
