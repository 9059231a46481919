// Every page path of the mini-program, in one typed module both ends import: pages navigate with
// these, and the cloud functions put them in the links of messages. app.config.ts lists the same
// pages (its paths are relative and have no leading slash); test/functions/pages.test.ts keeps the two
// in step.

export const PAGES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  bind: '/subpackages/account/pages/bind/index',
  persona: '/subpackages/account/pages/persona/index',
  submit: '/subpackages/suggestion/pages/submit/index',
  mySuggestions: '/subpackages/suggestion/pages/mine/index',
  detail: '/subpackages/suggestion/pages/detail/index',
  board: '/subpackages/suggestion/pages/board/index',
  messages: '/subpackages/suggestion/pages/messages/index',
  inbox: '/subpackages/staff/pages/inbox/index',
  stats: '/subpackages/staff/pages/stats/index',
  codes: '/subpackages/staff/pages/codes/index',
  pointsRecord: '/subpackages/points/pages/record/index',
  pointsHome: '/subpackages/points/pages/home/index',
  pointsLedger: '/subpackages/points/pages/ledger/index',
  pointsRewards: '/subpackages/points/pages/rewards/index',
  pointsGuide: '/subpackages/points/pages/guide/index',
  pointsCatalogue: '/subpackages/points/pages/catalogue/index',
  pointsVerify: '/subpackages/points/pages/verify/index',
  pointsAdjust: '/subpackages/points/pages/adjust/index',
  pointsStats: '/subpackages/points/pages/stats/index',
  activities: '/subpackages/activity/pages/list/index',
  activityDetail: '/subpackages/activity/pages/detail/index',
  myActivities: '/subpackages/activity/pages/mine/index',
  volunteerHours: '/subpackages/activity/pages/hours/index',
  activityCertificate: '/subpackages/activity/pages/certificate/index',
  activityCheckIn: '/subpackages/activity/pages/check-in/index',
  activityManage: '/subpackages/activity/pages/manage/index',
  activityEdit: '/subpackages/activity/pages/edit/index',
  activityAttendees: '/subpackages/activity/pages/attendees/index',
  activityCode: '/subpackages/activity/pages/code/index',
} as const

export type PageName = keyof typeof PAGES
export type PagePath = (typeof PAGES)[PageName]

/** The tab-bar pages: reached with switchTab, never navigateTo. */
export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.mine]

/** A page path with its query, values encoded: `pageUrl('detail', { id })`. */
export function pageUrl(name: PageName, query: Record<string, string | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, val]) => `${k}=${encodeURIComponent(val)}`)
  return parts.length ? `${PAGES[name]}?${parts.join('&')}` : PAGES[name]
}
