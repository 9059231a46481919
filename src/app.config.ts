// Pages and subpackages. A feature domain adds one entry to `subPackages` (its pages live in
// src/subpackages/<domain>/pages/…) and, if it should load early, a `preloadRule`.
const isH5 = process.env.TARO_ENV === 'h5'

const subPackages = [
  {
    root: 'subpackages/account',
    // the persona picker exists only in the h5 local demo
    pages: ['pages/bind/index', ...(isH5 ? ['pages/persona/index'] : [])],
  },
  {
    root: 'subpackages/suggestion',
    pages: [
      'pages/submit/index',
      'pages/mine/index',
      'pages/detail/index',
      'pages/board/index',
      'pages/messages/index',
    ],
  },
  {
    root: 'subpackages/staff',
    pages: ['pages/inbox/index', 'pages/stats/index', 'pages/codes/index'],
  },
  {
    root: 'subpackages/points',
    pages: [
      'pages/record/index',
      'pages/home/index',
      'pages/ledger/index',
      'pages/rewards/index',
      'pages/guide/index',
      'pages/catalogue/index',
      'pages/verify/index',
      'pages/adjust/index',
      'pages/stats/index',
    ],
  },
  {
    root: 'subpackages/activity',
    pages: [
      'pages/list/index',
      'pages/detail/index',
      'pages/mine/index',
      'pages/hours/index',
      'pages/certificate/index',
      'pages/check-in/index',
      'pages/manage/index',
      'pages/edit/index',
      'pages/attendees/index',
      'pages/code/index',
    ],
  },
]

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages,
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['subpackages/suggestion'] },
    'pages/mine/index': { network: 'all', packages: ['subpackages/account'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f1ec',
    navigationBarBackgroundColor: '#c62828',
    navigationBarTitleText: '民情速递站',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c62828',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
})
