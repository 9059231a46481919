import { forbidden } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { anonymise, discard, requireOwnImages } from '../../../../server/uploads'
import { detailOf, load } from '../lib/load'
import { replyChange } from '../lib/changes'
import { detailLink, notifyHandlers } from '../lib/notify'
import { handlerActor, residentActor } from '../lib/scope'
import { applyChange, tell, toSubmitter } from '../lib/write'
import { excerpt } from '../lib/views'

/**
 * A message in the thread without changing status. A handler's reply is pushed to the submitter;
 * the submitter's reply (answering a question, adding a photo) goes to the building's liaisons.
 */
export const reply = handler(suggestion.reply, 'anyone', async (input, ctx) => {
  requireOwnImages(input.images, ctx.openid)
  const { s, v } = await load(ctx, input.id)
  if (!v.handler && !v.mine) throw forbidden('只有提出建议的居民和负责的速递员、社区可以回复')
  const asHandler = v.handler
  const verdict = await checkContent(ctx, input.text, input.images)

  // The submitter's photos on an anonymous suggestion must not keep their folder's name.
  const anonymousPhotos = !asHandler && s.anonymous && input.images.length > 0
  const images = anonymousPhotos ? await anonymise(input.images) : [...input.images]
  const change = replyChange(
    asHandler ? handlerActor(v) : residentActor(s),
    input.text,
    images,
    ctx.now,
  )
  if (verdict === 'review') change.changes.contentCheck = 'review'
  let next
  try {
    next = await applyChange(ctx, s, {}, change)
  } catch (err) {
    if (anonymousPhotos) await discard(images)
    throw err
  }

  const [detail] = await Promise.all([
    detailOf(ctx, next, v),
    asHandler
      ? tell(ctx, [toSubmitter(next, 'reply', '您的建议有新回复', input.text)])
      : notifyHandlers(ctx, s, ctx.openid, (u) => ({
          openid: u.openid,
          kind: 'reply',
          title: `建议 ${s.no} 有居民补充`,
          body: `${s.buildingName} · ${s.category}：${excerpt(input.text, 40)}`,
          refId: s._id,
          link: detailLink(s._id),
        })),
    anonymousPhotos ? discard(input.images) : Promise.resolve(),
  ])
  return detail
})
