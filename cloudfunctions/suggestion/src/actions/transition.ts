import { conflict, invalid } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { STATUS_LABELS, suggestion, TRANSITIONS } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { requireOwnImages } from '../../../../server/uploads'
import { detailOf, loadAsHandler } from '../lib/load'
import type { TimelineDoc } from '../lib/model'
import { handlerActor } from '../lib/scope'
import { applyChange, tell, toSubmitter, type Changes } from '../lib/write'

const TITLES = {
  accepted: '您的建议已受理',
  declined: '您的建议未被采纳',
  deliberating: '您的建议进入议事程序',
  in_progress: '您的建议正在办理',
  resolved: '您的建议已办结',
  submitted: '',
} as const

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

    const changes: Changes = { status: to }
    if (from === 'submitted' && to === 'accepted') changes.acceptedAt = ctx.now
    if (from === 'deliberating' && note) changes.decision = note
    if (to === 'resolved') {
      changes.resolvedAt = ctx.now
      changes.result = { text: note, images: [...input.images], at: ctx.now }
    }
    if (verdict === 'review') changes.contentCheck = 'review'
    const entry: TimelineDoc = { at: ctx.now, kind: 'status', by: handlerActor(v), from, to }
    if (note) entry.note = note
    if (input.images.length) entry.images = [...input.images]

    const next = await applyChange(ctx, s, { status: from }, changes, entry)
    const [detail] = await Promise.all([
      detailOf(ctx, next, v),
      tell(ctx, [toSubmitter(next, 'status', TITLES[to], note)]),
    ])
    return detail
  },
)
