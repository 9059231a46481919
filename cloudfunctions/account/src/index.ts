// account: who the caller is, their household and their roles.
import { account } from '../../../src/contract/account'
import { router } from '../../../server/router'
import { bindHousehold } from './actions/bindHousehold'
import { directory } from './actions/directory'
import { login } from './actions/login'
import { messages } from './actions/messages'
import { householdCards } from './actions/householdCards'
import { qrCode } from './actions/qrCode'
import { readMessages } from './actions/readMessages'
import { resolveScene } from './actions/resolveScene'
import { unbindHousehold } from './actions/unbindHousehold'

/** Every action's handler with its declared access (the safety harness reads them). */
export const handlers = {
  login,
  resolveScene,
  directory,
  bindHousehold,
  unbindHousehold,
  qrCode,
  householdCards,
  messages,
  readMessages,
}

export const main = router(account, handlers)
