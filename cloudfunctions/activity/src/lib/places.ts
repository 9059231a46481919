// Places and the waitlist, right under any number of simultaneous taps.
//
// WeChat cloud transactions address single documents by id (no `where`, no count inside one), so
// count-then-insert cannot be made safe. Instead:
// - a sign-up takes its places with ONE conditional increment on the activity document
//   (`where({ _id, remaining >= party, waiting: 0, …open and eligible }).update(remaining - party)`):
//   the database applies it atomically, so confirmed people never exceed the capacity;
// - otherwise it joins the waitlist with one atomic `_.push` of a token onto the activity's
//   append-only `queue`: its index there is its arrival number, read back once;
// - the sign-up's `_id` is derived from activity and resident, so a second one is refused by the
//   unique `_id` (and what it took is given back);
// - a withdrawal gives places back inside a by-id transaction over the sign-up and the activity,
//   then promotion claims the earliest waitlisted sign-up that fits, each in its own by-id
//   transaction that re-checks both documents, retried on conflict.
import { randomBytes } from 'node:crypto'
import {
  first,
  getById,
  inContendedTransaction,
  readInTransaction,
  rows,
  updated,
} from '../../../../server/db'
import { conflict, forbidden, invalid, isDuplicateKey, notFound } from '../../../../server/errors'
import type { NotifyContext } from '../../../../server/messages'
import type { HouseholdDoc } from '../../../../server/models'
import type { Database } from '../../../../server/router'
import { dateTime } from '../../../../server/time'
import { tellPromoted } from './notify'
import {
  ACTIVITIES,
  buildSignUp,
  eligibilityKeys,
  positionOf,
  SIGN_UPS,
  signUpId,
  waitingTokens,
  waitToken,
  type ActivityDoc,
  type SignUpDoc,
} from './model'

export interface Ctx extends NotifyContext {
  db: Database
  now: Date
}

export const getActivity = (db: Database, id: string): Promise<ActivityDoc | null> =>
  getById<ActivityDoc>(db, ACTIVITIES, id)

export const getSignUp = (db: Database, id: string): Promise<SignUpDoc | null> =>
  getById<SignUpDoc>(db, SIGN_UPS, id)

const ageOfToken = (token: string, now: Date) => {
  const ms = parseInt(token.split('.')[0] ?? '', 36)
  return Number.isFinite(ms) ? now.getTime() - ms : 0
}

export interface SignUpRequest {
  activityId: string
  openid: string
  householdId: string | null
  name: string
  phone: string
  companions: { name: string }[]
}

export interface SignUpOutcome {
  doc: SignUpDoc
  position: number | null
  already: boolean
}

/**
 * Activities this function instance found full a moment ago: the next sign-up tries the
 * waitlist first (on condition that it is still full), saving the claim that would be refused.
 * A hint about order only; the conditions decide.
 */
const fullSeen = new Map<string, number>()
const FULL_HINT_MS = 5000

type Taken =
  | { kind: 'confirmed' }
  | { kind: 'waitlisted'; token: string; seq: number; position: number; freeAfter: number }
  | { kind: 'refused' }

/** One atomic decision: a place, else a place in the queue, else refused (closed, not eligible …). */
async function take(ctx: Ctx, req: SignUpRequest, party: number, keys: string[]): Promise<Taken> {
  const { db, now } = ctx
  const _ = db.command
  const open = {
    _id: req.activityId,
    status: 'published',
    signUpOpensAt: _.lte(now),
    signUpClosesAt: _.gt(now),
    maxCompanions: _.gte(party - 1),
    capacity: _.gte(party),
    eligible: _.in(keys),
  }
  const activities = db.collection(ACTIVITIES)
  const token = waitToken(now, randomBytes(3).toString('hex'))
  const claim = async () =>
    updated(
      activities
        .where({ ...open, remaining: _.gte(party), waiting: 0 })
        .update({ data: { remaining: _.inc(-party), taken: _.inc(party) } }),
    )
  // The queue is joined only when the place could not be claimed: after a refused claim, or
  // (when this instance saw the activity full a moment ago) on condition that it still is.
  const join = async (onlyIfFull: boolean) =>
    updated(
      activities
        .where(
          onlyIfFull ? _.and(open, _.or({ remaining: _.lt(party) }, { waiting: _.gt(0) })) : open,
        )
        .update({ data: { waiting: _.inc(1), queue: _.push([token]) } }),
    )
  const seenFull = (fullSeen.get(req.activityId) ?? 0) > now.getTime() - FULL_HINT_MS
  let queued = seenFull && (await join(true)) > 0
  if (!queued) {
    if (await claim()) {
      fullSeen.delete(req.activityId)
      return { kind: 'confirmed' }
    }
    queued = (await join(false)) > 0
    if (!queued) return { kind: 'refused' }
    fullSeen.set(req.activityId, now.getTime())
    if (fullSeen.size > 500) fullSeen.delete(fullSeen.keys().next().value as string)
  }
  const after = await first<Pick<ActivityDoc, 'queue' | 'left' | 'remaining'>>(
    activities.where({ _id: req.activityId }).field({ queue: true, left: true, remaining: true }),
  )
  const queue = after?.queue ?? []
  return {
    kind: 'waitlisted',
    token,
    seq: queue.indexOf(token) + 1,
    position: positionOf(token, queue, after?.left ?? []),
    freeAfter: after?.remaining ?? 0,
  }
}

/** Gives back what `take` took, when the sign-up could not be recorded. */
async function giveBack(ctx: Ctx, activityId: string, party: number, t: Taken): Promise<void> {
  const _ = ctx.db.command
  const doc = ctx.db.collection(ACTIVITIES).doc(activityId)
  if (t.kind === 'confirmed') {
    await doc.update({ data: { remaining: _.inc(party), taken: _.inc(-party) } })
    await promote(ctx, activityId)
  } else if (t.kind === 'waitlisted') {
    await doc.update({ data: { waiting: _.inc(-1), left: _.push([t.token]) } })
  }
}

/** Why `take` refused, in words; null when nothing forbids it (a race: try again). */
async function whyRefused(
  ctx: Ctx,
  req: SignUpRequest,
  party: number,
  keys: string[],
): Promise<{ a: ActivityDoc; error: Error | null }> {
  const a = await getActivity(ctx.db, req.activityId)
  if (!a) throw notFound('这个活动')
  const now = ctx.now.getTime()
  let error: Error | null = null
  if (a.status === 'cancelled') error = conflict('这个活动已经取消了')
  else if (now < a.signUpOpensAt.getTime())
    error = conflict(`还没开始报名，${dateTime(a.signUpOpensAt)} 开始`)
  else if (now >= a.signUpClosesAt.getTime()) error = conflict('报名已经截止了')
  else if (party - 1 > a.maxCompanions)
    error = invalid(
      a.maxCompanions ? `这个活动每人最多带 ${a.maxCompanions} 位同行人` : '这个活动不能带同行人',
    )
  else if (party > a.capacity) error = invalid(`这个活动一共只有 ${a.capacity} 个名额`)
  else if (!a.eligible.some((k) => keys.includes(k))) {
    error = forbidden(`这个活动只限${a.audienceLabel}报名`)
  }
  return { a, error }
}

async function householdKeys(ctx: Ctx, householdId: string): Promise<string[]> {
  return eligibilityKeys(await getById<HouseholdDoc>(ctx.db, 'households', householdId))
}

/**
 * Records the sign-up `take` decided. A resident who already has one is told how it stands (what
 * this attempt took is given back); one who withdrew before signs up again on the same document.
 */
async function record(
  ctx: Ctx,
  req: SignUpRequest,
  t: Exclude<Taken, { kind: 'refused' }>,
): Promise<SignUpOutcome> {
  const doc = buildSignUp({
    activity: { _id: req.activityId },
    openid: req.openid,
    householdId: req.householdId,
    name: req.name,
    phone: req.phone,
    companions: req.companions,
    status: t.kind,
    token: t.kind === 'waitlisted' ? t.token : null,
    seq: t.kind === 'waitlisted' ? t.seq : null,
    now: ctx.now,
  })
  const position = t.kind === 'waitlisted' ? t.position : null
  try {
    await ctx.db.collection(SIGN_UPS).add({ data: doc })
    return { doc, position, already: false }
  } catch (err) {
    if (!isDuplicateKey(err)) {
      await giveBack(ctx, req.activityId, doc.party, t).catch(() => undefined)
      throw err
    }
  }
  const existing = await getSignUp(ctx.db, doc._id)
  if (existing && (existing.status === 'withdrawn' || existing.status === 'no_show')) {
    const _ = ctx.db.command
    const { _id, history, createdAt: _createdAt, ...fresh } = doc
    const again = await updated(
      ctx.db
        .collection(SIGN_UPS)
        .where({ _id, status: existing.status, updatedAt: existing.updatedAt })
        .update({ data: { ...fresh, history: _.push(history) } }),
    )
    if (again)
      return {
        doc: { ...doc, history: [...existing.history, ...history] },
        position,
        already: false,
      }
  }
  await giveBack(ctx, req.activityId, doc.party, t)
  const now = existing ?? (await getSignUp(ctx.db, doc._id))
  if (!now) throw conflict('报名没有成功，请再试一次')
  return { doc: now, position: await positionOfSignUp(ctx.db, now), already: true }
}

/** 报名: a place if one is free and nobody waits, else the waitlist, in arrival order. */
export async function signUp(ctx: Ctx, req: SignUpRequest): Promise<SignUpOutcome> {
  const party = 1 + req.companions.length
  // A resident's community, estate and building decide which activities they may join.
  const keys = req.householdId ? await householdKeys(ctx, req.householdId) : ['all']
  for (let attempt = 0; attempt < 4; attempt++) {
    const t = await take(ctx, req, party, keys)
    if (t.kind === 'refused') {
      const why = await whyRefused(ctx, req, party, keys)
      if (why.error) throw why.error
      continue
    }
    const outcome = await record(ctx, req, t)
    // Joined the queue while places were free (someone withdrew a moment ago, or only larger
    // parties wait): let promotion decide who fits, in order.
    if (t.kind === 'waitlisted' && t.freeAfter > 0 && !outcome.already) {
      const promoted = await promote(ctx, req.activityId)
      const me = promoted.find((s) => s._id === outcome.doc._id)
      if (me) return { doc: me, position: null, already: false }
      const fresh = await getSignUp(ctx.db, outcome.doc._id)
      if (fresh)
        return { doc: fresh, position: await positionOfSignUp(ctx.db, fresh), already: false }
    }
    return outcome
  }
  throw conflict('报名的人太多了，请稍后再试')
}

/** 候补第 N 位 of a waitlisted sign-up, now; null otherwise. */
export async function positionOfSignUp(db: Database, s: SignUpDoc): Promise<number | null> {
  if (s.status !== 'waitlisted' || !s.token) return null
  const a = await first<Pick<ActivityDoc, 'queue' | 'left'>>(
    db.collection(ACTIVITIES).where({ _id: s.activityId }).field({ queue: true, left: true }),
  )
  return a ? positionOf(s.token, a.queue, a.left) : null
}

export interface Withdrawn {
  was: 'confirmed' | 'waitlisted'
  signUp: SignUpDoc
  promoted: SignUpDoc[]
}

/** Withdraw (until the withdraw deadline) or leave the waitlist; places go to the waitlist. */
export async function withdraw(ctx: Ctx, activityId: string, openid: string): Promise<Withdrawn> {
  const sid = signUpId(activityId, openid)
  const now = ctx.now
  const _ = ctx.db.command
  const { was, signUp: left } = await inContendedTransaction(ctx.db, async (t) => {
    const s = await readInTransaction<SignUpDoc>(t, SIGN_UPS, sid)
    if (!s) throw notFound('您在这个活动的报名')
    if (s.status !== 'confirmed' && s.status !== 'waitlisted') {
      throw conflict(s.status === 'withdrawn' ? '您已经退出了' : '现在不能退出了')
    }
    const a = await readInTransaction<ActivityDoc>(t, ACTIVITIES, activityId)
    if (!a) throw notFound('这个活动')
    if (now.getTime() >= a.startAt.getTime()) throw conflict('活动已经开始，不能退出了')
    if (s.status === 'confirmed' && now.getTime() > a.withdrawBy.getTime()) {
      throw conflict(`已过退出截止时间（${dateTime(a.withdrawBy)}），有事请打 ${a.contactPhone}`)
    }
    const what = s.status === 'confirmed' ? '退出' : '退出候补'
    await t
      .collection(SIGN_UPS)
      .doc(sid)
      .update({
        data: {
          status: 'withdrawn',
          updatedAt: now,
          history: _.push([{ at: now, what, by: openid }]),
        },
      })
    await t
      .collection(ACTIVITIES)
      .doc(activityId)
      .update({
        data:
          s.status === 'confirmed'
            ? { remaining: _.inc(s.party), taken: _.inc(-s.party), updatedAt: now }
            : { waiting: _.inc(-1), left: _.push([s.token ?? '']), updatedAt: now },
      })
    return { was: s.status, signUp: s }
  })
  const promoted = was === 'confirmed' ? await promote(ctx, activityId) : []
  return { was, signUp: { ...left, status: 'withdrawn' }, promoted }
}

const BATCH = 20
/** A token whose sign-up was never written (its request died) stops blocking after this. */
const ABANDONED_MS = 60_000

/**
 * Promotes waitlisted sign-ups while places are free: each time the earliest one whose party fits
 * (a party of 3 does not take 1 place), claimed in a by-id transaction that re-checks the
 * sign-up and the activity; a lost race reads again. Each promotion is messaged 候补成功.
 */
export async function promote(ctx: Ctx, activityId: string, limit = 100): Promise<SignUpDoc[]> {
  const { db, now } = ctx
  const _ = db.command
  const promoted: SignUpDoc[] = []
  for (let round = 0; round < limit; round++) {
    const a = await getActivity(db, activityId)
    if (!a || a.status !== 'published' || a.waiting <= 0 || a.remaining <= 0) break
    if (now.getTime() >= a.startAt.getTime()) break
    const tokens = waitingTokens(a.queue, a.left)
    let pick: SignUpDoc | null = null
    let abandoned: string | null = null
    let blocked = false
    for (let k = 0; k < tokens.length && !pick && !blocked && !abandoned; k += BATCH) {
      const batch = tokens.slice(k, k + BATCH)
      const docs = await rows<SignUpDoc>(
        db
          .collection(SIGN_UPS)
          .where({ activityId, token: _.in(batch) })
          .limit(BATCH),
      )
      const byToken = new Map(docs.map((d) => [d.token, d]))
      for (const token of batch) {
        const d = byToken.get(token)
        if (!d) {
          // not written yet (its own sign-up will promote it), or its request died
          if (ageOfToken(token, now) > ABANDONED_MS) abandoned = token
          else blocked = true
          break
        }
        if (d.status === 'waitlisted' && d.party <= a.remaining) {
          pick = d
          break
        }
      }
    }
    if (abandoned) {
      const gone = abandoned
      await inContendedTransaction(db, async (t) => {
        const cur = await readInTransaction<ActivityDoc>(t, ACTIVITIES, activityId)
        if (!cur || cur.left.includes(gone)) return
        await t
          .collection(ACTIVITIES)
          .doc(activityId)
          .update({ data: { waiting: _.inc(-1), left: _.push([gone]) } })
      })
      continue
    }
    if (!pick) break
    const candidate = pick
    const done = await inContendedTransaction(db, async (t) => {
      const s = await readInTransaction<SignUpDoc>(t, SIGN_UPS, candidate._id)
      if (!s || s.status !== 'waitlisted' || s.token !== candidate.token) return null
      const cur = await readInTransaction<ActivityDoc>(t, ACTIVITIES, activityId)
      if (!cur || cur.status !== 'published' || cur.remaining < s.party) return null
      await t
        .collection(SIGN_UPS)
        .doc(s._id)
        .update({
          data: {
            status: 'confirmed',
            updatedAt: now,
            history: _.push([{ at: now, what: '候补成功', by: 'system' }]),
          },
        })
      await t
        .collection(ACTIVITIES)
        .doc(activityId)
        .update({
          data: {
            remaining: _.inc(-s.party),
            taken: _.inc(s.party),
            waiting: _.inc(-1),
            left: _.push([s.token ?? '']),
            updatedAt: now,
          },
        })
      return { ...s, status: 'confirmed' as const }
    })
    if (done) {
      promoted.push(done)
      await tellPromoted(ctx, a, done)
    }
  }
  return promoted
}
