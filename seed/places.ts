// Demo places from the seeds: 二十里铺社区's 陇海安居 (5 buildings, 224 households) and
// 政通路社区's 东方现代城 (23 buildings, 3,281 households, 12 collection points).
import type { BuildingDoc, CommunityDoc, EstateDoc, HouseholdDoc, PlaceDoc } from '../server/models'

export interface CollectionPointDoc {
  _id: string
  communityId: string
  estateId: string
  name: string
  buildingIds: string[]
  bins: { hazardous: number; recyclable: number; kitchen: number; other: number }
}

export interface PlacesSeed {
  communities: CommunityDoc[]
  estates: EstateDoc[]
  buildings: BuildingDoc[]
  households: HouseholdDoc[]
  collectionPoints: CollectionPointDoc[]
}

interface BuildingPlan {
  no: number
  units: number
  floors: number
  roomsPerFloor: number
  /** households actually registered (fewer than the slots when some flats are not lived in) */
  households: number
}

function estateSeed(
  place: PlaceDoc,
  prefix: string,
  plans: BuildingPlan[],
  pointOf: (buildingNo: number) => string | null,
): { buildings: BuildingDoc[]; households: HouseholdDoc[] } {
  const buildings: BuildingDoc[] = []
  const households: HouseholdDoc[] = []
  for (const plan of plans) {
    const buildingId = `${prefix}-${plan.no}`
    const buildingName = `${plan.no}号楼`
    buildings.push({
      _id: buildingId,
      name: buildingName,
      units: plan.units,
      households: plan.households,
      ...place,
    })
    let left = plan.households
    for (let unit = 1; unit <= plan.units; unit++) {
      for (let floor = 1; floor <= plan.floors; floor++) {
        for (let r = 1; r <= plan.roomsPerFloor && left > 0; r++, left--) {
          const room = `${floor}${String(r).padStart(2, '0')}`
          households.push({
            _id: `${buildingId}-${unit}-${room}`,
            buildingId,
            buildingName,
            unit,
            room,
            collectionPointId: pointOf(plan.no),
            ...place,
          })
        }
      }
    }
  }
  return { buildings, households }
}

export function placesSeed(): PlacesSeed {
  // The offices' phones are demo numbers in the 0371 (郑州) area, where both communities are.
  const eslp: CommunityDoc = {
    _id: 'ESLP',
    name: '二十里铺社区',
    street: '上街区',
    phone: '0371-68925010',
  }
  const ztl: CommunityDoc = {
    _id: 'ZTL',
    name: '政通路社区',
    street: '巩义市紫荆路街道',
    phone: '0371-64351200',
  }
  const lhaj: EstateDoc = { _id: 'LHAJ', communityId: eslp._id, name: '陇海安居' }
  const dfxdc: EstateDoc = { _id: 'DFXDC', communityId: ztl._id, name: '东方现代城' }

  // 224 households: three 4-unit buildings of 48 and two of 40 (old six-storey walk-ups).
  const lh = estateSeed(
    {
      communityId: eslp._id,
      communityName: eslp.name,
      street: eslp.street,
      estateId: lhaj._id,
      estateName: lhaj.name,
    },
    'LH',
    [
      { no: 1, units: 4, floors: 6, roomsPerFloor: 2, households: 48 },
      { no: 2, units: 4, floors: 6, roomsPerFloor: 2, households: 48 },
      { no: 3, units: 4, floors: 6, roomsPerFloor: 2, households: 48 },
      { no: 4, units: 4, floors: 5, roomsPerFloor: 2, households: 40 },
      { no: 5, units: 4, floors: 5, roomsPerFloor: 2, households: 40 },
    ],
    () => null,
  )

  // 3,281 households in 23 high-rises (2 units × 18 floors × 4 flats); the last is part-occupied.
  const POINTS = 12
  const BUILDINGS = 23
  const pointOf = (no: number) =>
    `DF-P${String(Math.ceil((no * POINTS) / BUILDINGS)).padStart(2, '0')}`
  const df = estateSeed(
    {
      communityId: ztl._id,
      communityName: ztl.name,
      street: ztl.street,
      estateId: dfxdc._id,
      estateName: dfxdc.name,
    },
    'DF',
    Array.from({ length: BUILDINGS }, (_, i) => ({
      no: i + 1,
      units: 2,
      floors: 18,
      roomsPerFloor: 4,
      households: i + 1 < BUILDINGS ? 144 : 3281 - 144 * (BUILDINGS - 1),
    })),
    pointOf,
  )

  const collectionPoints: CollectionPointDoc[] = Array.from({ length: POINTS }, (_, i) => {
    const id = `DF-P${String(i + 1).padStart(2, '0')}`
    return {
      _id: id,
      communityId: ztl._id,
      estateId: dfxdc._id,
      name: `${i + 1}号投放点`,
      buildingIds: df.buildings
        .filter((b) => pointOf(Number(b._id.slice(3))) === id)
        .map((b) => b._id),
      // Each point has 14 bins: 1 hazardous, 1 recyclable, 4 kitchen, 8 other.
      bins: { hazardous: 1, recyclable: 1, kitchen: 4, other: 8 },
    }
  })

  // Who to call: the community's office on every building; 王丽 (demo-liaison) serves LH-1 and LH-2.
  const LIAISONS: Record<string, string> = { 'LH-1': '王丽', 'LH-2': '王丽' }
  const phoneOf: Record<string, string | undefined> = {
    [eslp._id]: eslp.phone,
    [ztl._id]: ztl.phone,
  }
  const buildings = [...lh.buildings, ...df.buildings].map((b) => ({
    ...b,
    ...(LIAISONS[b._id] ? { liaisonName: LIAISONS[b._id] } : {}),
    ...(phoneOf[b.communityId] ? { communityPhone: phoneOf[b.communityId] } : {}),
  }))

  return {
    communities: [eslp, ztl],
    estates: [lhaj, dfxdc],
    buildings,
    households: [...lh.households, ...df.households],
    collectionPoints,
  }
}
