import { account } from '../../../../src/contract/account'
import { isDuplicateKey } from '../../../../server/errors'
import { buildProfile } from '../../../../server/profile'
import { handler } from '../../../../server/router'

/** First login creates the user; later logins just read the profile. */
export const login = handler(account.login, 'anyone', async (_input, ctx) => {
  if (!ctx.persisted) {
    try {
      await ctx.db.collection('users').add({ data: ctx.user })
    } catch (err) {
      // Two first logins at once: the other one created the same user, which is what we wanted.
      if (!isDuplicateKey(err)) throw err
    }
  }
  return buildProfile(ctx.db, ctx.user)
})
