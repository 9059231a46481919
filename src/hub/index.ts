// The home page's tiles, from one registry: each feature domain adds one entry (its tiles, and
// how each says in words what waits there). A domain that is not built yet has no entry, so it
// shows no tile. Main package code: keep it small, no page imports.
import type { Profile, RoleName } from '@/contract/account'
import { PAGES, pageUrl } from '@/contract/pages'
import { messageService, suggestionService } from '@/services/suggestion'
import { pointsService } from '@/services/points'
import { activityService } from '@/services/activity'

export interface HubContext {
  /** null until the caller's profile is read (or when it could not be) */
  profile: Profile | null
  /** the building the resident is at (scanned, their home, or the last one) */
  buildingId: string | null
}

export interface HubTile {
  id: string
  title: string
  hint: string
  primary?: boolean
  /** who sees it: residents and everyone (`anyone`), or holders of one of these roles */
  for: 'anyone' | RoleName[]
  url: (ctx: HubContext) => string
  /** what waits there, in words ("3 条未读"); read quietly, a failure shows no badge */
  badges?: (ctx: HubContext) => Promise<string[]>
}

export interface HubFeature {
  id: string
  /** the section title on the home page, e.g. 民情速递站 */
  name: string
  tiles: HubTile[]
}

const count = (n: number, what: string) => (n > 0 ? [`${n} ${what}`] : [])

const DAY = 24 * 3600_000
/** The China-time day number of a moment, to say 今天 / 明天. */
const cstDay = (ms: number) => Math.floor((ms + 8 * 3600_000) / DAY)

export const FEATURES: HubFeature[] = [
  {
    id: 'suggestion',
    name: '民情速递站',
    tiles: [
      {
        id: 'submit',
        title: '提建议',
        hint: '漏水、路灯、停车……说给社区听',
        primary: true,
        for: 'anyone',
        url: ({ buildingId }) => (buildingId ? pageUrl('submit', { buildingId }) : PAGES.submit),
      },
      {
        id: 'mine',
        title: '我的建议',
        hint: '看看办到哪一步了',
        for: 'anyone',
        url: () => PAGES.mySuggestions,
      },
      {
        id: 'board',
        title: '议事长廊',
        hint: '大家的事，大家商量',
        for: 'anyone',
        url: () => PAGES.board,
      },
      {
        id: 'messages',
        title: '消息',
        hint: '社区的回复都在这里',
        for: 'anyone',
        url: () => PAGES.messages,
        badges: async () => {
          const page = await messageService.list({ limit: 1 }, { silent: true })
          return count(page.unread, '条未读')
        },
      },
      {
        id: 'inbox',
        title: '工作台',
        hint: '处理居民的建议',
        for: ['staff', 'liaison'],
        url: () => PAGES.inbox,
        badges: async () => {
          const { counts } = await suggestionService.inbox({ limit: 1 }, { silent: true })
          return [...count(counts.submitted ?? 0, '条待受理'), ...count(counts.overdue, '条超时')]
        },
      },
      {
        id: 'stats',
        title: '建议统计',
        hint: '办结率、满意度、超时',
        for: ['staff'],
        url: () => PAGES.stats,
      },
    ],
  },
  {
    id: 'activity',
    name: '志愿活动',
    tiles: [
      {
        id: 'activities',
        title: '志愿活动',
        hint: '义诊、手工、值守……报名参加',
        for: 'anyone',
        url: () => PAGES.activities,
        // what waits, in words: 今天 1 个活动 · 明天 1 个活动 · 1 个在候补
        badges: async () => {
          const page = await activityService.mine({ when: 'upcoming', limit: 20 }, { silent: true })
          const today = cstDay(Date.now())
          const going = page.items.filter((m) => m.status === 'confirmed' && !m.activityCancelled)
          const on = (d: number) => going.filter((m) => cstDay(Date.parse(m.startAt)) === d).length
          const words: string[] = []
          if (on(today)) words.push(`今天 ${on(today)} 个活动`)
          if (on(today + 1)) words.push(`明天 ${on(today + 1)} 个活动`)
          const waiting = page.items.filter((m) => m.status === 'waitlisted').length
          return [...words, ...count(waiting, '个在候补')]
        },
      },
      {
        id: 'manage',
        title: '活动管理',
        hint: '发布活动、看名单、签到、导出',
        for: ['staff'],
        url: () => PAGES.activityManage,
        badges: async () => {
          const page = await activityService.list({ when: 'week', limit: 50 }, { silent: true })
          return count(page.items.filter((a) => a.state !== 'cancelled').length, '个活动本周进行')
        },
      },
    ],
  },
  {
    id: 'points',
    name: '垃圾分类积分',
    tiles: [
      {
        id: 'home',
        title: '垃圾分类积分',
        hint: '积分、兑换奖品、分类指南',
        for: 'anyone',
        url: () => PAGES.pointsHome,
        badges: async ({ profile }) => {
          if (!profile?.household) return []
          const s = await pointsService.summary({}, { silent: true })
          return [`积分 ${s.balance}`]
        },
      },
      {
        id: 'record',
        title: '分类记录',
        hint: '扫户卡，记录分类',
        primary: true,
        for: ['supervisor'],
        url: () => PAGES.pointsRecord,
        badges: async () => {
          const p = await pointsService.today({ silent: true })
          return [`今天已记 ${p.recorded} / ${p.households} 户`]
        },
      },
      {
        id: 'verify',
        title: '核销取货码',
        hint: '居民来领兑换的奖品',
        for: ['staff'],
        url: () => PAGES.pointsVerify,
      },
      {
        id: 'stats',
        title: '分类统计',
        hint: '各投放点参与率、正确率、楼栋排名',
        for: ['staff'],
        url: () => PAGES.pointsStats,
      },
      {
        id: 'catalogue',
        title: '奖品与规则',
        hint: '上架奖品、补库存、每天积分',
        for: ['staff'],
        url: () => PAGES.pointsCatalogue,
      },
      {
        id: 'adjust',
        title: '积分调整',
        hint: '补记或扣减，写明原因',
        for: ['staff'],
        url: () => PAGES.pointsAdjust,
      },
    ],
  },
]

/** A role tile with the feature it belongs to, for the 我的工作台 section. */
export interface WorkTile {
  feature: HubFeature
  tile: HubTile
}

/**
 * What the home page lays out for this caller: first their 工作台 tiles (the role tiles of every
 * feature, for a liaison, staff member or supervisor), then each feature's tiles for residents.
 */
export function hubSections(profile: Profile | null): {
  work: WorkTile[]
  features: { feature: HubFeature; tiles: HubTile[] }[]
} {
  const work = FEATURES.flatMap((feature) =>
    feature.tiles
      .filter((tile) => tile.for !== 'anyone' && tileVisible(tile, profile))
      .map((tile) => ({ feature, tile })),
  )
  const features = FEATURES.map((feature) => ({
    feature,
    tiles: feature.tiles.filter((tile) => tile.for === 'anyone'),
  })).filter((f) => f.tiles.length > 0)
  return { work, features }
}

export function tileVisible(tile: HubTile, profile: Profile | null): boolean {
  if (tile.for === 'anyone') return true
  const allowed = tile.for
  return (profile?.roles ?? []).some((r) => allowed.includes(r.role))
}
