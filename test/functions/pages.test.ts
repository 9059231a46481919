// The one list of page paths (src/contract/pages.ts) and app.config.ts name the same pages, and
// every link a function puts in a message is one of them.
import { PAGES, pageUrl } from '../../src/contract/pages'
import { SUGGESTION_PAGES } from '../../src/contract/suggestion'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
}

function appPages(env: 'h5' | 'weapp'): string[] {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = env
  Object.assign(globalThis, { defineAppConfig: (c: AppConfig) => c })
  let config: AppConfig | undefined
  jest.isolateModules(() => {
    config = (require('../../src/app.config') as { default: AppConfig }).default
  })
  process.env.TARO_ENV = saved
  if (!config) throw new Error('app.config did not load')
  return [
    ...config.pages.map((p) => `/${p}`),
    ...config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
  ].sort()
}

it('lists exactly the pages of the h5 build', () => {
  expect(Object.values(PAGES).sort()).toEqual(appPages('h5'))
})

it('lists the weapp pages too (the persona picker is h5 only)', () => {
  expect(appPages('weapp')).toEqual(
    Object.values(PAGES)
      .filter((p) => p !== PAGES.persona)
      .sort(),
  )
})

it('links messages only to pages that exist', () => {
  for (const p of Object.values(SUGGESTION_PAGES)) expect(Object.values(PAGES)).toContain(p)
})

it('builds a link with its query encoded', () => {
  expect(pageUrl('submit', { buildingId: 'LH-1' })).toBe(`${PAGES.submit}?buildingId=LH-1`)
  expect(pageUrl('detail', { id: 'a b&c' })).toBe(`${PAGES.detail}?id=a%20b%26c`)
  expect(pageUrl('home')).toBe(PAGES.home)
})
