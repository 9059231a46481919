// The caller's profile as `account.login` (and binding) returns it.
import type { Profile } from '../src/contract/account'
import type { CommunityDoc, HouseholdDoc, UserDoc } from './models'
import { getById, householdView } from './places'
import type { Database } from './router'
import { uploadDirOf } from './uploads'

export async function buildProfile(db: Database, user: UserDoc): Promise<Profile> {
  // A household removed from the register since (a data correction) reads as unbound, so the
  // resident can bind again instead of being locked out of login.
  const stored = user.householdId
    ? await getById<HouseholdDoc>(db, 'households', user.householdId)
    : null
  const household = stored ? householdView(stored) : null
  let community: Profile['community'] = null
  if (household) {
    community = {
      id: household.communityId,
      name: household.communityName,
      street: household.street,
    }
  } else if (user.roles[0]) {
    const c = await getById<CommunityDoc>(db, 'communities', user.roles[0].communityId)
    if (c) community = { id: c._id, name: c.name, street: c.street }
  }
  return {
    openid: user.openid,
    household,
    community,
    roles: user.roles.map((r) => ({ ...r })),
    createdAt: user.createdAt.toISOString(),
    uploadDir: uploadDirOf(user.openid),
  }
}
