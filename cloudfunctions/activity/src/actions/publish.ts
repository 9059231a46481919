import { randomBytes } from 'node:crypto'
import { requireStaffOf } from '../../../../server/access'
import { checkContent } from '../../../../server/content'
import { rows } from '../../../../server/db'
import { invalid, notFound } from '../../../../server/errors'
import type { BuildingDoc, CommunityDoc, EstateDoc } from '../../../../server/models'
import { handler, type ActionContext } from '../../../../server/router'
import { DAY } from '../../../../server/time'
import { requireOwnImages } from '../../../../server/uploads'
import { activity, type Audience } from '../../../../src/contract/activity'
import { ACTIVITIES, buildActivity } from '../lib/model'

export const newActivityId = () => `act-${randomBytes(6).toString('hex')}`

export interface Times {
  startAt: number
  endAt: number
  signUpOpensAt: number
  signUpClosesAt: number
  withdrawBy: number
}

/** The order the times must keep; refused in words otherwise. */
export function checkTimes(t: Times, now: Date): void {
  if (t.endAt <= t.startAt) throw invalid('结束时间要晚于开始时间')
  if (t.endAt - t.startAt > DAY) throw invalid('一次活动最长 24 小时')
  if (t.startAt <= now.getTime()) throw invalid('开始时间已经过了')
  if (t.signUpClosesAt <= t.signUpOpensAt) throw invalid('报名截止要晚于报名开始')
  if (t.signUpClosesAt > t.startAt) throw invalid('报名截止不能晚于活动开始')
  if (t.withdrawBy > t.startAt) throw invalid('退出截止不能晚于活动开始')
}

/** Checks the audience belongs to the community and says it in words. */
export async function audienceLabel(
  ctx: ActionContext,
  communityId: string,
  audience: Audience,
): Promise<string> {
  const _ = ctx.db.command
  if (audience.kind === 'community') return '本社区居民和志愿者'
  if (audience.kind === 'estate') {
    const [e] = await rows<EstateDoc>(
      ctx.db.collection('estates').where({ _id: audience.estateId, communityId }).limit(1),
    )
    if (!e) throw invalid('这个小区不在本社区')
    return `${e.name}居民`
  }
  const ids = [...new Set(audience.buildingIds)]
  const found = await rows<BuildingDoc>(
    ctx.db
      .collection('buildings')
      .where({ _id: _.in(ids), communityId })
      .limit(100),
  )
  if (found.length !== ids.length) throw invalid('有楼栋不在本社区')
  const byId = new Map(found.map((b) => [b._id, b]))
  const names = ids.map((id) => byId.get(id)).filter((b): b is BuildingDoc => Boolean(b))
  return `${names[0].estateName} ${names.map((b) => b.name).join('、')}居民`
}

/** 发布: one activity, or a weekly series of `repeatWeeks` in one go. */
export const publish = handler(activity.publish, ['staff'], async (input, ctx) => {
  requireStaffOf(ctx.user, input.communityId)
  checkTimes(input, ctx.now)
  if (input.cover) requireOwnImages([input.cover], ctx.openid)
  const [communities, label] = await Promise.all([
    rows<CommunityDoc>(ctx.db.collection('communities').where({ _id: input.communityId }).limit(1)),
    audienceLabel(ctx, input.communityId, input.audience),
  ])
  const community = communities[0]
  if (!community) throw notFound('这个社区')
  await checkContent(
    ctx,
    `${input.title}\n${input.place}\n${input.description}`,
    input.cover ? [input.cover] : [],
  )
  const weeks = input.repeatWeeks ?? 1
  const ids = Array.from({ length: weeks }, newActivityId)
  const shift = (ms: number, i: number) => new Date(ms + i * 7 * DAY)
  const docs = ids.map((id, i) =>
    buildActivity({
      _id: id,
      communityId: community._id,
      communityName: community.name,
      title: input.title,
      theme: input.theme,
      cover: input.cover ?? null,
      description: input.description,
      place: input.place,
      startAt: shift(input.startAt, i),
      endAt: shift(input.endAt, i),
      signUpOpensAt: shift(input.signUpOpensAt, i),
      signUpClosesAt: shift(input.signUpClosesAt, i),
      withdrawBy: shift(input.withdrawBy, i),
      capacity: input.capacity,
      hours: input.hours,
      points: input.points,
      audience: input.audience,
      audienceLabel: label,
      maxCompanions: input.maxCompanions,
      contactPhone: input.contactPhone,
      seriesId: weeks > 1 ? ids[0] : null,
      seriesIndex: i + 1,
      createdBy: ctx.openid,
      now: ctx.now,
    }),
  )
  await ctx.db.collection(ACTIVITIES).add({ data: docs.length === 1 ? docs[0] : docs })
  return { ids }
})
