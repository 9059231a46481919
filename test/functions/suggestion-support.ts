// Helpers shared by the suggestion function tests (not a test file itself).
import { createHash } from 'node:crypto'
import type { Envelope } from '../../src/contract/common'
import type { Status, SuggestionDetail } from '../../src/contract/suggestion'
import { ok, type TestCloud } from '../support/cloud'
import { uploadDirOf } from '../../server/uploads'

export const FN = 'suggestion'

/** The personas of the role matrix, all about building LH-1 of community ESLP. */
export const ROLES = {
  submitter: 'demo-resident', // LH-1-2-301
  mate: 'seed-lh-1-3-201', // LH-1 too: a resident of the building who is not the submitter
  neighbour: 'demo-neighbour', // LH-3, same community
  outsider: 'zt-resident', // 东方现代城, another community (bound by bindOutsider)
  liaison: 'demo-liaison', // LH-1 & LH-2 (lives in LH-2)
  otherLiaison: 'seed-liaison-lh345', // LH-3, LH-4, LH-5
  staff: 'demo-staff', // ESLP
  otherStaff: 'demo-staff-zt', // ZTL
  newcomer: 'demo-newcomer', // no household
} as const

export function expectCode(env: Envelope<unknown>, code: string | true): void {
  expect(env.ok || env.error.code).toBe(code)
}

/** A resident user written straight into the store (faster than calling bindHousehold). */
export function addResident(t: TestCloud, openid: string, householdId: string | null): void {
  const now = new Date()
  t.cloud.store.insertMany('users', [
    { _id: openid, openid, householdId, roles: [], createdAt: now, updatedAt: now },
  ])
}

let counter = 0
export const uniq = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`

export async function submit(
  t: TestCloud,
  openid: string,
  data: Record<string, unknown> = {},
): Promise<{ id: string; no: string }> {
  return ok(
    await t.call<{ id: string; no: string }>(FN, openid, 'submit', {
      buildingId: 'LH-1',
      category: '漏水',
      text: '楼顶漏水，天花板一直往下滴水',
      ...data,
    }),
  )
}

const PATHS: Record<Status, { to: Status; note?: string }[]> = {
  submitted: [],
  accepted: [{ to: 'accepted' }],
  declined: [{ to: 'declined', note: '不属于社区职责范围' }],
  deliberating: [{ to: 'accepted' }, { to: 'deliberating' }],
  in_progress: [{ to: 'accepted' }, { to: 'in_progress' }],
  resolved: [{ to: 'accepted' }, { to: 'in_progress' }, { to: 'resolved', note: '已经修好了' }],
}

/** Moves a suggestion from submitted to `status` as community staff. */
export async function driveTo(t: TestCloud, id: string, status: Status): Promise<SuggestionDetail> {
  let last: SuggestionDetail | null = null
  for (const step of PATHS[status]) {
    last = ok(await t.call<SuggestionDetail>(FN, ROLES.staff, 'transition', { id, ...step }))
  }
  return last ?? ok(await t.call<SuggestionDetail>(FN, ROLES.staff, 'detail', { id }))
}

/** A fresh suggestion of building LH-1 in the given state, submitted by `openid`. */
export async function fresh(
  t: TestCloud,
  status: Status,
  openid: string = uniq('sub'),
  data: Record<string, unknown> = {},
): Promise<{ id: string; no: string; openid: string }> {
  const s = await submit(t, openid, data)
  await driveTo(t, s.id, status)
  return { ...s, openid }
}

const WRITTEN = [
  'suggestions',
  'suggestionComments',
  'suggestionSeconds',
  'suggestionQuotas',
  'messages',
  'outbox',
  'pointsAccounts',
  'pointsLedger',
  'users',
]

/** Everything the suggestion feature could write, for "nothing was written" assertions. */
export function snapshot(t: TestCloud): string {
  return JSON.stringify(WRITTEN.map((c) => t.cloud.store.find(c, {}, { sort: { _id: 1 } })))
}

/** A tiny JPEG uploaded to local storage under `path`; returns its cloud file ID. */
/** Uploads a photo into `openid`'s own folder, as their phone would; resolves to its file ID. */
export async function upload(
  t: TestCloud,
  openid: string,
  name: string,
  jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
): Promise<string> {
  const path = `${uploadDirOf(openid)}/${name}`
  const res = await fetch(`${t.url}/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: jpeg,
  })
  if (res.status !== 200) throw new Error(`upload refused: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { fileID: string }
  return body.fileID
}

export async function storageHas(t: TestCloud, fileId: string): Promise<boolean> {
  const path = fileId.replace(/^cloud:\/\/[^/]+\//, '')
  const res = await fetch(`${t.url}/storage/${path.split('/').map(encodeURIComponent).join('/')}`)
  return res.status === 200
}

/** The mini-program's wx.requestSubscribeMessage accept: one more push allowed. */
export async function grantSubscription(t: TestCloud, openid: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${t.url}/openapi/requestSubscribeMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ tmplIds: ['local-suggestion-status'] }),
    })
    expect(res.status).toBe(200)
  }
}

/** A photo imgSecCheck will refuse: unique bytes, listed with the local stand-in. */
export async function uploadRisky(t: TestCloud, openid: string, name: string): Promise<string> {
  const bytes = Buffer.concat([
    Buffer.from('ffd8ffe0', 'hex'),
    Buffer.from(`risky ${name} ${openid}`),
  ])
  const hash = createHash('sha256').update(bytes).digest('hex')
  t.cloud.store.insertMany('_wx_risky_images', [{ _id: hash, label: 'porn' }])
  return upload(t, openid, name, bytes)
}
