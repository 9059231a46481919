// Page paths of the suggestion and staff subpackages, and sentences several pages share.
import { SUGGESTION_PAGES } from '@/contract/suggestion'

export const HOME_PAGE = '/pages/index/index'
export const SUBMIT_PAGE = '/subpackages/suggestion/pages/submit/index'
export const MINE_PAGE = '/subpackages/suggestion/pages/mine/index'
export const DETAIL_PAGE = SUGGESTION_PAGES.detail
export const BOARD_PAGE = SUGGESTION_PAGES.board
export const MESSAGES_PAGE = '/subpackages/suggestion/pages/messages/index'
export const INBOX_PAGE = SUGGESTION_PAGES.inbox
export const BIND_PAGE = '/subpackages/account/pages/bind/index'
export const STATS_PAGE = '/subpackages/staff/pages/stats/index'
