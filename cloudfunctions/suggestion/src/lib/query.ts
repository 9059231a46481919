// Query pieces shared by the inbox, stats and the reminder timer.
import type { UserDoc } from '../../../../server/models'
import type { Command } from '../../../../server/db'
import { WORKING_STATUSES } from './model'
import { liaisonBuildings, staffCommunities } from '../../../../server/access'

export type Condition = Record<string, unknown> | ReturnType<Command['and']>

/** What a handler may see: staff their communities, liaisons their buildings. null: nothing. */
export function handlerScope(_: Command, user: UserDoc): Condition | null {
  const communities = staffCommunities(user)
  const buildings = liaisonBuildings(user)
  const parts: Condition[] = []
  if (communities.length) parts.push({ communityId: _.in(communities) })
  if (buildings.length) parts.push({ buildingId: _.in(buildings) })
  if (!parts.length) return null
  return parts.length === 1 ? parts[0] : _.or(...parts)
}

/** Overdue now: not accepted by acceptDueAt, or accepted but not resolved by resolveDueAt. */
export function overdueCondition(_: Command, now: Date): Condition {
  return _.or(
    { status: 'submitted', acceptDueAt: _.lt(now) },
    { status: _.in([...WORKING_STATUSES]), resolveDueAt: _.lt(now) },
  )
}

export function all(_: Command, parts: Condition[]): Condition {
  if (parts.length === 0) return {}
  return parts.length === 1 ? parts[0] : _.and(...parts)
}
