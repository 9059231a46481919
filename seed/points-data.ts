// The demo data of 垃圾分类积分 (东方现代城), apart from the code that turns it into documents.
import type { Mistake } from '../src/contract/points'

/** The 12 collection points' volunteer supervisors (督导员); the first is the demo persona. */
export const SUPERVISORS: { openid: string; name: string }[] = [
  { openid: 'demo-supervisor', name: '赵师傅' },
  { openid: 'seed-supervisor-02', name: '刘会从' },
  { openid: 'seed-supervisor-03', name: '杨爱莲' },
  { openid: 'seed-supervisor-04', name: '康坤范' },
  { openid: 'seed-supervisor-05', name: '王淑珍' },
  { openid: 'seed-supervisor-06', name: '李振华' },
  { openid: 'seed-supervisor-07', name: '张桂英' },
  { openid: 'seed-supervisor-08', name: '陈建国' },
  { openid: 'seed-supervisor-09', name: '周秀梅' },
  { openid: 'seed-supervisor-10', name: '吴长福' },
  { openid: 'seed-supervisor-11', name: '郑玉兰' },
  { openid: 'seed-supervisor-12', name: '孙德胜' },
]

/** 政通路社区's reward catalogue: everyday things, priced in points (3 points = 0.3 yuan). */
export const REWARD_CATALOGUE: {
  name: string
  description: string
  points: number
  stock: number
  monthlyLimit: number
}[] = [
  {
    name: '垃圾袋',
    description: '加厚点断式，一卷 30 只',
    points: 30,
    stock: 120,
    monthlyLimit: 4,
  },
  { name: '肥皂', description: '洗衣皂两块装', points: 40, stock: 60, monthlyLimit: 2 },
  { name: '抽纸', description: '三层抽纸一提（6 包）', points: 45, stock: 80, monthlyLimit: 2 },
  { name: '洗洁精', description: '1.1 千克一瓶', points: 60, stock: 50, monthlyLimit: 2 },
  { name: '食用盐', description: '加碘精制盐 400 克两袋', points: 20, stock: 100, monthlyLimit: 2 },
  { name: '洗衣液', description: '2 千克一瓶', points: 90, stock: 30, monthlyLimit: 1 },
]

/** How many days of history, how often a household comes and how often it gets it right. */
export const HISTORY_DAYS = 14
export const PARTICIPATION = { low: 0.55, high: 0.9 }
export const CORRECT = { low: 0.72, high: 0.95 }

/** Mistakes as supervisors meet them: kitchen waste in plastic bags most. */
export const MISTAKE_WEIGHTS: [Mistake, number][] = [
  ['厨余混入塑料袋', 45],
  ['可回收物混投', 20],
  ['未破袋', 20],
  ['有害垃圾未单独投放', 10],
  ['其他', 5],
]

/** What the demo household (demo-resident-zt) got wrong the day before yesterday. */
export const DEMO_MISTAKE: { reason: Mistake; note: string } = {
  reason: '厨余混入塑料袋',
  note: '厨余桶里有塑料袋，请把菜叶倒进桶里，袋子扔黄色桶',
}
