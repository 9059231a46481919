// Suggestion messages: the one subscribe template of the suggestion domain and who handles a
// building's suggestions. Storing and pushing is server/messages.ts's job.
import { isLiaisonOf, isLiaisonOfAny, isStaffOf, isStaffOfAny } from '../../../../server/access'
import { rows } from '../../../../server/db'
import {
  clip,
  notify as send,
  type Notice as ServerNotice,
  type NotifyContext,
} from '../../../../server/messages'
import type { UserDoc } from '../../../../server/models'
import type { Database } from '../../../../server/router'
import { dateTime } from '../../../../server/time'
import { SUGGESTION_PAGES } from '../../../../src/contract/suggestion'

export type { NotifyContext }

/**
 * One template for every suggestion push. Its keywords, as picked in the WeChat console:
 * character_string1 建议编号 · thing2 问题 · phrase3 状态 · thing4 说明 · time5 时间.
 */
export const templateId = (): string =>
  process.env.TMPL_SUGGESTION_STATUS || 'local-suggestion-status'

export interface Push {
  no: string
  /** what it is about, e.g. 漏水：3单元楼顶… */
  subject: string
  /** a short state word: 已受理, 已办结, 有回复, 已超时 … (≤ 5) */
  state: string
  note: string
}

export interface Notice extends Omit<ServerNotice, 'push'> {
  /** also try a subscribe message */
  push?: Push
}

export const detailLink = (id: string): string => `${SUGGESTION_PAGES.detail}?id=${id}`

/** Sends suggestion notices, each push in the suggestion template's keywords. */
export async function notify(ctx: NotifyContext, notices: Notice[]): Promise<void> {
  await send(
    ctx,
    notices.map(({ push, ...n }) => ({
      ...n,
      push: push && {
        templateId: templateId(),
        page: n.link ?? SUGGESTION_PAGES.detail,
        data: {
          character_string1: { value: clip(push.no, 32) },
          thing2: { value: clip(push.subject, 20) },
          phrase3: { value: clip(push.state, 5) },
          thing4: { value: clip(push.note, 20) },
          time5: { value: dateTime(ctx.now) },
        },
      },
    })),
  )
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
