// Typed calls to the `account` cloud function.
import type { account, AccountContract } from '@/contract/account'
import type { InputOf } from '@/contract/common'
import { call, type CallOptions } from './cloud'

declare module './cloud' {
  interface CloudRegistry {
    account: AccountContract
  }
}

type BindInput = InputOf<(typeof account)['bindHousehold']>

export const accountService = {
  /** Who I am: creates the user on first call; household and roles. */
  login: (options: CallOptions = {}) => call('account', 'login', {}, { retry: true, ...options }),
  /** What a scanned code names: `b=<buildingId>` or `h=<householdId>`. */
  resolveScene: (scene: string, options: CallOptions = {}) =>
    call('account', 'resolveScene', { scene }, { retry: true, ...options }),
  /** Communities → estates → buildings, for picking one's building by hand. */
  directory: (options: CallOptions = {}) =>
    call('account', 'directory', {}, { retry: true, ...options }),
  bindHousehold: (input: BindInput, options: CallOptions = {}) =>
    call('account', 'bindHousehold', input, options),
  unbindHousehold: (options: CallOptions = {}) => call('account', 'unbindHousehold', {}, options),
  /** Staff and liaisons: the printable code of a building's box (b=) or a household's card (h=). */
  qrCode: (scene: string, options: CallOptions = {}) =>
    call('account', 'qrCode', { scene }, { retry: true, ...options }),
  /** Staff and liaisons: every household card of a building, as one A4 PDF in cloud storage. */
  householdCards: (buildingId: string, options: CallOptions = {}) =>
    call('account', 'householdCards', { buildingId }, options),
}
