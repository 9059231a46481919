// 议事长廊: the community's published suggestions — second (附议) once, see decisions and results.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { toast } from '@/services/feedback'
import type { BoardItem, SuggestionSummary } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { errorMessage, failedWith } from '@/services/cloud'
import { suggestionService } from '@/services/suggestion'
import { Loading } from '@/components/loading'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { useLoad } from '@/hooks/use-load'
import { SuggestionCard } from '../../components/suggestion-card'
import { formatTime } from '../../format'
import { BIND_PAGE, DETAIL_PAGE } from '../../links'
import './index.css'

type Sort = 'newest' | 'seconds'
const SORTS = [
  { value: 'newest', label: '最新公开' },
  { value: 'seconds', label: '附议最多' },
] as const

const open = (s: SuggestionSummary) => void Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${s.id}` })

export default function BoardPage() {
  const [sort, setSort] = useState<Sort>('newest')
  /** 本楼: only the resident's own building */
  const [ownBuilding, setOwnBuilding] = useState(false)
  const [seconded, setSeconded] = useState<Record<string, boolean>>({})
  const [pending, setPending] = useState<string | null>(null)
  // Someone with no home and no role here has no community, so no board: lead them to bind.
  // Read again on every show: they come back here from the bind page.
  const me = useLoad(() => accountService.login({ silent: true }))
  const profile = me.data
  const homeBuilding = profile?.household?.buildingId ?? null
  const fetchBoard = (by: Sort, own: boolean) => (cursor: string | null) =>
    suggestionService.board(
      { sort: by, ...(own && homeBuilding ? { buildingId: homeBuilding } : {}), cursor },
      { silent: true },
    )
  const list = usePaged<BoardItem>(fetchBoard(sort, ownBuilding))
  useDidShow(() => list.reload())
  const homeless = profile !== null && profile.household === null && profile.community === null

  const changeSort = (next: Sort) => {
    setSort(next)
    list.reload(fetchBoard(next, ownBuilding))
  }
  const changeScope = (own: boolean) => {
    setOwnBuilding(own)
    list.reload(fetchBoard(sort, own))
  }

  const second = async (item: BoardItem) => {
    setPending(item.id)
    try {
      const res = await suggestionService.second(item.id, { silent: true })
      list.update(
        (s) => s.id === item.id,
        (s) => ({ ...s, seconds: res.seconds }),
      )
      setSeconded((m) => ({ ...m, [item.id]: true }))
      toast('已附议', 'success')
    } catch (err) {
      if (failedWith(err, 'CONFLICT')) {
        setSeconded((m) => ({ ...m, [item.id]: true }))
        toast('您已经附议过了')
      } else {
        toast(errorMessage(err, '没有附议成功，请再试一次'))
      }
    } finally {
      setPending(null)
    }
  }

  return (
    <PageShell className="board">
      <Text className="board__intro">
        社区公开的建议、商量的结果和办理结果都在这里。您也关心这件事，就点“附议”，让社区知道有多少人在意。
      </Text>
      {homeless && (
        <View className="bind-callout">
          <Text className="bind-callout__text">
            议事长廊是本社区居民的。绑定您家的房屋后就能看、能附议。
          </Text>
          <BigButton onClick={() => void Taro.navigateTo({ url: BIND_PAGE })}>去绑定我家</BigButton>
        </View>
      )}
      {!homeless && (
        <Chips label="排序" options={SORTS} value={sort} onChange={changeSort} columns={2} />
      )}
      {homeBuilding && (
        <Chips
          label="范围"
          options={[
            { value: 'all', label: '全社区' },
            { value: 'own', label: `本楼（${profile?.household?.buildingName ?? ''}）` },
          ]}
          value={ownBuilding ? 'own' : 'all'}
          onChange={(v) => changeScope(v === 'own')}
          columns={2}
          testId="board-scope"
        />
      )}
      {list.items === null && !list.error && !homeless && <Loading className="list-empty muted" />}
      {list.items?.length === 0 && <Text className="list-empty">议事长廊里还没有公开的建议</Text>}
      {list.items?.map((s) => (
        <SuggestionCard
          key={s.id}
          item={s}
          onOpen={open}
          secondsInFooter
          when={`${formatTime(s.publishedAt ?? s.createdAt)} 公开`}
          fullText={s.text}
          footer={
            <View className="board__second">
              {s.decision && <Text className="board__public">商量结果：{s.decision}</Text>}
              {s.resultText && (
                <Text className="board__public board__public--done">办理结果：{s.resultText}</Text>
              )}
              {s.mine ? (
                <Text className="board__seconded">这是您提的建议 · {s.seconds} 人附议</Text>
              ) : seconded[s.id] || s.seconded ? (
                <Text className="board__seconded">✓ 您已附议 · 共 {s.seconds} 人</Text>
              ) : s.canSecond ? (
                <BigButton variant="plain" busy={pending === s.id} onClick={() => void second(s)}>
                  附议（现在 {s.seconds} 人）
                </BigButton>
              ) : (
                <Text className="board__count">{s.seconds} 人附议</Text>
              )}
            </View>
          }
        />
      ))}
      {!homeless && <ListFooter list={list} />}
    </PageShell>
  )
}
