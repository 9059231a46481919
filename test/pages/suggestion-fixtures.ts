// Set-up for the suggestion page tests: other people's actions, done straight against the test
// cloud over HTTP (a neighbour files, the liaison accepts…) so a page can be opened mid-story.
import Taro from '@tarojs/taro'
import { api } from '../support/test-cloud-url'
import { freshResident } from './helpers'

export const LIAISON = 'demo-liaison' // 陇海安居 1号楼、2号楼
export const STAFF = 'demo-staff' // 二十里铺社区
export const OTHER_STAFF = 'demo-staff-zt' // 政通路社区

/** A new resident bound to `householdId` (e.g. LH-3-1-101), as a family member would be. */
export async function residentOf(householdId: string): Promise<string> {
  const openid = freshResident()
  await api('account', openid, 'bindHousehold', { scene: `h=${householdId}` })
  return openid
}

let seq = 0
/** Words no other test uses, so a page can be searched for this test's own suggestion. */
export function uniqueText(what: string): string {
  seq += 1
  return `${what}（测试${Date.now().toString(36)}${seq}）`
}

export async function fileSuggestion(
  openid: string,
  input: {
    buildingId: string
    category: string
    text: string
    anonymous?: boolean
    contactPhone?: string
  },
): Promise<{ id: string; no: string }> {
  return api('suggestion', openid, 'submit', input)
}

export async function move(openid: string, id: string, to: string, note?: string): Promise<void> {
  await api('suggestion', openid, 'transition', { id, to, ...(note ? { note } : {}) })
}

/**
 * Taro.showModal for the page under test: answers every confirmation with `confirm`. Refuses, as
 * WeChat does, button texts over 4 Chinese characters.
 */
export function answerModals(confirm: boolean): string[] {
  const asked: string[] = []
  Object.assign(Taro, {
    showModal: (o: { title?: string; confirmText?: string; cancelText?: string }) => {
      for (const key of ['confirmText', 'cancelText'] as const) {
        if ((o[key] ?? '').length > 4) {
          return Promise.reject({
            errMsg: `showModal:fail ${key} length should not larger then 4 Chinese characters`,
          })
        }
      }
      asked.push(o.title ?? '')
      return Promise.resolve({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })
    },
  })
  return asked
}

export { api }
