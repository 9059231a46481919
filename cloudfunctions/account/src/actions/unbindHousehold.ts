import { account } from '../../../../src/contract/account'
import { conflict } from '../../../../server/errors'
import { buildProfile } from '../../../../server/profile'
import { handler } from '../../../../server/router'
import { saveHousehold } from './bindHousehold'

export const unbindHousehold = handler(account.unbindHousehold, 'anyone', async (_input, ctx) => {
  if (!ctx.user.householdId) throw conflict('您还没有绑定房屋')
  const user = await saveHousehold(ctx, null)
  return buildProfile(ctx.db, user)
})
