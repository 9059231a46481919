import { conflict } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { REOPEN_WITHIN_DAYS, suggestion } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { detailOf, loadAsSubmitter } from '../lib/load'
import { detailLink, notifyHandlers } from '../lib/notify'
import { reopenChange } from '../lib/changes'
import { canReopen, excerpt } from '../lib/views'
import { applyChange } from '../lib/write'

/** Not really fixed: the submitter sends it back to in_progress within 7 days of resolution. */
export const reopen = handler(suggestion.reopen, 'anyone', async (input, ctx) => {
  const { s, v } = await loadAsSubmitter(ctx, input.id)
  if (s.status !== 'resolved') throw conflict('只有已办结的建议可以重新办理')
  if (!canReopen(s, ctx.now))
    throw conflict(`办结 ${REOPEN_WITHIN_DAYS} 天后不能再重新办理，请提一条新的建议`)
  await checkContent(ctx, input.reason)
  const next = await applyChange(
    ctx,
    s,
    { openid: ctx.openid, status: 'resolved', resolvedAt: s.resolvedAt },
    reopenChange(s, input.reason, ctx.now),
  )
  const [detail] = await Promise.all([
    detailOf(ctx, next, v),
    notifyHandlers(ctx, s, ctx.openid, (u) => ({
      openid: u.openid,
      kind: 'status',
      title: `建议 ${s.no} 被重新打开`,
      body: `${s.buildingName} · ${s.category}：居民认为问题没有解决——${excerpt(input.reason, 40)}`,
      refId: s._id,
      link: detailLink(s._id),
      push: {
        no: s.no,
        subject: `${s.category}：${s.text}`,
        state: '重新办理',
        note: input.reason,
      },
    })),
  ])
  return detail
})
