// 消息: every reply and status change about my suggestions (and, for handlers, new ones to handle).
import { TAB_PAGES } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { MessageView } from '@/contract/account'
import { PageShell } from '@/components/page-shell'
import { messageService } from '@/services/suggestion'
import { Loading } from '@/components/loading'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { formatTime } from '../../format'
import './index.css'

function openLink(link: string) {
  const url = link.startsWith('/') ? link : `/${link}`
  if (TAB_PAGES.includes(url.split('?')[0])) void Taro.switchTab({ url: url.split('?')[0] })
  else void Taro.navigateTo({ url })
}

export default function MessagesPage() {
  const [unread, setUnread] = useState(0)
  const list = usePaged<MessageView, Awaited<ReturnType<typeof messageService.list>>>(
    (cursor) => messageService.list({ cursor }, { silent: true }),
    (page) => setUnread(page.unread),
  )
  useDidShow(() => list.reload())

  const open = (m: MessageView) => {
    if (!m.read) {
      list.update(
        (x) => x.id === m.id,
        (x) => ({ ...x, read: true }),
      )
      setUnread((n) => Math.max(0, n - 1))
      messageService
        .markRead([m.id], { silent: true })
        .then((r) => setUnread(r.unread))
        .catch(() => undefined)
    }
    if (m.link) openLink(m.link)
  }

  const readAll = () => {
    messageService
      .markRead(undefined)
      .then((r) => {
        setUnread(r.unread)
        list.update(
          () => true,
          (x) => ({ ...x, read: true }),
        )
      })
      .catch(() => undefined)
  }

  return (
    <PageShell className="messages">
      {(unread > 0 || (list.items?.length ?? 0) > 0) && (
        <View className="messages__head">
          <Text className="messages__count" data-testid="unread-count">
            {unread > 0 ? `${unread} 条没看过` : '消息都看过了'}
          </Text>
          {unread > 0 && (
            <View className="messages__read-all" ariaRole="button" onClick={readAll}>
              全部标为已读
            </View>
          )}
        </View>
      )}
      {list.items === null && !list.error && <Loading className="list-empty muted" />}
      {list.items?.length === 0 && (
        <Text className="list-empty">还没有消息。社区回复您的建议后，会在这里告诉您。</Text>
      )}
      {list.items?.map((m) => (
        <View
          key={m.id}
          className={m.read ? 'message' : 'message message--unread'}
          ariaRole="button"
          ariaLabel={`${m.read ? '' : '未读，'}${m.title}`}
          data-testid="message"
          onClick={() => open(m)}
        >
          <View className="message__head">
            {!m.read && <View className="message__dot" />}
            <Text className="message__title">{m.title}</Text>
          </View>
          {m.kind === 'overdue' ? (
            <Text className="message__body">{m.body}</Text>
          ) : (
            <MessageBody body={m.body} />
          )}
          <View className="message__foot">
            <Text>{formatTime(m.createdAt)}</Text>
            {m.link && <Text className="message__more">查看 ›</Text>}
          </View>
        </View>
      ))}
      <ListFooter list={list} />
    </PageShell>
  )
}

/**
 * A message to a submitter: its first line says which suggestion it is about, what follows is
 * what was said (an overdue reminder is a list instead, shown as it is).
 * What was said comes first and large, the reference after it, small.
 */
function MessageBody({ body }: { body: string }) {
  const [about, ...said] = body.split('\n')
  if (said.length === 0) return <Text className="message__body">{about}</Text>
  return (
    <View>
      <Text className="message__body">{said.join('\n')}</Text>
      <Text className="message__about">{about}</Text>
    </View>
  )
}
