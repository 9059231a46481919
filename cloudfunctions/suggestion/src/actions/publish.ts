import { forbidden } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { publishChange } from '../lib/changes'
import { detailOf, load } from '../lib/load'
import { handlerActor } from '../lib/scope'
import { applyChange, tell, toSubmitter } from '../lib/write'

/** Staff put a suggestion on the community's 议事长廊 (两公开), or take it down. */
export const publish = handler(suggestion.publish, ['staff'], async (input, ctx) => {
  const { s, v } = await load(ctx, input.id)
  if (!v.staff) throw forbidden('只有本社区两委可以公开或撤回')
  if (s.published === input.published) return detailOf(ctx, s, v)
  const next = await applyChange(
    ctx,
    s,
    { published: s.published },
    publishChange(input.published, handlerActor(v), ctx.now),
  )
  const [detail] = await Promise.all([
    detailOf(ctx, next, v),
    input.published
      ? tell(ctx, [
          toSubmitter(next, 'status', '您的建议已在议事长廊公开', '邻居们可以附议和留言了', false),
        ])
      : Promise.resolve(),
  ])
  return detail
})
