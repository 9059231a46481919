import { account } from '../../../../src/contract/account'
import { PAGES } from '../../../../src/contract/pages'
import { requireManagerOf } from '../../../../server/access'
import { getBuilding, getHousehold, parseScene } from '../../../../server/places'
import { handler } from '../../../../server/router'

/** The page a scanned code opens (it reads `scene` in onLoad); wxacode wants no leading slash. */
export const SCAN_PAGE = PAGES.home.replace(/^\//, '')

/** The code printed on a building's suggestion box (b=) or a household's card (h=). */
export const qrCode = handler(account.qrCode, ['staff', 'liaison'], async ({ scene }, ctx) => {
  const target = parseScene(scene)
  const household = target.kind === 'household' ? await getHousehold(ctx.db, target.id) : null
  const building = await getBuilding(ctx.db, household ? household.buildingId : target.id)
  requireManagerOf(ctx.user, building)
  const png = await ctx.openapi.miniProgramCode(scene, SCAN_PAGE)
  const label = household
    ? `${household.estateName} ${household.buildingName} ${household.unit}单元 ${household.room} 意见征集服务卡`
    : `${building.estateName} ${building.name} 民意信箱`
  return {
    scene,
    page: SCAN_PAGE,
    label,
    dataUrl: `data:image/png;base64,${png.toString('base64')}`,
  }
})
