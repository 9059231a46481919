// Guarded writes: a change applies only if the suggestion is still in the state the caller saw.
import { conflict } from '../../../../server/errors'
import type { ActionContext } from '../../../../server/router'
import { STATUS_LABELS } from '../../../../src/contract/suggestion'
import { updated } from '../../../../server/db'
import { applied, type Change } from './changes'
import { SUGGESTIONS, type SuggestionDoc } from './model'
import { detailLink, notify, type Notice } from './notify'
import { excerpt } from './views'

/**
 * Applies a change (see changes.ts) in one atomic update — its fields set and its entry appended to
 * the timeline — provided the document still matches `guard` (e.g. its status). Returns the
 * document as it now is.
 */
export async function applyChange(
  ctx: ActionContext,
  s: SuggestionDoc,
  guard: Record<string, unknown>,
  change: Change,
): Promise<SuggestionDoc> {
  const _ = ctx.db.command
  const data: Record<string, unknown> = { ...change.changes, updatedAt: ctx.now }
  if (change.entry) data.timeline = _.push([change.entry])
  const n = await updated(
    ctx.db
      .collection(SUGGESTIONS)
      .where({ _id: s._id, ...guard })
      .update({ data }),
  )
  if (n !== 1) throw conflict('这条建议刚刚有了变化，请刷新后再看')
  return applied(s, change, ctx.now)
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

/** The message (and push) that tells a handler of a new suggestion in their building. */
export function newSuggestionNotice(s: SuggestionDoc, openid: string): Notice {
  return {
    openid,
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
  }
}

/** Sends notices, never to the caller themself (a liaison handling their own suggestion). */
export const tell = (ctx: ActionContext, notices: Notice[]): Promise<void> =>
  notify(
    ctx,
    notices.filter((n) => n.openid !== ctx.openid),
  )
