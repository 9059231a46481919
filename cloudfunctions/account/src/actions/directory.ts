import { account, type DirectoryCommunity } from '../../../../src/contract/account'
import type { BuildingDoc, CommunityDoc, EstateDoc } from '../../../../server/models'
import { rows } from '../../../../server/db'
import { handler } from '../../../../server/router'

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true })

/** Communities → estates → buildings, for binding a household without a scanned code. */
export const directory = handler(account.directory, 'anyone', async (_input, ctx) => {
  const [communities, estates, buildings] = await Promise.all([
    rows<CommunityDoc>(ctx.db.collection('communities').limit(1000)),
    rows<EstateDoc>(ctx.db.collection('estates').limit(1000)),
    rows<BuildingDoc>(ctx.db.collection('buildings').limit(1000)),
  ])
  return communities.sort(byName).map(
    (c): DirectoryCommunity => ({
      id: c._id,
      name: c.name,
      street: c.street,
      estates: estates
        .filter((e) => e.communityId === c._id)
        .sort(byName)
        .map((e) => ({
          id: e._id,
          name: e.name,
          buildings: buildings
            .filter((b) => b.estateId === e._id)
            .sort(byName)
            .map((b) => ({ id: b._id, name: b.name, units: b.units })),
        })),
    }),
  )
})
