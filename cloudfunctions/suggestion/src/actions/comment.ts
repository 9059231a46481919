import { forbidden } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { load } from '../lib/load'
import { COMMENTS, type CommentDoc } from '../lib/model'
import { commentView } from '../lib/views'
import { tell, toSubmitter } from '../lib/write'

/** Residents of the community comment on a published suggestion, shown as "<楼>居民". */
export const comment = handler(suggestion.comment, 'resident', async (input, ctx) => {
  const { s, v, household } = await load(ctx, input.id)
  if (!s.published || !v.member || !household) throw forbidden('只有本社区的居民可以在议事长廊留言')
  await checkContent(ctx, input.text)
  const doc: CommentDoc = {
    suggestionId: s._id,
    communityId: s.communityId,
    openid: ctx.openid,
    buildingName: household.buildingName,
    text: input.text,
    createdAt: ctx.now,
  }
  const res = (await ctx.db.collection(COMMENTS).add({ data: doc })) as { _id: string }
  await tell(ctx, [
    toSubmitter(
      s,
      'comment',
      '邻居在议事长廊给您的建议留言',
      `${household.buildingName}居民：${input.text}`,
      false,
    ),
  ])
  return commentView({ ...doc, _id: String(res._id) }, ctx.openid)
})
