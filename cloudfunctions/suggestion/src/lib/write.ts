// Guarded writes: a change applies only if the suggestion is still in the state the caller saw.
import { conflict } from '../../../../server/errors'
import type { ActionContext } from '../../../../server/router'
import { STATUS_LABELS } from '../../../../src/contract/suggestion'
import { updated } from '../../../../server/db'
import { SUGGESTIONS, type SuggestionDoc, type TimelineDoc } from './model'
import { detailLink, notify, type Notice } from './notify'
import { excerpt } from './views'

export type Changes = Partial<Omit<SuggestionDoc, '_id' | 'timeline'>>

/**
 * Applies `changes` and appends `entry` to the timeline in one atomic update, provided the
 * document still matches `guard` (e.g. its status). Returns the document as it now is.
 */
export async function applyChange(
  ctx: ActionContext,
  s: SuggestionDoc,
  guard: Record<string, unknown>,
  changes: Changes,
  entry: TimelineDoc | null,
): Promise<SuggestionDoc> {
  const _ = ctx.db.command
  const data: Record<string, unknown> = { ...changes, updatedAt: ctx.now }
  if (entry) data.timeline = _.push([entry])
  const n = await updated(
    ctx.db
      .collection(SUGGESTIONS)
      .where({ _id: s._id, ...guard })
      .update({ data }),
  )
  if (n !== 1) throw conflict('这条建议刚刚有了变化，请刷新后再看')
  return {
    ...s,
    ...changes,
    updatedAt: ctx.now,
    timeline: entry ? [...s.timeline, entry] : s.timeline,
  }
}

/** The message (and push) that tells the submitter what happened to their suggestion. */
export function toSubmitter(
  s: SuggestionDoc,
  kind: Notice['kind'],
  title: string,
  note: string,
  push = true,
): Notice {
  return {
    openid: s.openid,
    kind,
    // named by what it is about, so a list of messages reads as a list of the resident's matters
    title: `${title}：${excerpt(s.text, 12)}`,
    body: `${s.no} ${s.category}：${excerpt(s.text, 30)}${note ? `\n${note}` : ''}`,
    refId: s._id,
    link: detailLink(s._id),
    push: push
      ? {
          no: s.no,
          subject: `${s.category}：${s.text}`,
          state:
            kind === 'reply' ? '有回复' : kind === 'golden' ? '金点子' : STATUS_LABELS[s.status],
          note: note || STATUS_LABELS[s.status],
        }
      : undefined,
  }
}

/** Sends notices, never to the caller themself (a liaison handling their own suggestion). */
export const tell = (ctx: ActionContext, notices: Notice[]): Promise<void> =>
  notify(
    ctx,
    notices.filter((n) => n.openid !== ctx.openid),
  )
