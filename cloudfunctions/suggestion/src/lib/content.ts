// The content security check (msgSecCheck) in front of every text residents and handlers write.
import { AppError } from '../../../../server/errors'
import type { ActionContext } from '../../../../server/router'

/** One check for all the given texts; 'risky' is refused before anything is written. */
export async function checkContent(
  ctx: ActionContext,
  ...texts: string[]
): Promise<'pass' | 'review'> {
  const content = texts.filter(Boolean).join('\n')
  if (!content) return 'pass'
  const verdict = await ctx.openapi.checkText(ctx.openid, content)
  if (verdict === 'risky') {
    throw new AppError('CONTENT_REJECTED', '内容可能含有不适宜公开的信息，请修改后再提交')
  }
  return verdict
}
