// Reading a suggestion for a caller: the document, who the caller is to it, and its detail view.
import { first, rows } from '../../../../server/db'
import { forbidden, notFound } from '../../../../server/errors'
import type { HouseholdDoc } from '../../../../server/models'
import type { ActionContext } from '../../../../server/router'
import type { SuggestionDetail } from '../../../../src/contract/suggestion'
import {
  COMMENTS,
  SECONDS,
  SUGGESTIONS,
  type CommentDoc,
  type SecondDoc,
  type SuggestionDoc,
} from './model'
import { callerHousehold, canView, viewerOf, type Viewer } from './scope'
import { canSecond, commentView, toDetail } from './views'

export const secondId = (suggestionId: string, openid: string): string =>
  `${suggestionId}_${openid}`

export async function getSuggestion(ctx: ActionContext, id: string): Promise<SuggestionDoc | null> {
  return first<SuggestionDoc>(ctx.db.collection(SUGGESTIONS).where({ _id: id }).limit(1))
}

export interface Loaded {
  s: SuggestionDoc
  household: HouseholdDoc | null
  v: Viewer
}

/**
 * The suggestion and the caller's household, read in parallel. Someone who may not even read it
 * gets NOT_FOUND, so a guessed id reveals nothing.
 */
export async function load(ctx: ActionContext, id: string): Promise<Loaded> {
  const [s, household] = await Promise.all([getSuggestion(ctx, id), callerHousehold(ctx)])
  if (!s) throw notFound('这条建议')
  const v = viewerOf(ctx, s, household)
  if (!canView(v, s)) throw notFound('这条建议')
  return { s, household, v }
}

/** As `load`, for the building's handlers only; a reader who is not one gets FORBIDDEN. */
export async function loadAsHandler(ctx: ActionContext, id: string): Promise<Loaded> {
  const loaded = await load(ctx, id)
  if (!loaded.v.handler) throw forbidden('这条建议不归您办理')
  return loaded
}

/** As `load`, for the submitter only. */
export async function loadAsSubmitter(ctx: ActionContext, id: string): Promise<Loaded> {
  const loaded = await load(ctx, id)
  if (!loaded.v.mine) throw forbidden('只有提出建议的居民可以这样做')
  return loaded
}

/** The detail view: comments when it is on the board, and whether the caller has seconded it. */
export async function detailOf(
  ctx: ActionContext,
  s: SuggestionDoc,
  v: Viewer,
): Promise<SuggestionDetail> {
  const [comments, second] = await Promise.all([
    s.published
      ? rows<CommentDoc & { _id: string }>(
          ctx.db
            .collection(COMMENTS)
            .where({ suggestionId: s._id })
            .orderBy('createdAt', 'desc')
            .limit(100),
        )
      : Promise.resolve([]),
    canSecond(s, v)
      ? first<SecondDoc>(
          ctx.db
            .collection(SECONDS)
            .where({ _id: secondId(s._id, ctx.openid) })
            .limit(1),
        )
      : Promise.resolve(null),
  ])
  return toDetail(
    s,
    v,
    {
      comments: comments.reverse().map((c) => commentView(c, ctx.openid)),
      seconded: Boolean(second),
    },
    ctx.now,
  )
}
