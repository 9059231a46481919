import { createHash, randomBytes, randomInt } from 'node:crypto'
import { AppError, isDuplicateKey } from '../../../../server/errors'
import type { HouseholdDoc } from '../../../../server/models'
import { getBuilding, householdView } from '../../../../server/places'
import { handler, type ActionContext } from '../../../../server/router'
import {
  ACCEPT_WITHIN_HOURS,
  DAILY_SUBMIT_LIMIT,
  RESOLVE_WITHIN_DAYS,
  suggestion,
} from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { duplicateIndex, updated } from '../../../../server/db'
import { anonymise, discard, requireOwnFile, requireOwnImages } from '../../../../server/uploads'
import { getSuggestion } from '../lib/load'
import { QUOTAS, SUGGESTIONS, type QuotaDoc, type SuggestionDoc } from '../lib/model'
import { detailLink, notifyHandlers } from '../lib/notify'
import { callerHousehold, residentActor } from '../lib/scope'
import { addMs, DAY, dayKey, HOUR, shortDate } from '../../../../server/time'
import { excerpt } from '../lib/views'

/**
 * 250315-4827: the UTC+8 date and a random number, unique by index. No shared counter document,
 * so submissions never queue behind each other; after repeated collisions the number grows.
 */
export function suggestionNo(now: Date, attempt: number): string {
  const digits = attempt < 3 ? 4 : 6
  return `${shortDate(now)}-${String(randomInt(0, 10 ** digits)).padStart(digits, '0')}`
}

/** A retried submit carries the same clientToken and so gets the same id (and hits `_id`'s index). */
const suggestionId = (openid: string, clientToken: string | undefined): string =>
  clientToken
    ? createHash('sha256').update(`${openid}:${clientToken}`).digest('hex').slice(0, 24)
    : randomBytes(12).toString('hex')

const rateLimited = () =>
  new AppError('RATE_LIMITED', `每人每天最多提交 ${DAILY_SUBMIT_LIMIT} 条建议，请明天再来`)

/**
 * Takes one of today's submissions from the caller's quota with a conditional increment, which
 * the database applies atomically: concurrent submits can never take more than the limit.
 */
async function claimQuota(ctx: ActionContext): Promise<string> {
  const _ = ctx.db.command
  const day = dayKey(ctx.now)
  const id = `${ctx.openid}_${day}`
  const bump = () =>
    updated(
      ctx.db
        .collection(QUOTAS)
        .where({ _id: id, count: _.lt(DAILY_SUBMIT_LIMIT) })
        .update({ data: { count: _.inc(1), updatedAt: ctx.now } }),
    )
  if (await bump()) return id
  const first: QuotaDoc = { _id: id, openid: ctx.openid, day, count: 1, updatedAt: ctx.now }
  try {
    await ctx.db.collection(QUOTAS).add({ data: first })
    return id
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
  // Someone else created today's quota first (or it is full): try the increment once more.
  if (await bump()) return id
  throw rateLimited()
}

async function releaseQuota(ctx: ActionContext, id: string): Promise<void> {
  const _ = ctx.db.command
  try {
    await ctx.db
      .collection(QUOTAS)
      .where({ _id: id, count: _.gt(0) })
      .update({ data: { count: _.inc(-1) } })
  } catch (err) {
    console.error('[suggestion.submit] quota release', err)
  }
}

async function insert(ctx: ActionContext, doc: SuggestionDoc): Promise<SuggestionDoc> {
  for (let attempt = 0; ; attempt++) {
    const withNo = { ...doc, no: suggestionNo(ctx.now, attempt) }
    try {
      await ctx.db.collection(SUGGESTIONS).add({ data: withNo })
      return withNo
    } catch (err) {
      if (duplicateIndex(err) === 'no_unique' && attempt < 6) continue
      throw err
    }
  }
}

/** Anyone identified may submit (a young resident who just scanned the box may not have bound a household). */
export const submit = handler(suggestion.submit, 'anyone', async (input, ctx) => {
  requireOwnImages(input.images, ctx.openid)
  if (input.voice) requireOwnFile(input.voice.fileId, ctx.openid, '只能使用您自己录的语音')
  const [building, household, verdict] = await Promise.all([
    getBuilding(ctx.db, input.buildingId),
    callerHousehold(ctx),
    checkContent(ctx, input.text, input.images),
  ])
  const id = suggestionId(ctx.openid, input.clientToken)
  const images = [...new Set(input.images)]
  let stored: SuggestionDoc
  let moved: string[] = []
  try {
    const quota = await claimQuota(ctx)
    try {
      // an anonymous resident's voice note leaves their folder too, like their photos
      const files = input.voice ? [...images, input.voice.fileId] : images
      if (input.anonymous) moved = await anonymise(files)
      const kept = input.anonymous ? moved : files
      const voice = input.voice
        ? { fileId: kept[kept.length - 1], seconds: input.voice.seconds }
        : null
      stored = await insert(
        ctx,
        draft(ctx, id, input, building, household, kept.slice(0, images.length), verdict, voice),
      )
    } catch (err) {
      await Promise.all([releaseQuota(ctx, quota), discard(moved)])
      throw err
    }
  } catch (err) {
    // A retried submit (same clientToken) returns what the first one stored.
    if (input.clientToken && (err instanceof AppError || duplicateIndex(err) !== null)) {
      const existing = await getSuggestion(ctx, id)
      if (existing && existing.openid === ctx.openid) return { id: existing._id, no: existing.no }
    }
    throw err
  }

  const s = stored
  await Promise.all([
    input.anonymous
      ? discard(input.voice ? [...images, input.voice.fileId] : images)
      : Promise.resolve(),
    notifyHandlers(ctx, s, ctx.openid, (u) => ({
      openid: u.openid,
      kind: 'new',
      title: `新建议 ${s.no}`,
      body: `${s.estateName} ${s.buildingName} · ${s.category}：${excerpt(s.text, 40)}`,
      refId: s._id,
      link: detailLink(s._id),
      push: {
        no: s.no,
        subject: `${s.category}：${s.text}`,
        state: '待受理',
        note: `${s.buildingName}有新建议，请及时受理`,
      },
    })),
  ])
  return { id: stored._id, no: stored.no }
})

function draft(
  ctx: ActionContext,
  id: string,
  input: {
    category: SuggestionDoc['category']
    text: string
    contactPhone: string | null
    anonymous: boolean
  },
  building: Awaited<ReturnType<typeof getBuilding>>,
  household: HouseholdDoc | null,
  images: string[],
  verdict: 'pass' | 'review',
  voice: SuggestionDoc['voice'] = null,
): SuggestionDoc {
  const now = ctx.now
  const doc: SuggestionDoc = {
    _id: id,
    no: '',
    openid: ctx.openid,
    householdId: household?._id ?? null,
    householdLabel: household ? householdView(household).label : null,
    anonymous: input.anonymous,
    contactPhone: input.contactPhone,
    communityId: building.communityId,
    communityName: building.communityName,
    estateId: building.estateId,
    estateName: building.estateName,
    buildingId: building._id,
    buildingName: building.name,
    category: input.category,
    text: input.text,
    images,
    voice,
    status: 'submitted',
    acceptDueAt: addMs(now, ACCEPT_WITHIN_HOURS * HOUR),
    resolveDueAt: addMs(now, RESOLVE_WITHIN_DAYS * DAY),
    acceptedAt: null,
    resolvedAt: null,
    timeline: [],
    result: null,
    decision: null,
    rating: null,
    seconds: 0,
    published: false,
    publishedAt: null,
    golden: false,
    contentCheck: verdict,
    remindedAccept: null,
    remindedResolve: null,
    createdAt: now,
    updatedAt: now,
  }
  doc.timeline.push({ at: now, kind: 'submitted', by: residentActor(doc), to: 'submitted' })
  return doc
}
