// In-app messages (消息) and their subscribe-message pushes. A push that WeChat refuses (43101:
// the user has no subscription left) is recorded on the message; it never fails the action.
import { isLiaisonOf, isLiaisonOfAny, isStaffOf, isStaffOfAny } from '../../../../server/access'
import { rows } from '../../../../server/db'
import type { UserDoc } from '../../../../server/models'
import type { OpenApiPort } from '../../../../server/openapi'
import type { Database } from '../../../../server/router'
import type { MessageView } from '../../../../src/contract/account'
import { SUGGESTION_PAGES } from '../../../../src/contract/suggestion'
import { MESSAGES, type SuggestionMessageDoc } from './model'
import { dateTime } from '../../../../server/time'

/**
 * One template for every suggestion push. Its keywords, as picked in the WeChat console:
 * character_string1 建议编号 · thing2 问题 · phrase3 状态 · thing4 说明 · time5 时间.
 */
export const templateId = (): string =>
  process.env.TMPL_SUGGESTION_STATUS || 'local-suggestion-status'

/** Cuts to WeChat's keyword limits (thing ≤ 20, phrase ≤ 5, character_string ≤ 32 characters). */
export function clip(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('') || '—'
  return chars.slice(0, max - 1).join('') + '…'
}

export interface Push {
  no: string
  /** what it is about, e.g. 漏水：3单元楼顶… */
  subject: string
  /** a short state word: 已受理, 已办结, 有回复, 已超时 … (≤ 5) */
  state: string
  note: string
}

export interface Notice {
  openid: string
  kind: MessageView['kind']
  title: string
  body: string
  refId: string | null
  link: string | null
  /** also try a subscribe message */
  push?: Push
}

export interface NotifyContext {
  db: Database
  openapi: OpenApiPort
  now: Date
}

export const detailLink = (id: string): string => `${SUGGESTION_PAGES.detail}?id=${id}`

async function send(
  ctx: NotifyContext,
  n: Notice,
): Promise<Pick<SuggestionMessageDoc, 'pushed' | 'pushError'>> {
  if (!n.push) return { pushed: null, pushError: null }
  try {
    const res = await ctx.openapi.sendSubscribeMessage({
      touser: n.openid,
      templateId: templateId(),
      page: (n.link ?? SUGGESTION_PAGES.detail).replace(/^\//, ''),
      data: {
        character_string1: { value: clip(n.push.no, 32) },
        thing2: { value: clip(n.push.subject, 20) },
        phrase3: { value: clip(n.push.state, 5) },
        thing4: { value: clip(n.push.note, 20) },
        time5: { value: dateTime(ctx.now) },
      },
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

/**
 * Pushes (in parallel) and then stores every message in one write. Runs after the action's own
 * write has succeeded, so a failure here is logged rather than turned into a failed action.
 */
export async function notify(ctx: NotifyContext, notices: Notice[]): Promise<void> {
  if (!notices.length) return
  try {
    const results = await Promise.all(notices.map((n) => send(ctx, n)))
    const docs: SuggestionMessageDoc[] = notices.map((n, i) => ({
      openid: n.openid,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      refId: n.refId,
      read: false,
      createdAt: ctx.now,
      ...results[i],
    }))
    await ctx.db.collection(MESSAGES).add({ data: docs.length === 1 ? docs[0] : docs })
  } catch (err) {
    console.error('[suggestion.notify]', err)
  }
}

/**
 * The people to tell about a building's suggestion: its liaisons, or the community's staff when
 * the building has no liaison. One read.
 */
export async function handlersToTell(
  db: Database,
  buildingIds: string[],
  communityIds: string[],
): Promise<{ liaisons: UserDoc[]; staff: UserDoc[] }> {
  const _ = db.command
  const users = await rows<UserDoc>(
    db
      .collection('users')
      .where(
        _.or(
          { roles: _.elemMatch({ role: 'liaison', buildingIds: _.in(buildingIds) }) },
          { roles: _.elemMatch({ role: 'staff', communityId: _.in(communityIds) }) },
        ),
      )
      .limit(1000),
  )
  const liaisons = users.filter((u) => isLiaisonOfAny(u, buildingIds))
  const staff = users.filter((u) => isStaffOfAny(u, communityIds))
  return { liaisons, staff }
}

/** Who should hear about a building's suggestion: its liaisons, else the community's staff. */
export function tellWhom(
  told: { liaisons: UserDoc[]; staff: UserDoc[] },
  buildingId: string,
  communityId: string,
): UserDoc[] {
  const liaisons = told.liaisons.filter((u) => isLiaisonOf(u, buildingId))
  if (liaisons.length) return liaisons
  return told.staff.filter((u) => isStaffOf(u, communityId))
}

/**
 * Tells the people who handle a building's suggestions (never `except`, the caller). Like
 * `notify`, it runs after the action's write and never fails the action.
 */
export async function notifyHandlers(
  ctx: NotifyContext,
  place: { buildingId: string; communityId: string },
  except: string,
  make: (u: UserDoc) => Notice,
): Promise<void> {
  let whom: UserDoc[]
  try {
    const told = await handlersToTell(ctx.db, [place.buildingId], [place.communityId])
    whom = tellWhom(told, place.buildingId, place.communityId).filter((u) => u.openid !== except)
  } catch (err) {
    console.error('[suggestion.notifyHandlers]', err)
    return
  }
  await notify(ctx, whom.map(make))
}
