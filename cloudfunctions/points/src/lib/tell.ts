// Telling a household what happened to its points (消息, kind 'points'): every member bound to it
// gets the message. Sent after the action's own transaction; a failure is logged, never the answer.
import { rows } from '../../../../server/db'
import { notify, type NotifyContext } from '../../../../server/messages'
import type { UserDoc } from '../../../../server/models'
import { PAGES } from '../../../../src/contract/pages'

export async function tellHousehold(
  ctx: NotifyContext,
  householdId: string,
  title: string,
  body: string,
  refId: string | null,
): Promise<void> {
  try {
    const members = await rows<UserDoc>(ctx.db.collection('users').where({ householdId }).limit(20))
    await notify(
      ctx,
      members.map((m) => ({
        openid: m.openid,
        kind: 'points' as const,
        title,
        body,
        refId,
        link: PAGES.pointsLedger,
      })),
    )
  } catch (err) {
    console.error('[points.tell]', err)
  }
}
