// Asks the resident, inside the tap that submits, to be told of replies (WeChat subscribe
// message: one "allow" lets the server push one message). Never blocks what the tap was for.
//
// Template ids come from TARO_APP_TMPL_SUGGESTION_STATUS at build time (comma-separated, ≤ 5),
// set in `.env` / `.env.local` at the project root: the id of the 建议处理进度 template in the
// mini-program's console (功能 → 订阅消息). The server sends with the same id. Empty on weapp =
// skip the request. The h5 local demo asks the local cloud's stand-in instead of WeChat.
import Taro from '@tarojs/taro'
import { apiUrl } from './cloud'
import { currentPersonaId } from './persona'

/** The template id the local cloud uses when no real one is configured. */
export const LOCAL_TEMPLATE_ID = 'local-suggestion-status'

export type SubscribeOutcome = 'accepted' | 'declined' | 'skipped'

export function suggestionTemplateIds(): string[] {
  // Taro replaces the whole expression at build time (`.env`); the guard keeps a build without
  // it from touching `process`, which a mini-program does not have.
  const raw = typeof process === 'undefined' ? '' : process.env.TARO_APP_TMPL_SUGGESTION_STATUS
  const configured = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 5)
  if (configured.length > 0) return configured
  return process.env.TARO_ENV === 'weapp' ? [] : [LOCAL_TEMPLATE_ID]
}

function outcomeOf(res: Record<string, unknown>, tmplIds: string[]): SubscribeOutcome {
  return tmplIds.some((id) => res[id] === 'accept') ? 'accepted' : 'declined'
}

/**
 * Must be called synchronously from a tap handler (WeChat refuses it after an await).
 * Resolves, never rejects: a refusal or failure only means no push, the in-app message remains.
 */
export function askForReplies(): Promise<SubscribeOutcome> {
  return askFor(suggestionTemplateIds())
}

/** The template id of activity reminders when no real one is configured (local cloud). */
export const LOCAL_ACTIVITY_TEMPLATE_ID = 'local-activity-reminder'

/** TARO_APP_TMPL_ACTIVITY_REMINDER: the 活动提醒 template (reminders, 候补成功, changes). */
export function activityTemplateIds(): string[] {
  const raw = typeof process === 'undefined' ? '' : process.env.TARO_APP_TMPL_ACTIVITY_REMINDER
  const configured = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 5)
  if (configured.length > 0) return configured
  return process.env.TARO_ENV === 'weapp' ? [] : [LOCAL_ACTIVITY_TEMPLATE_ID]
}

/** Inside the 报名 tap: to be reminded before the start and told of 候补成功 or a change. */
export function askForActivityReminders(): Promise<SubscribeOutcome> {
  return askFor(activityTemplateIds())
}

/** Asks for these templates; must run synchronously inside a tap. Never rejects. */
export function askFor(tmplIds: string[]): Promise<SubscribeOutcome> {
  if (tmplIds.length === 0) return Promise.resolve('skipped')
  if (process.env.TARO_ENV === 'weapp') {
    // Taro's option type also demands Alipay's `entityIds`; WeChat takes `tmplIds` alone.
    const option = { tmplIds } as Taro.requestSubscribeMessage.Option
    return Taro.requestSubscribeMessage(option).then(
      (res) => outcomeOf(res as unknown as Record<string, unknown>, tmplIds),
      () => 'skipped' as const,
    )
  }
  return fetch(apiUrl('/openapi/requestSubscribeMessage'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': currentPersonaId() },
    body: JSON.stringify({ tmplIds }),
  })
    .then(async (res) => outcomeOf((await res.json()) as Record<string, unknown>, tmplIds))
    .catch(() => 'skipped' as const)
}
