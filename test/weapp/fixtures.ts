// What other people do before a page is opened (a neighbour files, the liaison replies …), done
// straight against the test cloud over HTTP; and the photo a phone would hand to the app.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { uploadDirOf } from '../../server/uploads'
import { api, testCloudUrl } from '../support/test-cloud-url'

export const LIAISON = 'demo-liaison' // 王丽, 陇海安居 1号楼、2号楼
export const STAFF = 'demo-staff' // 刘书记, 二十里铺社区

/** An openid nobody else uses in this run. */
export function freshOpenid(what: string): string {
  return `weapp-${what}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
}

/** A new resident of the household `householdId` (e.g. LH-1-1-101), bound by its card. */
export async function residentOf(householdId: string, what: string): Promise<string> {
  const openid = freshOpenid(what)
  await api('account', openid, 'bindHousehold', { scene: `h=${householdId}` })
  return openid
}

let seq = 0
/** Words no other test uses, so the page can be searched for this test's own suggestion. */
export function uniqueText(what: string): string {
  seq += 1
  return `${what}（微信测试${Date.now().toString(36)}${seq}）`
}

/** A real (1×1) PNG: what the local cloud's image sniffing and imgSecCheck accept. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** A photo in the phone's temp folder, as wx.chooseMedia hands it over. */
export function photoOnPhone(name: string, bytes: Buffer = PNG): string {
  const dir = mkdtempSync(join(tmpdir(), 'weapp-photo-'))
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** Uploads a photo into `openid`'s own folder, as their phone would; resolves to the file ID. */
export async function uploadAs(openid: string): Promise<string> {
  const path = `${uploadDirOf(openid)}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.png`
  const res = await fetch(`${testCloudUrl()}/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'X-WX-OPENID': openid },
    body: PNG,
  })
  const json = (await res.json()) as { fileID?: string }
  if (typeof json.fileID !== 'string')
    throw new Error(`upload as ${openid}: ${JSON.stringify(json)}`)
  return json.fileID
}

/** The bytes the local cloud serves for a cloud:// file ID (what WeChat's <image> would show). */
export async function storedBytes(fileID: string): Promise<Buffer> {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  if (!m) throw new Error(`not a cloud file ID: ${fileID}`)
  const path = m[1].split('/').map(encodeURIComponent).join('/')
  const res = await fetch(`${testCloudUrl()}/storage/${path}`)
  if (!res.ok) throw new Error(`GET /storage/${path}: HTTP ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

export { api }
