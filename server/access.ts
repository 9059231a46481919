// Scope checks: a role counts only inside its community, buildings or collection point.
import { forbidden } from './errors'
import type { UserDoc } from './models'

export const isStaffOf = (user: UserDoc, communityId: string): boolean =>
  user.roles.some((r) => r.role === 'staff' && r.communityId === communityId)

export const isLiaisonOf = (user: UserDoc, buildingId: string): boolean =>
  user.roles.some((r) => r.role === 'liaison' && (r.buildingIds ?? []).includes(buildingId))

/** Staff of the building's community, or the building's own liaison. */
export const managesBuilding = (
  user: UserDoc,
  building: { _id?: string; id?: string; communityId: string },
): boolean =>
  isStaffOf(user, building.communityId) || isLiaisonOf(user, String(building._id ?? building.id))

export function requireStaffOf(user: UserDoc, communityId: string): void {
  if (!isStaffOf(user, communityId)) throw forbidden('只有本社区两委可以做这件事')
}

export function requireManagerOf(
  user: UserDoc,
  building: { _id?: string; id?: string; communityId: string },
): void {
  if (!managesBuilding(user, building)) throw forbidden('这栋楼不归您管理')
}
