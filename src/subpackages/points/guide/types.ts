import type { GuideCategory } from './categories'

/** name, category, pinyin initials, full pinyin (no tones), the item's own tip ('' = the category's) */
export type GuideRow = readonly [string, GuideCategory, string, string, string]
