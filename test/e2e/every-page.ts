// Every page of the app as the persona who uses it: the list the accessibility run
// (accessibility.e2e.ts) and the screenshot script (scripts/screenshots.ts) walk. A domain adds its
// pages here.
import type { Page } from 'playwright-core'
import { PAGES, pageUrl } from '../../src/contract/pages'
import { callAt } from '../support/test-cloud-url'

export interface Shot {
  name: string
  as: string
  path: string
  /** what to wait for before the shot */
  ready: string
  /** steps after the page shows */
  act?: (page: Page) => Promise<void>
}

const api = <T>(
  BASE: string,
  fn: string,
  action: string,
  as: string,
  data: unknown = {},
): Promise<T> => callAt<T>(BASE, fn, as, action, data)

/** On the supervisor's pad: types 东方现代城 1号楼 2单元 1203 (demo-resident-zt's home) and finds it. */
async function findHousehold(page: Page): Promise<void> {
  const boxes = page.locator('.pts-input input')
  await boxes.nth(0).fill('1')
  await boxes.nth(1).fill('2')
  await boxes.nth(2).fill('1203')
  await page.getByText('找这一户').click()
  await page.getByText('分类正确', { exact: true }).waitFor({ state: 'visible', timeout: 10_000 })
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
  // an upcoming activity of 二十里铺 the resident has signed up for (seed/activities-data.ts)
  const upcoming = await api<{ items: { id: string; mine: string | null }[] }>(
    BASE,
    'activity',
    'list',
    'demo-resident',
    { when: 'upcoming', limit: 20 },
  )
  const activity = upcoming.items.find((a) => a.mine === 'confirmed') ?? upcoming.items[0]
  if (!activity) throw new Error('no upcoming activity in the seed')
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
    // 志愿活动 (src/subpackages/activity): the resident of 二十里铺 and its staff
    {
      name: 'activity-list',
      as: 'demo-resident',
      path: PAGES.activities,
      ready: '个名额',
    },
    {
      name: 'activity-detail',
      as: 'demo-resident',
      path: pageUrl('activityDetail', { id: activity.id }),
      ready: '我的报名',
    },
    { name: 'activity-mine', as: 'demo-resident', path: PAGES.myActivities, ready: '已经全部显示' },
    {
      name: 'activity-hours',
      as: 'demo-resident',
      path: PAGES.volunteerHours,
      ready: '一次一次的记录',
    },
    {
      name: 'activity-certificate',
      as: 'demo-resident',
      path: PAGES.activityCertificate,
      ready: '合计',
    },
    {
      // before the activity opens for check-in: the answer says when, with the ways back
      name: 'activity-check-in',
      as: 'demo-resident',
      path: pageUrl('activityCheckIn', { id: activity.id }),
      ready: '看活动详情',
    },
    { name: 'activity-manage', as: 'demo-staff', path: PAGES.activityManage, ready: '名单' },
    {
      name: 'activity-edit',
      as: 'demo-staff',
      path: pageUrl('activityEdit', { id: activity.id }),
      ready: '保存修改',
    },
    {
      name: 'activity-attendees',
      as: 'demo-staff',
      path: pageUrl('activityAttendees', { id: activity.id }),
      ready: '代签到',
    },
    {
      name: 'activity-code',
      as: 'demo-staff',
      path: pageUrl('activityCode', { id: activity.id }),
      ready: '微信扫一扫',
    },
    // 垃圾分类积分 (src/subpackages/points): 东方现代城's supervisor, a household there, 政通路's staff
    { name: 'points-record', as: 'demo-supervisor', path: PAGES.pointsRecord, ready: '正确率' },
    {
      // a household found by its room: the two verdicts
      name: 'points-record-household',
      as: 'demo-supervisor',
      path: PAGES.pointsRecord,
      ready: '找这一户',
      act: findHousehold,
    },
    {
      // 分类不正确: the reasons to tap and the photo
      name: 'points-record-reasons',
      as: 'demo-supervisor',
      path: PAGES.pointsRecord,
      ready: '找这一户',
      act: async (page) => {
        await findHousehold(page)
        await page.getByText('分类不正确', { exact: true }).click()
        await page.getByText('哪里分得不对').waitFor({ state: 'visible', timeout: 10_000 })
      },
    },
    {
      name: 'points-home',
      as: 'demo-resident-zt',
      path: PAGES.pointsHome,
      ready: '本月楼栋排名',
    },
    { name: 'points-ledger', as: 'demo-resident-zt', path: PAGES.pointsLedger, ready: '余额' },
    {
      name: 'points-rewards',
      as: 'demo-resident-zt',
      path: PAGES.pointsRewards,
      ready: '每户每月限',
    },
    { name: 'points-guide', as: 'demo-resident-zt', path: PAGES.pointsGuide, ready: '共收录' },
    {
      // a search whose answers have every bin's badge, the yellow one too
      name: 'points-guide-search',
      as: 'demo-resident-zt',
      path: pageUrl('pointsGuide', { q: '纸' }),
      ready: '其他垃圾 · 黄色桶',
    },
    {
      name: 'points-catalogue',
      as: 'demo-staff-zt',
      path: PAGES.pointsCatalogue,
      ready: '每户每月限',
    },
    {
      name: 'points-verify',
      as: 'demo-staff-zt',
      path: PAGES.pointsVerify,
      ready: '输入 6 位取货码',
    },
    { name: 'points-adjust', as: 'demo-staff-zt', path: PAGES.pointsAdjust, ready: '调整记录' },
    { name: 'points-stats', as: 'demo-staff-zt', path: PAGES.pointsStats, ready: '各投放点' },
  ]
}
