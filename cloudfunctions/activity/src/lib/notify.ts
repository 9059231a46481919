// What the activity domain tells people: in 消息 always, and as a subscribe message while they
// have one left (asked for inside the 报名 tap).
import { clip, notify, type Notice, type NotifyContext } from '../../../../server/messages'
import { dateTime } from '../../../../server/time'
import { pageUrl } from '../../../../src/contract/pages'
import type { ActivityDoc, SignUpDoc } from './model'

export const templateId = (): string =>
  process.env.TMPL_ACTIVITY_REMINDER || 'local-activity-reminder'

type About = Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'place'>

/** One notice about an activity to one person, with its subscribe-message push. */
export function activityNotice(a: About, openid: string, title: string, body: string): Notice {
  const link = pageUrl('activityDetail', { id: a._id })
  return {
    openid,
    kind: 'activity',
    title,
    body,
    refId: a._id,
    link,
    push: {
      templateId: templateId(),
      page: link,
      data: {
        thing1: { value: clip(a.title, 20) },
        time2: { value: dateTime(a.startAt) },
        thing3: { value: clip(a.place, 20) },
        thing4: { value: clip(title, 20) },
      },
    },
  }
}

export const when = (a: Pick<ActivityDoc, 'startAt' | 'place'>) =>
  `${dateTime(a.startAt)} 在 ${a.place}`

export async function tellPromoted(ctx: NotifyContext, a: About, s: SignUpDoc): Promise<void> {
  await notify(ctx, [
    activityNotice(
      a,
      s.openid,
      '候补成功',
      `您报名的「${a.title}」候补成功，已为您留好名额：${when(a)}，请准时参加。`,
    ),
  ])
}

export { notify }
