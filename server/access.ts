// Scope checks: a role counts only inside its community, buildings or collection point.
import { forbidden } from './errors'
import type { UserDoc } from './models'

export const isStaffOf = (user: UserDoc, communityId: string): boolean =>
  user.roles.some((r) => r.role === 'staff' && r.communityId === communityId)

export const isLiaisonOf = (user: UserDoc, buildingId: string): boolean =>
  user.roles.some((r) => r.role === 'liaison' && (r.buildingIds ?? []).includes(buildingId))

/** The communities the user serves as staff (社区两委). */
export const staffCommunities = (user: UserDoc): string[] =>
  user.roles.filter((r) => r.role === 'staff').map((r) => r.communityId)

/** The buildings the user serves as liaison (民情速递员), optionally within one community. */
export const liaisonBuildings = (user: UserDoc, communityId?: string): string[] =>
  user.roles
    .filter((r) => r.role === 'liaison' && (!communityId || r.communityId === communityId))
    .flatMap((r) => r.buildingIds ?? [])

/** Liaison of at least one of these buildings. */
export const isLiaisonOfAny = (user: UserDoc, buildingIds: readonly string[]): boolean =>
  liaisonBuildings(user).some((b) => buildingIds.includes(b))

/** Staff of at least one of these communities. */
export const isStaffOfAny = (user: UserDoc, communityIds: readonly string[]): boolean =>
  staffCommunities(user).some((c) => communityIds.includes(c))

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
