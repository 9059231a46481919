import { handler } from '../../../../server/router'
import { account } from '../../../../src/contract/account'
import { MESSAGES, unreadCount } from '../../../../server/messages'

/** Marks the given messages (or all of them) read; only ever the caller's own. */
export const readMessages = handler(account.readMessages, 'anyone', async ({ ids }, ctx) => {
  const _ = ctx.db.command
  const where = ids
    ? { openid: ctx.openid, read: false, _id: _.in(ids) }
    : { openid: ctx.openid, read: false }
  if (!ids || ids.length) {
    await ctx.db
      .collection(MESSAGES)
      .where(where)
      .update({ data: { read: true } })
  }
  return { unread: await unreadCount(ctx.db, ctx.openid) }
})
