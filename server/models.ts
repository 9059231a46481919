// Document shapes of the collections the functions share (see database/manifest.json).
import type { RoleGrant } from '../src/contract/account'

export interface UserDoc {
  _id: string // = openid
  openid: string
  householdId: string | null
  roles: (RoleGrant & { title: string })[]
  createdAt: Date
  updatedAt: Date
}

export interface CommunityDoc {
  _id: string
  name: string
  street: string
  /** the community office's phone (a landline, e.g. 0371-68925010) */
  phone?: string
}

export interface EstateDoc {
  _id: string
  communityId: string
  name: string
}

/** Names are copied from the community and estate so a household reads in one round trip. */
export interface PlaceDoc {
  communityId: string
  communityName: string
  street: string
  estateId: string
  estateName: string
}

export interface BuildingDoc extends PlaceDoc {
  _id: string
  name: string
  units: number
  households: number
  /** the building's 民情速递员 by name, as the box's card names them */
  liaisonName?: string
  /** copied from the community, so a building reads who to call in one round trip */
  communityPhone?: string
}

export interface HouseholdDoc extends PlaceDoc {
  _id: string
  buildingId: string
  buildingName: string
  unit: number
  room: string
  collectionPointId: string | null
}
