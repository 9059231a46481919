// 工作台: the suggestions a liaison (their buildings) or staff member (their community) handles,
// filtered by status, building, category, overdue; overdue ones stand out in red.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Profile } from '@/contract/account'
import { toast } from '@/services/feedback'
import {
  CATEGORIES,
  STATUSES,
  STATUS_LABELS,
  type Category,
  type InboxPage,
  type Status,
  type SuggestionSummary,
} from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { askForReplies, type SubscribeOutcome } from '@/services/subscribe'
import { suggestionService } from '@/services/suggestion'
import { Loading } from '@/components/loading'
import { Chips, type ChipOption } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { SuggestionCard } from '../../../suggestion/components/suggestion-card'
import { DETAIL_PAGE, STATS_PAGE } from '../../../suggestion/links'
import './index.css'

const ALL = 'all'
/** what is still to do: the page opens on it, overdue ones first */
const TODO = 'todo'
type StatusFilter = Status | typeof ALL | typeof TODO
const OPEN_STATUSES: Status[] = ['submitted', 'accepted', 'deliberating', 'in_progress']

interface Filters {
  status: StatusFilter
  buildingId: string | null
  category: Category | null
  overdue: boolean
}

interface BuildingOption {
  id: string
  name: string
}

const open = (s: SuggestionSummary) => void Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${s.id}` })

/** The buildings the caller handles: a liaison's own, or every building of a staff member's community. */
async function buildingsInScope(profile: Profile): Promise<BuildingOption[]> {
  const directory = await accountService.directory({ silent: true })
  const staffOf = new Set(profile.roles.filter((r) => r.role === 'staff').map((r) => r.communityId))
  const liaisonOf = new Set(
    profile.roles.filter((r) => r.role === 'liaison').flatMap((r) => r.buildingIds ?? []),
  )
  return directory.flatMap((c) =>
    c.estates.flatMap((e) =>
      e.buildings
        .filter((b) => staffOf.has(c.id) || liaisonOf.has(b.id))
        .map((b) => ({
          id: b.id,
          name: c.estates.length > 1 || staffOf.size > 1 ? `${e.name}${b.name}` : b.name,
        })),
    ),
  )
}

export default function InboxPage() {
  // `?overdue=1` is where the scheduler's overdue reminders lead
  const { params } = useRouter()
  const [filters, setFilters] = useState<Filters>({
    status: TODO,
    buildingId: null,
    category: null,
    overdue: params.overdue === '1',
  })
  const [counts, setCounts] = useState<InboxPage['counts'] | null>(null)
  const [profile, setProfile] = useState<Profile | null>(null)
  const [buildings, setBuildings] = useState<BuildingOption[]>([])
  const [moreFilters, setMoreFilters] = useState(false)

  const fetchFor = (f: Filters) => (cursor: string | null) =>
    suggestionService.inbox(
      {
        ...(f.status === ALL ? {} : f.status === TODO ? { open: true } : { status: f.status }),
        ...(f.buildingId ? { buildingId: f.buildingId } : {}),
        ...(f.category ? { category: f.category } : {}),
        ...(f.overdue ? { overdue: true } : {}),
        cursor,
      },
      { silent: true },
    )
  const list = usePaged<SuggestionSummary, InboxPage>(fetchFor(filters), (page) =>
    setCounts(page.counts),
  )
  // 待办 puts the overdue ones first: their own list above, left out of the one below
  const lateFirst = (f: Filters) => f.status === TODO && !f.overdue
  const late = usePaged<SuggestionSummary, InboxPage>(fetchFor({ ...filters, overdue: true }))
  useDidShow(() => {
    list.reload()
    if (lateFirst(filters)) late.reload()
  })

  useEffect(() => {
    accountService
      .login({ silent: true })
      .then(async (p) => {
        setProfile(p)
        setBuildings(await buildingsInScope(p))
      })
      .catch(() => undefined)
  }, [])

  const [notice, setNotice] = useState<SubscribeOutcome | null>(null)
  const askForNotice = () => {
    void askForReplies().then((outcome) => {
      setNotice(outcome)
      if (outcome !== 'accepted') {
        const title =
          outcome === 'declined'
            ? '没有开启，新建议仍会出现在“消息”里'
            : '这个小程序还没有配置微信提醒，新建议会出现在“消息”里'
        toast(title)
      }
    })
  }

  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    list.reload(fetchFor(next))
    if (lateFirst(next)) late.reload(fetchFor({ ...next, overdue: true }))
  }

  const isStaff = profile?.roles.some((r) => r.role === 'staff') ?? false
  const isWorker = profile?.roles.some((r) => r.role === 'staff' || r.role === 'liaison') ?? true
  const todoCount = counts ? OPEN_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0) : null
  const statusOptions: ChipOption<StatusFilter>[] = [
    { value: TODO, label: '待办', extra: todoCount !== null ? `${todoCount}` : undefined },
    { value: ALL, label: '全部', extra: counts ? `${counts.total}` : undefined },
    ...STATUSES.map((s) => ({
      value: s,
      label: STATUS_LABELS[s],
      extra: counts ? `${counts[s] ?? 0}` : undefined,
    })),
  ]
  const extraCount = (filters.buildingId ? 1 : 0) + (filters.category ? 1 : 0)

  if (!isWorker) {
    return (
      <PageShell className="inbox">
        <Text className="error-text">工作台只给民情速递员和社区工作人员使用。</Text>
      </PageShell>
    )
  }

  return (
    <PageShell className="inbox">
      <View className="inbox__top">
        <View
          className={filters.overdue ? 'inbox__overdue inbox__overdue--on' : 'inbox__overdue'}
          ariaRole="button"
          ariaLabel={`只看超时的，${counts?.overdue ?? 0} 条`}
          data-testid="overdue-filter"
          onClick={() => change({ overdue: !filters.overdue })}
        >
          <Text className="inbox__overdue-n">{counts?.overdue ?? '…'}</Text>
          <Text className="inbox__overdue-label">
            {filters.overdue ? '只看超时（点此取消）' : '条超时，点此只看'}
          </Text>
        </View>
        {isStaff && (
          <View
            className="inbox__stats"
            ariaRole="button"
            onClick={() => void Taro.navigateTo({ url: STATS_PAGE })}
          >
            统计
          </View>
        )}
      </View>

      {/* A WeChat push needs the handler's own "allow", one per message: ask inside the tap. */}
      <View
        className="inbox__notify"
        ariaRole="button"
        data-testid="notify-me"
        onClick={askForNotice}
      >
        <Text className="inbox__notify-title">
          {notice === 'accepted'
            ? '✓ 已开启，下一条新建议会在微信里提醒您'
            : '在微信里提醒我新建议'}
        </Text>
        <Text className="inbox__notify-hint">微信规定：每点一次，可以收到一条提醒</Text>
      </View>

      <Chips
        label="按状态筛选"
        options={statusOptions}
        value={filters.status}
        onChange={(status) => change({ status })}
        columns={4}
        testId="status-filter"
      />

      <View className="inbox__more" ariaRole="button" onClick={() => setMoreFilters(!moreFilters)}>
        {moreFilters
          ? '收起楼栋、类别 ▲'
          : `按楼栋、类别筛选${extraCount ? `（已选 ${extraCount}）` : ''} ▼`}
      </View>
      {moreFilters && (
        <View className="inbox__filters">
          <Text className="inbox__filter-title">楼栋</Text>
          <Chips
            label="按楼栋筛选"
            options={[
              { value: ALL, label: '全部楼栋' },
              ...buildings.map((b) => ({ value: b.id, label: b.name })),
            ]}
            value={filters.buildingId ?? ALL}
            onChange={(id) => change({ buildingId: id === ALL ? null : id })}
            columns={3}
            testId="building-filter"
          />
          <Text className="inbox__filter-title">类别</Text>
          <Chips
            label="按类别筛选"
            options={[
              { value: ALL, label: '全部类别' },
              ...CATEGORIES.map((c) => ({ value: c, label: c })),
            ]}
            value={filters.category ?? ALL}
            onChange={(c) => change({ category: c === ALL ? null : (c as Category) })}
            columns={3}
            testId="category-filter"
          />
        </View>
      )}

      {list.items === null && !list.error && <Loading className="list-empty muted" />}
      {list.items?.length === 0 && (
        <View className="list-empty">
          <Text>没有符合条件的建议</Text>
          {filters.status === TODO && !filters.overdue && extraCount === 0 ? (
            <Text className="inbox__all-done">都办完了，没有待办的建议。</Text>
          ) : null}
          {(filters.status !== ALL || filters.overdue || extraCount > 0) && (
            <BigButton
              variant="plain"
              onClick={() =>
                change({ status: ALL, buildingId: null, category: null, overdue: false })
              }
            >
              看全部（包括已办结的）
            </BigButton>
          )}
        </View>
      )}
      {lateFirst(filters) && late.items && late.items.length > 0 && (
        <View data-testid="inbox-late">
          <Text className="section-title inbox__late-title">超时了，先办这些</Text>
          {late.items.map((s) => (
            <SuggestionCard key={s.id} item={s} onOpen={open} showOverdue />
          ))}
          <ListFooter list={late} />
          <Text className="section-title">其他待办</Text>
        </View>
      )}
      {list.items
        ?.filter((s) => !(lateFirst(filters) && s.overdue))
        .map((s) => (
          <SuggestionCard key={s.id} item={s} onOpen={open} showOverdue />
        ))}
      <ListFooter list={list} />
    </PageShell>
  )
}
