// The estate's monthly ranking of buildings, from the buildings' month documents: by the share
// of households that sorted correctly at least once, then by correct days per household. Never a
// list of households.
import { rows } from '../../../../server/db'
import type { BuildingDoc } from '../../../../server/models'
import type { Database } from '../../../../server/router'
import type { BuildingRank } from '../../../../src/contract/points'
import { BUILDING_MONTHS, type BuildingMonthDoc } from './model'

export async function rankBuildings(
  db: Database,
  estateId: string,
  month: string,
): Promise<BuildingRank[]> {
  const [buildings, months] = await Promise.all([
    rows<BuildingDoc>(db.collection('buildings').where({ estateId }).limit(1000)),
    rows<BuildingMonthDoc>(db.collection(BUILDING_MONTHS).where({ estateId, month }).limit(1000)),
  ])
  const byBuilding = new Map(months.map((m) => [m.buildingId, m]))
  const ranked = buildings.map((b) => {
    const m = byBuilding.get(b._id)
    const households = Math.max(b.households, 1)
    return {
      rank: 0,
      buildingId: b._id,
      buildingName: b.name,
      households: b.households,
      correctHouseholds: m?.correctHouseholds ?? 0,
      share: (m?.correctHouseholds ?? 0) / households,
      averageDays: Math.round(((m?.correctDays ?? 0) / households) * 10) / 10,
    }
  })
  ranked.sort(
    (a, b) =>
      b.share - a.share ||
      b.averageDays - a.averageDays ||
      a.buildingId.localeCompare(b.buildingId, 'en', { numeric: true }),
  )
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1]
    r.rank =
      prev && prev.share === r.share && prev.averageDays === r.averageDays ? prev.rank : i + 1
  })
  return ranked
}
