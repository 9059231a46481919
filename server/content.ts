// The content security checks (msgSecCheck for text, imgSecCheck for photos) in front of everything
// residents and handlers write.
import { AppError } from './errors'
import type { CheckVerdict } from './openapi'
import type { ActionContext } from './router'

/**
 * The text and every photo checked at once; 'risky' is refused before anything is written, and
 * 'review' (let through, marked for staff to look at) wins over 'pass'.
 */
export async function checkContent(
  ctx: ActionContext,
  text: string | undefined,
  images: readonly string[] = [],
): Promise<'pass' | 'review'> {
  const [textVerdict, ...imageVerdicts] = await Promise.all<CheckVerdict>([
    text ? ctx.openapi.checkText(ctx.openid, text) : 'pass',
    ...[...new Set(images)].map((id) => ctx.openapi.checkImage(id)),
  ])
  if (textVerdict === 'risky') {
    throw new AppError('CONTENT_REJECTED', '内容可能含有不适宜公开的信息，请修改后再提交')
  }
  if (imageVerdicts.includes('risky')) {
    throw new AppError('CONTENT_REJECTED', '有照片可能含有不适宜公开的内容，请换一张再提交')
  }
  return textVerdict === 'review' || imageVerdicts.includes('review') ? 'review' : 'pass'
}
