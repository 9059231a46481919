// Reminds liaisons (or, for a building without one, the community's staff) of overdue suggestions,
// at most once per suggestion per overdue kind.
import { randomBytes } from 'node:crypto'
import { rows, updated } from '../../../../server/db'
import type { OpenApiPort } from '../../../../server/openapi'
import type { Database } from '../../../../server/router'
import { OVERDUE_LABELS, SUGGESTION_PAGES } from '../../../../src/contract/suggestion'
import { QUOTAS, SUGGESTIONS, WORKING_STATUSES, type SuggestionDoc } from '../lib/model'
import { handlersToTell, notify, tellWhom, type Notice } from '../lib/notify'
import { DAY, dayKey } from '../../../../server/time'

export interface RemindResult {
  /** suggestions newly found not accepted in time / not resolved in time */
  accept: number
  resolve: number
  /** people reminded (one message each, however many suggestions) */
  reminded: number
}

const LISTED = 5

export async function remindOverdue(deps: {
  db: Database
  openapi: OpenApiPort
  now: Date
}): Promise<RemindResult> {
  const { db, now } = deps
  const _ = db.command
  // Claim first, then read back what this run claimed: two overlapping runs never remind twice.
  const run = `${now.toISOString()}#${randomBytes(4).toString('hex')}`
  const [accept, resolve] = await Promise.all([
    updated(
      db
        .collection(SUGGESTIONS)
        .where({ status: 'submitted', acceptDueAt: _.lt(now), remindedAccept: null })
        .update({ data: { remindedAccept: run } }),
    ),
    updated(
      db
        .collection(SUGGESTIONS)
        .where({
          status: _.in([...WORKING_STATUSES]),
          resolveDueAt: _.lt(now),
          remindedResolve: null,
        })
        .update({ data: { remindedResolve: run } }),
    ),
    // Quota documents of finished days are no longer needed.
    db
      .collection(QUOTAS)
      .where({ day: _.lt(dayKey(new Date(now.getTime() - 2 * DAY))) })
      .remove(),
  ])
  if (!accept && !resolve) return { accept, resolve, reminded: 0 }
  try {
    return { accept, resolve, reminded: await remindClaimed(deps, run) }
  } catch (err) {
    // Give the claims back, so the next hour's run reminds instead.
    await Promise.all([
      db
        .collection(SUGGESTIONS)
        .where({ remindedAccept: run })
        .update({ data: { remindedAccept: null } }),
      db
        .collection(SUGGESTIONS)
        .where({ remindedResolve: run })
        .update({ data: { remindedResolve: null } }),
    ]).catch(() => undefined)
    throw err
  }
}

/** Reads back what run `run` claimed and sends one message per person to remind. */
async function remindClaimed(
  deps: { db: Database; openapi: OpenApiPort; now: Date },
  run: string,
): Promise<number> {
  const { db } = deps
  const _ = db.command
  const claimed: SuggestionDoc[] = []
  for (let page = 0; ; page++) {
    const batch = await rows<SuggestionDoc>(
      db
        .collection(SUGGESTIONS)
        .where(_.or({ remindedAccept: run }, { remindedResolve: run }))
        .orderBy('createdAt', 'asc')
        .skip(page * 1000)
        .limit(1000),
    )
    claimed.push(...batch)
    if (batch.length < 1000) break
  }

  const told = await handlersToTell(
    db,
    [...new Set(claimed.map((s) => s.buildingId))],
    [...new Set(claimed.map((s) => s.communityId))],
  )
  const perPerson = new Map<string, { kind: 'accept' | 'resolve'; s: SuggestionDoc }[]>()
  for (const s of claimed) {
    const kind = s.remindedAccept === run ? 'accept' : 'resolve'
    for (const u of tellWhom(told, s.buildingId, s.communityId)) {
      perPerson.set(u.openid, [...(perPerson.get(u.openid) ?? []), { kind, s }])
    }
  }

  const notices = [...perPerson.entries()].map(([openid, items]) => overdueNotice(openid, items))
  await notify(deps, notices)
  return notices.length
}

/** One reminder per person, however many of their suggestions are overdue. */
export function overdueNotice(
  openid: string,
  items: { kind: 'accept' | 'resolve'; s: SuggestionDoc }[],
): Notice {
  const lines = items
    .slice(0, LISTED)
    .map(({ kind, s }) => `${s.no} ${s.buildingName} ${s.category} · ${OVERDUE_LABELS[kind]}`)
  if (items.length > LISTED) lines.push(`……共 ${items.length} 条`)
  const firstItem = items[0]
  return {
    openid,
    kind: 'overdue',
    title: `${items.length} 条建议超时，请尽快处理`,
    body: lines.join('\n'),
    refId: items.length === 1 ? firstItem.s._id : null,
    link:
      items.length === 1
        ? `${SUGGESTION_PAGES.detail}?id=${firstItem.s._id}`
        : `${SUGGESTION_PAGES.inbox}?overdue=1`,
    push: {
      no: firstItem.s.no,
      subject:
        items.length === 1
          ? `${firstItem.s.category}：${firstItem.s.text}`
          : `${items.length}条建议超时`,
      state: '已超时',
      note: items.length === 1 ? OVERDUE_LABELS[firstItem.kind] : '请打开待办尽快处理',
    },
  }
}
