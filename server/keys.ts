// Keys that must follow from their cause (so a repeat collides) without naming it (so a reader of
// the ledger cannot trace them back): a keyed hash with the deployment's own secret. An anonymous
// 金点子's ledger key is one: `golden-` + privateKey('golden', suggestionId).
import { createHmac } from 'node:crypto'

/** WeChat cloud runs functions on SCF, which names the function in the environment. */
const inWeChatCloud = (): boolean =>
  Boolean(process.env.SCF_FUNCTIONNAME || process.env.TENCENTCLOUD_RUNENV)

function secret(): string {
  const configured = process.env.MINQING_SECRET
  if (configured) return configured
  // Deployed without one, keys would be computable by anyone with this code: refuse.
  if (inWeChatCloud()) throw new Error('MINQING_SECRET is not set: see README, Settings')
  return 'local-cloud-only'
}

export function privateKey(purpose: string, id: string): string {
  return createHmac('sha256', secret()).update(`${purpose}:${id}`).digest('hex').slice(0, 24)
}
