// Who the caller is to a suggestion: its submitter, a handler (liaison of its building or staff
// of its community), a resident of its community or building, or a stranger.
import { HANDLER_ACTORS } from './changes'
import { isLiaisonOf, isStaffOf } from '../../../../server/access'
import type { HouseholdDoc, UserDoc } from '../../../../server/models'
import { getById } from '../../../../server/places'
import type { ActionContext } from '../../../../server/router'
import type { Actor } from '../../../../src/contract/suggestion'
import type { SuggestionDoc } from './model'

/** The caller's household (one read), or null when they have not bound one. */
export async function callerHousehold(ctx: ActionContext): Promise<HouseholdDoc | null> {
  if (!ctx.user.householdId) return null
  return getById<HouseholdDoc>(ctx.db, 'households', ctx.user.householdId)
}

/** The community whose board the caller reads: their household's, else their first role's. */
export function homeCommunity(u: UserDoc, household: HouseholdDoc | null): string | null {
  return household?.communityId ?? u.roles[0]?.communityId ?? null
}

export interface Viewer {
  mine: boolean
  /**
   * another member of the submitter's household, for a named suggestion: reads it as the
   * submitter does, but acts on it only through the submitter (an anonymous one is the
   * submitter's alone: "只有您自己知道")
   */
  household: boolean
  staff: boolean
  /** may move it through its lifecycle and reply: the building's liaison or the community's staff */
  handler: boolean
  /** lives in the suggestion's community (may read the board, second and comment) */
  member: boolean
  /** lives in the suggestion's building (may second it while it is open) */
  neighbour: boolean
  /** holds a role in the suggestion's community (may read the board) */
  roleInCommunity: boolean
}

export function viewerOf(
  ctx: ActionContext,
  s: SuggestionDoc,
  household: HouseholdDoc | null,
): Viewer {
  const staff = isStaffOf(ctx.user, s.communityId)
  return {
    mine: s.openid === ctx.openid,
    household:
      s.openid !== ctx.openid &&
      !s.anonymous &&
      household !== null &&
      s.householdId !== null &&
      s.householdId === household._id,
    staff,
    handler: staff || isLiaisonOf(ctx.user, s.buildingId),
    member: household?.communityId === s.communityId,
    neighbour: household?.buildingId === s.buildingId,
    roleInCommunity: ctx.user.roles.some((r) => r.communityId === s.communityId),
  }
}

/** Whether the caller may read it at all; when not, its existence is not revealed either. */
export const canView = (v: Viewer, s: SuggestionDoc): boolean =>
  v.mine || v.household || v.handler || (s.published && (v.member || v.roleInCommunity))

/** A public reader: neither the submitter (nor their household) nor a handler. */
export const isPublicViewer = (v: Viewer): boolean => !v.mine && !v.household && !v.handler

export function handlerActor(v: Viewer): Actor {
  return v.staff ? HANDLER_ACTORS.staff : HANDLER_ACTORS.liaison
}

export { residentActor } from './changes'

export const SYSTEM_ACTOR: Actor = { role: 'system', label: '系统' }
