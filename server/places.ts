// Reading buildings and households, and turning them into what the mini-program shows.
import type { BuildingView, HouseholdView } from '../src/contract/account'
import { getById } from './db'
import { AppError, notFound } from './errors'
import type { BuildingDoc, HouseholdDoc } from './models'
import type { Database } from './router'

// (re-exported where domains have long imported it from)
export { getById }

export async function getBuilding(db: Database, id: string): Promise<BuildingDoc> {
  const b = await getById<BuildingDoc>(db, 'buildings', id)
  if (!b) throw notFound('这栋楼')
  return b
}

export async function getHousehold(db: Database, id: string): Promise<HouseholdDoc> {
  const h = await getById<HouseholdDoc>(db, 'households', id)
  if (!h) throw notFound('这户，请核对楼栋、单元和房号')
  return h
}

export function buildingView(b: BuildingDoc): BuildingView {
  return {
    id: b._id,
    name: b.name,
    units: b.units,
    households: b.households,
    street: b.street,
    communityId: b.communityId,
    communityName: b.communityName,
    estateId: b.estateId,
    estateName: b.estateName,
    whoToCall: {
      liaisonName: b.liaisonName ?? null,
      communityName: b.communityName,
      phone: b.communityPhone ?? null,
    },
  }
}

export function householdView(h: HouseholdDoc): HouseholdView {
  return {
    id: h._id,
    buildingId: h.buildingId,
    buildingName: h.buildingName,
    unit: h.unit,
    room: h.room,
    label: `${h.estateName} ${h.buildingName} ${h.unit}单元 ${h.room}`,
    street: h.street,
    communityId: h.communityId,
    communityName: h.communityName,
    estateId: h.estateId,
    estateName: h.estateName,
  }
}

export type ParsedScene = { kind: 'building' | 'household'; id: string }

/** `b=<buildingId>` / `h=<householdId>` — the scene of a mini-program code (already validated). */
export function parseScene(scene: string): ParsedScene {
  const [key, id] = scene.split('=')
  if (key === 'b' && id) return { kind: 'building', id }
  if (key === 'h' && id) return { kind: 'household', id }
  throw new AppError('INVALID_INPUT', '无法识别的二维码')
}
