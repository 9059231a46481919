// Page paths of the suggestion and staff subpackages (from the one list in @/contract/pages).
import { PAGES } from '@/contract/pages'

export const HOME_PAGE = PAGES.home
export const SUBMIT_PAGE = PAGES.submit
export const MINE_PAGE = PAGES.mySuggestions
export const DETAIL_PAGE = PAGES.detail
export const BOARD_PAGE = PAGES.board
export const MESSAGES_PAGE = PAGES.messages
export const INBOX_PAGE = PAGES.inbox
export const BIND_PAGE = PAGES.bind
export const STATS_PAGE = PAGES.stats
