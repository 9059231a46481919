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
}

export interface HouseholdDoc extends PlaceDoc {
  _id: string
  buildingId: string
  buildingName: string
  unit: number
  room: string
  collectionPointId: string | null
}
