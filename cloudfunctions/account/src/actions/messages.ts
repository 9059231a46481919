import { rows } from '../../../../server/db'
import { invalid } from '../../../../server/errors'
import type { MessageDoc } from '../../../../server/models'
import { handler, type Database } from '../../../../server/router'
import { account, type MessageView } from '../../../../src/contract/account'

type StoredMessage = MessageDoc & { _id: string }

export function messageView(m: StoredMessage): MessageView {
  return {
    id: m._id,
    kind: m.kind as MessageView['kind'],
    title: m.title,
    body: m.body,
    link: m.link,
    read: m.read,
    createdAt: m.createdAt.toISOString(),
  }
}

/** Opaque cursor: the last message's time and id. */
function decode(cursor: string | null | undefined): [Date, string] | null {
  if (!cursor) return null
  const m = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  )
  if (!m) throw invalid('翻页参数不对，请刷新后再试')
  return [new Date(Number(m[1])), m[2]]
}
const encode = (m: StoredMessage) =>
  Buffer.from(`${m.createdAt.getTime()}_${m._id}`).toString('base64url')

export async function unreadCount(db: Database, openid: string): Promise<number> {
  const res = (await db.collection('messages').where({ openid, read: false }).count()) as {
    total: number
  }
  return res.total
}

/** The caller's messages (replies, status changes, reminders), newest first. */
export const messages = handler(account.messages, 'anyone', async ({ cursor, limit }, ctx) => {
  const _ = ctx.db.command
  const key = decode(cursor)
  const where = key
    ? _.and(
        { openid: ctx.openid },
        _.or({ createdAt: _.lt(key[0]) }, { createdAt: key[0], _id: _.lt(key[1]) }),
      )
    : { openid: ctx.openid }
  const [docs, unread] = await Promise.all([
    rows<StoredMessage>(
      ctx.db
        .collection('messages')
        .where(where)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit + 1),
    ),
    unreadCount(ctx.db, ctx.openid),
  ])
  const more = docs.length > limit
  const items = more ? docs.slice(0, limit) : docs
  const last = items[items.length - 1]
  return { items: items.map(messageView), cursor: more && last ? encode(last) : null, unread }
})
