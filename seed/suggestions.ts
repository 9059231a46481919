// Writes the demo suggestions (seed/data/suggestions.ts) as the actions would have: each plan's
// steps go through the suggestion domain's own builders (changes.ts for the document and its
// timeline, write.ts and the reminder timer for the messages, the points ledger's replay for the
// 金点子), so the demo data cannot drift from what the functions write.
import {
  applied,
  goldenChange,
  goldenPosting,
  HANDLER_ACTORS,
  newSuggestion,
  publishChange,
  rateChange,
  reopenChange,
  replyChange,
  residentActor,
  STATUS_TITLES,
  statusChange,
  type Change,
} from '../cloudfunctions/suggestion/src/lib/changes'
import type {
  CommentDoc,
  SecondDoc,
  SuggestionDoc,
} from '../cloudfunctions/suggestion/src/lib/model'
import type { Notice } from '../cloudfunctions/suggestion/src/lib/notify'
import { overdueNotice } from '../cloudfunctions/suggestion/src/timers/remind'
import { newSuggestionNotice, toSubmitter } from '../cloudfunctions/suggestion/src/lib/write'
import { privateKey } from '../server/keys'
import { messageDocs, type MessageDoc } from '../server/messages'
import type { BuildingDoc, HouseholdDoc, UserDoc } from '../server/models'
import { replay, type PointsAccountDoc, type PointsLedgerDoc, type Posting } from '../server/points'
import { shortDate } from '../server/time'
import { STATUS_LABELS } from '../src/contract/suggestion'
import { DONGFANG, LONGHAI, SEED_LIAISON, type Plan } from './data/suggestions'

const HOUR = 3600_000
const DAY = 24 * HOUR

export const SEED_LIAISON_OPENID = SEED_LIAISON.openid

function seedLiaison(now: Date): UserDoc {
  const { openid, householdId, communityId, buildingIds, title } = SEED_LIAISON
  return {
    _id: openid,
    openid,
    householdId,
    roles: [{ role: 'liaison', communityId, buildingIds: [...buildingIds], title }],
    createdAt: new Date(now.getTime() - 60 * DAY),
    updatedAt: new Date(now.getTime() - 60 * DAY),
  }
}

export interface SuggestionSeed {
  users: UserDoc[]
  suggestions: SuggestionDoc[]
  suggestionComments: (CommentDoc & { _id: string })[]
  suggestionSeconds: SecondDoc[]
  messages: (MessageDoc & { _id: string })[]
  pointsAccounts: PointsAccountDoc[]
  pointsLedger: PointsLedgerDoc[]
}

/** The openid a comment's author has: the demo personas by their household, others by theirs. */
function commenterOf(household: string): string {
  if (household === 'LH-1-2-301') return 'demo-resident'
  if (household === 'LH-3-1-502') return 'demo-neighbour'
  return `seed-${household.toLowerCase()}`
}

/** The demo's suggestions and everything that hangs off them, for a given "now". */
export function suggestionsSeed(
  now: Date,
  places: { households: HouseholdDoc[]; buildings: BuildingDoc[] },
): SuggestionSeed {
  const households = new Map(places.households.map((h) => [h._id, h]))
  const buildings = new Map(places.buildings.map((b) => [b._id, b]))
  const out: SuggestionSeed = {
    users: [seedLiaison(now)],
    suggestions: [],
    suggestionComments: [],
    suggestionSeconds: [],
    messages: [],
    pointsAccounts: [],
    pointsLedger: [],
  }
  const postings: Posting[] = []
  const at = (created: Date, h: number) => new Date(created.getTime() + h * HOUR)
  const message = (n: Notice, when: Date) => {
    const [doc] = messageDocs([{ ...n, push: undefined }], when)
    // Older messages have been read; the last two days' are waiting.
    out.messages.push({
      ...doc,
      _id: `seed-m${String(out.messages.length + 1).padStart(3, '0')}`,
      read: now.getTime() - when.getTime() > 2 * DAY,
    })
  }

  const plans: Plan[] = [...LONGHAI, ...DONGFANG]
  plans.forEach((p, i) => {
    const household = households.get(p.household)
    if (!household) throw new Error(`seed suggestion ${i + 1}: no household ${p.household}`)
    const building = buildings.get(p.building ?? household.buildingId)
    if (!building) throw new Error(`seed suggestion ${i + 1}: no building ${p.building}`)
    const created = new Date(now.getTime() - p.age * HOUR)
    const id = `seed-s${String(i + 1).padStart(2, '0')}`
    let s = newSuggestion({
      id,
      no: `${shortDate(created)}-${String(1000 + ((i * 7919) % 9000)).padStart(4, '0')}`,
      openid: p.openid,
      building,
      household,
      category: p.category,
      text: p.text,
      images: [],
      voice: null,
      contactPhone: p.phone ?? null,
      anonymous: Boolean(p.anonymous),
      contentCheck: 'pass',
      now: created,
    })
    // Only the demo personas read their messages; other submitters' would never be seen.
    const tellSubmitter = (when: Date, n: Notice) => {
      if (p.openid.startsWith('demo-')) message(n, when)
    }
    const apply = (c: Change, when: Date) => {
      s = applied(s, c, when)
    }

    for (const step of p.steps ?? []) {
      const when = at(created, step.h)
      if (when > now) throw new Error(`seed suggestion ${id}: a step lies in the future`)
      if ('to' in step) {
        const note = step.note ?? ''
        apply(statusChange(s, step.to, HANDLER_ACTORS[step.by ?? 'liaison'], note, [], when), when)
        const title = STATUS_TITLES[step.to] || STATUS_LABELS[step.to]
        tellSubmitter(when, toSubmitter(s, 'status', title, note))
      } else if ('reply' in step) {
        const by = step.by === 'resident' ? residentActor(s) : HANDLER_ACTORS[step.by]
        apply(replyChange(by, step.reply, [], when), when)
        if (step.by !== 'resident') {
          tellSubmitter(when, toSubmitter(s, 'reply', '您的建议有新回复', step.reply))
        }
      } else if ('reopen' in step) {
        apply(reopenChange(s, step.reopen, when), when)
      } else if ('publish' in step) {
        apply(publishChange(true, HANDLER_ACTORS.staff, when), when)
        tellSubmitter(
          when,
          toSubmitter(s, 'status', '您的建议已在议事长廊公开', '邻居们可以附议和留言了', false),
        )
      } else if ('rate' in step) {
        apply(rateChange(s, step.rate, step.comment, when), when)
      } else {
        apply(goldenChange(step.golden, HANDLER_ACTORS.staff, when), when)
        // an anonymous one's key follows from it without naming it, as the action's does
        const anonymousKey = privateKey('golden', id)
        postings.push(
          goldenPosting(s, household._id, step.golden, 'demo-staff', when, anonymousKey),
        )
        tellSubmitter(
          when,
          toSubmitter(s, 'golden', '您的建议被评为金点子', `奖励您家 ${step.golden} 积分`),
        )
      }
    }

    if (s.published) {
      const publishedAt = s.publishedAt as Date
      const seconders = [...(p.seconders ?? [])]
      for (let n = 1; seconders.length < (p.seconds ?? 0); n++)
        seconders.push(`seed-neighbour-${s.communityId}-${n}`)
      seconders.forEach((openid, n) => {
        out.suggestionSeconds.push({
          _id: `${id}_${openid}`,
          suggestionId: id,
          openid,
          createdAt: new Date(
            Math.min(now.getTime(), publishedAt.getTime() + (n + 1) * 37 * 60_000),
          ),
        })
      })
      s = { ...s, seconds: seconders.length }
      ;(p.comments ?? []).forEach((c, n) => {
        const author = households.get(c.household)
        if (!author) throw new Error(`seed comment: no household ${c.household}`)
        const when = at(created, c.h)
        out.suggestionComments.push({
          _id: `${id}-c${n + 1}`,
          suggestionId: id,
          communityId: s.communityId,
          openid: commenterOf(c.household),
          buildingName: author.buildingName,
          text: c.text,
          createdAt: when,
        })
        if (author._id !== household._id) {
          tellSubmitter(when, {
            ...toSubmitter(
              s,
              'comment',
              '邻居在议事长廊给您的建议留言',
              `${author.buildingName}居民：${c.text}`,
              false,
            ),
          })
        }
      })
    }

    // The reminder timer's earlier runs: what it already reminded the liaisons of.
    if (p.reminded === 'accept') s = { ...s, remindedAccept: 'seed-run' }
    if (p.reminded === 'resolve') s = { ...s, remindedResolve: 'seed-run' }

    // The demo liaison was told of each new suggestion in their buildings, and reminded.
    if (s.buildingId === 'LH-1' || s.buildingId === 'LH-2') {
      if (p.openid !== 'demo-liaison' && now.getTime() - created.getTime() < 7 * DAY) {
        message(newSuggestionNotice(s, 'demo-liaison'), created)
      }
      if (p.reminded === 'accept') {
        message(overdueNotice('demo-liaison', [{ kind: 'accept', s }]), s.acceptDueAt)
      }
    }
    out.suggestions.push(s)
  })

  const points = replay(postings)
  out.pointsAccounts = points.accounts
  out.pointsLedger = points.ledger
  return out
}
