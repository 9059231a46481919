import { account } from '../../../../src/contract/account'
import {
  buildingView,
  getBuilding,
  getHousehold,
  householdView,
  parseScene,
} from '../../../../server/places'
import { handler } from '../../../../server/router'

/** What a scanned code names: a building's suggestion box or a household's card. */
export const resolveScene = handler(account.resolveScene, 'anyone', async ({ scene }, ctx) => {
  const target = parseScene(scene)
  if (target.kind === 'building') {
    return {
      kind: 'building' as const,
      building: buildingView(await getBuilding(ctx.db, target.id)),
    }
  }
  const household = await getHousehold(ctx.db, target.id)
  const building = await getBuilding(ctx.db, household.buildingId)
  return {
    kind: 'household' as const,
    building: buildingView(building),
    household: householdView(household),
  }
})
