// In-app messages (消息) and their subscribe-message pushes, for every domain. A push that WeChat
// refuses (43101: the user has no subscription left) is recorded on the message; it never fails
// the action that sent it.
import type { MessageKind } from '../src/contract/account'
import { counted } from './db'
import type { OpenApiPort } from './openapi'
import type { Database } from './router'

export const MESSAGES = 'messages'

/** A message in the in-app list, with what became of its subscribe-message push. */
export interface MessageDoc {
  _id?: string
  openid: string
  kind: MessageKind
  title: string
  body: string
  /** a mini-program page path to open (see src/contract/pages.ts) */
  link: string | null
  /** the record it is about (a suggestion, an activity, a redemption …) */
  refId: string | null
  read: boolean
  createdAt: Date
  /** true: pushed as a subscribe message; false: refused (e.g. 43101 no subscription left); null: not pushed */
  pushed: boolean | null
  pushError: string | null
}

/** A subscribe message, already in the template's keyword shape. */
export interface SubscribePush {
  templateId: string
  /** the page the message opens, with its query (a leading `/` is dropped) */
  page: string
  data: Record<string, { value: string }>
}

export interface Notice {
  openid: string
  kind: MessageKind
  title: string
  body: string
  refId: string | null
  link: string | null
  /** also try a subscribe message */
  push?: SubscribePush
}

export interface NotifyContext {
  db: Database
  openapi: OpenApiPort
  now: Date
}

/** Cuts to WeChat's keyword limits (thing ≤ 20, phrase ≤ 5, character_string ≤ 32 characters). */
export function clip(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('') || '—'
  return chars.slice(0, max - 1).join('') + '…'
}

async function send(
  ctx: NotifyContext,
  n: Notice,
): Promise<Pick<MessageDoc, 'pushed' | 'pushError'>> {
  if (!n.push) return { pushed: null, pushError: null }
  try {
    const res = await ctx.openapi.sendSubscribeMessage({
      touser: n.openid,
      templateId: n.push.templateId,
      page: n.push.page.replace(/^\//, ''),
      data: n.push.data,
    })
    return res.sent
      ? { pushed: true, pushError: null }
      : { pushed: false, pushError: `${res.errcode} ${res.errmsg}`.trim() }
  } catch (err) {
    return {
      pushed: false,
      pushError: String(err instanceof Error ? err.message : err).slice(0, 200),
    }
  }
}

/** The message documents of notices whose pushes came out as `results` (or were not tried). */
export function messageDocs(
  notices: readonly Notice[],
  now: Date,
  results?: readonly Pick<MessageDoc, 'pushed' | 'pushError'>[],
): MessageDoc[] {
  return notices.map((n, i) => ({
    openid: n.openid,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    refId: n.refId,
    read: false,
    createdAt: now,
    ...(results?.[i] ?? { pushed: null, pushError: null }),
  }))
}

/**
 * Pushes (in parallel) and then stores every message in one write. Runs after the action's own
 * write has succeeded, so a failure here is logged rather than turned into a failed action.
 */
export async function notify(ctx: NotifyContext, notices: readonly Notice[]): Promise<void> {
  if (!notices.length) return
  try {
    const results = await Promise.all(notices.map((n) => send(ctx, n)))
    const docs = messageDocs(notices, ctx.now, results)
    await ctx.db.collection(MESSAGES).add({ data: docs.length === 1 ? docs[0] : docs })
  } catch (err) {
    console.error('[notify]', err)
  }
}

/** How many of a person's messages are unread (all of them, not just a page). */
export function unreadCount(db: Database, openid: string): Promise<number> {
  return counted(db.collection(MESSAGES).where({ openid, read: false }).count())
}
