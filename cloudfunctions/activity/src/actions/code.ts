import { handler } from '../../../../server/router'
import { activity, ACTIVITY_SCENE_PREFIX } from '../../../../src/contract/activity'
import { managedActivity } from '../lib/scope'

/** The page a scanned code opens; it reads `scene` in onLoad and hands `a=` on to check-in. */
export const SCAN_PAGE = 'pages/index/index'

/** The activity's code (scene `a=<activityId>`), to print or show on a screen for check-in. */
export const code = handler(activity.code, ['staff'], async ({ activityId }, ctx) => {
  const a = await managedActivity(ctx, activityId)
  const scene = `${ACTIVITY_SCENE_PREFIX}${a._id}`
  const png = await ctx.openapi.miniProgramCode(scene, SCAN_PAGE)
  return {
    scene,
    page: SCAN_PAGE,
    title: a.title,
    dataUrl: `data:image/png;base64,${png.toString('base64')}`,
  }
})
