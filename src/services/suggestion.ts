// Typed calls to the `suggestion` cloud function (民情速递站) and the resident's message list,
// plus the submit page's draft, kept in storage so it survives leaving the page.
import Taro from '@tarojs/taro'
import type { AccountContract } from '@/contract/account'
import type { InputOf } from '@/contract/common'
import type { Category, SuggestionContract } from '@/contract/suggestion'
import { call, type CallOptions } from './cloud'

declare module './cloud' {
  interface CloudRegistry {
    suggestion: SuggestionContract
  }
}

type In<A extends keyof SuggestionContract> = InputOf<SuggestionContract[A]>

/** Reads may be retried once on a network failure; writes never are (submit carries a clientToken). */
const read = (options: CallOptions): CallOptions => ({ retry: true, ...options })

export const suggestionService = {
  submit: (input: In<'submit'>, options: CallOptions = {}) =>
    call('suggestion', 'submit', input, options),
  /** Open suggestions of the same building and category: shown before filing a duplicate. */
  similar: (input: In<'similar'>, options: CallOptions = {}) =>
    call('suggestion', 'similar', input, read(options)),
  mine: (input: In<'mine'> = {}, options: CallOptions = {}) =>
    call('suggestion', 'mine', input, read(options)),
  detail: (id: string, options: CallOptions = {}) =>
    call('suggestion', 'detail', { id }, read(options)),
  inbox: (input: In<'inbox'> = {}, options: CallOptions = {}) =>
    call('suggestion', 'inbox', input, read(options)),
  transition: (input: In<'transition'>, options: CallOptions = {}) =>
    call('suggestion', 'transition', input, options),
  reply: (input: In<'reply'>, options: CallOptions = {}) =>
    call('suggestion', 'reply', input, options),
  rate: (input: In<'rate'>, options: CallOptions = {}) =>
    call('suggestion', 'rate', input, options),
  reopen: (input: In<'reopen'>, options: CallOptions = {}) =>
    call('suggestion', 'reopen', input, options),
  publish: (id: string, published: boolean, options: CallOptions = {}) =>
    call('suggestion', 'publish', { id, published }, options),
  board: (input: In<'board'> = {}, options: CallOptions = {}) =>
    call('suggestion', 'board', input, read(options)),
  second: (id: string, options: CallOptions = {}) => call('suggestion', 'second', { id }, options),
  comment: (id: string, text: string, options: CallOptions = {}) =>
    call('suggestion', 'comment', { id, text }, options),
  award: (id: string, points?: number, options: CallOptions = {}) =>
    call('suggestion', 'award', points === undefined ? { id } : { id, points }, options),
  stats: (input: In<'stats'>, options: CallOptions = {}) =>
    call('suggestion', 'stats', input, read(options)),
}

/** 消息: the resident's (and handler's) in-app messages, kept by the `account` function. */
export const messageService = {
  list: (input: InputOf<AccountContract['messages']> = {}, options: CallOptions = {}) =>
    call('account', 'messages', input, read(options)),
  /** Marks these messages read, or all of mine when `ids` is omitted; resolves to what is left unread. */
  markRead: (ids?: string[], options: CallOptions = {}) =>
    call('account', 'readMessages', ids ? { ids } : {}, options),
}

// ---- draft -----------------------------------------------------------------------------------

/** What the resident has filled in so far on the submit page, per building. */
export interface SuggestionDraft {
  buildingId: string
  category: Category | null
  text: string
  /** uploaded photos only (cloud file IDs); a photo still uploading when the page closed is lost */
  images: string[]
  contactPhone: string
  anonymous: boolean
  /** the id the server uses to recognise a retried submit of this draft */
  clientToken: string
  savedAt: number
}

const DRAFT_PREFIX = 'suggestion.draft.'
/** A draft older than this is stale: the problem was probably reported some other way. */
const DRAFT_TTL_MS = 14 * 24 * 3600 * 1000

export function newClientToken(): string {
  const rand = () => Math.random().toString(36).slice(2, 10)
  return `d${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 40)
}

function isDraft(value: unknown): value is SuggestionDraft {
  if (typeof value !== 'object' || value === null) return false
  const d = value as Partial<SuggestionDraft>
  return (
    typeof d.buildingId === 'string' &&
    typeof d.text === 'string' &&
    Array.isArray(d.images) &&
    typeof d.clientToken === 'string' &&
    typeof d.savedAt === 'number'
  )
}

export const suggestionDraft = {
  get(buildingId: string): SuggestionDraft | null {
    const value: unknown = Taro.getStorageSync(DRAFT_PREFIX + buildingId)
    if (!isDraft(value) || Date.now() - value.savedAt > DRAFT_TTL_MS) return null
    return value
  },
  save(draft: Omit<SuggestionDraft, 'savedAt'>): void {
    Taro.setStorageSync(DRAFT_PREFIX + draft.buildingId, { ...draft, savedAt: Date.now() })
  },
  clear(buildingId: string): void {
    Taro.removeStorageSync(DRAFT_PREFIX + buildingId)
  },
}
