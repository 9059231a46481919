import { conflict, invalid } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { STATUS_LABELS, suggestion, TRANSITIONS } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { requireOwnImages } from '../../../../server/uploads'
import { detailOf, loadAsHandler } from '../lib/load'
import { STATUS_TITLES, statusChange } from '../lib/changes'
import { handlerActor } from '../lib/scope'
import { applyChange, tell, toSubmitter } from '../lib/write'

/** A handler moves a suggestion along TRANSITIONS; declining needs a reason, resolving a result. */
export const transition = handler(
  suggestion.transition,
  ['staff', 'liaison'],
  async (input, ctx) => {
    requireOwnImages(input.images, ctx.openid)
    const { s, v } = await loadAsHandler(ctx, input.id)
    const from = s.status
    const to = input.to
    if (!TRANSITIONS[from].includes(to)) {
      throw conflict(`这条建议现在是「${STATUS_LABELS[from]}」，不能改为「${STATUS_LABELS[to]}」`)
    }
    const note = input.note ?? ''
    if (to === 'declined' && !note) throw invalid('不采纳时请写明原因')
    if (to === 'resolved' && !note) throw invalid('办结时请写明办理结果')
    const verdict = await checkContent(ctx, note, input.images)

    const change = statusChange(s, to, handlerActor(v), note, input.images, ctx.now)
    if (verdict === 'review') change.changes.contentCheck = 'review'

    const next = await applyChange(ctx, s, { status: from }, change)
    const [detail] = await Promise.all([
      detailOf(ctx, next, v),
      tell(ctx, [toSubmitter(next, 'status', STATUS_TITLES[to], note)]),
    ])
    return detail
  },
)
