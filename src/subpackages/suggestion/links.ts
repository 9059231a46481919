// Page paths of the suggestion and staff subpackages, and sentences several pages share.
export const SUBMIT_PAGE = '/subpackages/suggestion/pages/submit/index'
export const MINE_PAGE = '/subpackages/suggestion/pages/mine/index'
export const DETAIL_PAGE = '/subpackages/suggestion/pages/detail/index'
export const BOARD_PAGE = '/subpackages/suggestion/pages/board/index'
export const MESSAGES_PAGE = '/subpackages/suggestion/pages/messages/index'
export const INBOX_PAGE = '/subpackages/staff/pages/inbox/index'
export const STATS_PAGE = '/subpackages/staff/pages/stats/index'
