import { createHash, randomBytes, randomInt } from 'node:crypto'
import { AppError, isDuplicateKey } from '../../../../server/errors'
import { getBuilding } from '../../../../server/places'
import { handler, type ActionContext } from '../../../../server/router'
import { DAILY_SUBMIT_LIMIT, suggestion } from '../../../../src/contract/suggestion'
import { checkContent } from '../../../../server/content'
import { duplicateIndex, updated } from '../../../../server/db'
import { anonymise, discard, requireOwnFile, requireOwnImages } from '../../../../server/uploads'
import { newSuggestion } from '../lib/changes'
import { getSuggestion } from '../lib/load'
import { QUOTAS, SUGGESTIONS, type QuotaDoc, type SuggestionDoc } from '../lib/model'
import { notifyHandlers } from '../lib/notify'
import { newSuggestionNotice } from '../lib/write'
import { callerHousehold } from '../lib/scope'
import { dayKey, shortDate } from '../../../../server/time'

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
      if (input.anonymous) moved = await anonymise(images)
      stored = await insert(
        ctx,
        newSuggestion({
          id,
          no: '',
          openid: ctx.openid,
          building,
          household,
          category: input.category,
          text: input.text,
          images: input.anonymous ? moved : images,
          // never on an anonymous one (the schema refuses the pair): a voice can be recognised
          voice: input.voice,
          contactPhone: input.contactPhone,
          anonymous: input.anonymous,
          contentCheck: verdict,
          now: ctx.now,
        }),
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
    input.anonymous ? discard(images) : Promise.resolve(),
    notifyHandlers(ctx, s, ctx.openid, (u) => newSuggestionNotice(s, u.openid)),
  ])
  return { id: stored._id, no: stored.no }
})
