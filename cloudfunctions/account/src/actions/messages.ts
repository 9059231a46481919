import { MESSAGES, unreadCount, type MessageDoc } from '../../../../server/messages'
import { newestFirst } from '../../../../server/paging'
import { handler } from '../../../../server/router'
import { account, type MessageView } from '../../../../src/contract/account'

type StoredMessage = MessageDoc & { _id: string }

export function messageView(m: StoredMessage): MessageView {
  return {
    id: m._id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    link: m.link,
    read: m.read,
    createdAt: m.createdAt.toISOString(),
  }
}

/** The caller's messages (replies, status changes, reminders), newest first. */
export const messages = handler(account.messages, 'anyone', async ({ cursor, limit }, ctx) => {
  const [page, unread] = await Promise.all([
    newestFirst<StoredMessage>(ctx.db, MESSAGES, { openid: ctx.openid }, 'createdAt', {
      cursor,
      limit,
    }),
    unreadCount(ctx.db, ctx.openid),
  ])
  return { items: page.docs.map(messageView), cursor: page.cursor, unread }
})
