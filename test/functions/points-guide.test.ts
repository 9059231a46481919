// The sorting guide: the committed data is what the generator makes from the list (so pinyin is
// computed at build time and the mini-program ships plain data), it holds 300+ items of the four
// categories, and search finds items by characters and by pinyin initials.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CATEGORIES } from '../../src/subpackages/points/guide/categories'
import { GUIDE_ROWS } from '../../src/subpackages/points/guide/data'
import { searchGuide } from '../../src/subpackages/points/guide/search'

const ROOT = resolve(__dirname, '..', '..')

it('the committed data is up to date with scripts/guide/items.txt (npm run build:guide)', () => {
  // the generator runs as its own process (it formats with prettier, which jest cannot load)
  const made = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts', 'build-guide.ts'), '--print'],
    { cwd: ROOT, encoding: 'utf8' },
  )
  const committed = readFileSync(join(ROOT, 'src/subpackages/points/guide/data.ts'), 'utf8')
  expect(committed).toBe(made)
})

it('holds at least 300 different items, every category well filled, each with a tip', () => {
  const names = GUIDE_ROWS.map((r) => r[0])
  expect(new Set(names).size).toBe(names.length)
  expect(names.length).toBeGreaterThanOrEqual(300)
  for (const c of [0, 1, 2, 3] as const) {
    expect(GUIDE_ROWS.filter((r) => r[1] === c).length).toBeGreaterThanOrEqual(40)
    expect(CATEGORIES[c].tip.length).toBeGreaterThan(5)
  }
})

it.each([
  ['dc', '电池', '有害垃圾', '红色桶'],
  ['电池', '电池', '有害垃圾', '红色桶'],
  ['klp', '可乐瓶', '可回收物', '蓝色桶'],
  ['xjp', '香蕉皮', '厨余垃圾', '绿色桶'],
  ['xiangjiaopi', '香蕉皮', '厨余垃圾', '绿色桶'],
  ['wsz', '卫生纸', '其他垃圾', '黄色桶'],
  ['大骨头', '大骨头', '其他垃圾', '黄色桶'],
])('%s → %s (%s, %s)', (query, name, category, colour) => {
  const [first] = searchGuide(query)
  expect(first).toMatchObject({ name, info: { name: category, colour } })
  expect(first.tip.length).toBeGreaterThan(3)
})

it('finds by a part of the name, and nothing for nonsense', () => {
  expect(searchGuide('瓶').length).toBeGreaterThan(10)
  expect(searchGuide('剩菜')[0].tip).toContain('沥干')
  expect(searchGuide('zzzzqq')).toEqual([])
  expect(searchGuide('  ')).toEqual([])
})
