// 我的建议: what I have reported, newest first, each with where it stands.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { SuggestionSummary } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { messageService, suggestionService } from '@/services/suggestion'
import { Loading } from '@/components/loading'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { SuggestionCard } from '../../components/suggestion-card'
import { DETAIL_PAGE, MESSAGES_PAGE, SUBMIT_PAGE } from '../../links'
import './index.css'

const open = (s: SuggestionSummary) => void Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${s.id}` })

export default function MineSuggestionsPage() {
  const list = usePaged<SuggestionSummary>((cursor) =>
    suggestionService.mine({ cursor }, { silent: true }),
  )
  const [unread, setUnread] = useState(0)
  // Back from a detail page, the status may have moved.
  useDidShow(() => {
    list.reload()
    messageService
      .list({ limit: 1 }, { silent: true })
      .then((page) => setUnread(page.unread))
      .catch(() => undefined)
  })

  return (
    <PageShell className="mine-suggestions">
      <View className="mine-suggestions__actions">
        <BigButton onClick={() => void Taro.navigateTo({ url: SUBMIT_PAGE })}>提新建议</BigButton>
        <BigButton variant="plain" onClick={() => void Taro.navigateTo({ url: MESSAGES_PAGE })}>
          {unread > 0 ? `新消息 ${unread} 条` : '看消息'}
        </BigButton>
      </View>
      {list.items === null && !list.error && <Loading className="list-empty muted" />}
      {list.items?.length === 0 && (
        <Text className="list-empty" data-testid="mine-empty">
          您还没有提过建议。遇到漏水、路灯不亮这些事，点上面的“提新建议”告诉社区。
        </Text>
      )}
      {list.items?.map((s) => (
        <SuggestionCard key={s.id} item={s} onOpen={open} />
      ))}
      <ListFooter list={list} />
    </PageShell>
  )
}
