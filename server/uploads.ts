// Where a caller's uploads go. The folder names the uploader by a pseudonym, not by openid:
// photo paths are shown to whoever may see the photo (neighbours on the board among them), and
// an openid is the one identifier of a WeChat user in this mini-program.
import { createHash, randomBytes } from 'node:crypto'
import { UPLOAD_DIR } from '../src/contract/common'
import { getCloud } from './cloud'
import { invalid } from './errors'

export function uploadDirOf(openid: string): string {
  const pseudonym = createHash('sha256').update(`minqing-sudi/uploads/${openid}`).digest('hex')
  return `${UPLOAD_DIR}/${pseudonym.slice(0, 24)}`
}

/** A storage path inside the caller's own folder (no empty, `.` or `..` segments). */
export function isOwnUpload(openid: string, path: string): boolean {
  const prefix = `${uploadDirOf(openid)}/`
  return (
    path.startsWith(prefix) &&
    path.length > prefix.length &&
    !path.split('/').some((s) => s === '' || s === '.' || s === '..')
  )
}

/** The local gateway's stand-in for the storage rule "only the uploader writes their folder". */
export const mayUpload = (openid: string | undefined, path: string): boolean =>
  openid !== undefined && isOwnUpload(openid, path)

// Photos attached to a record: only files the caller uploaded into their own folder may be
// attached, and the photos of an anonymous record are moved out of that folder (its name is the
// uploader's pseudonym, which would tie the record to the uploader's other ones).

/** The storage path of a cloud file ID: cloud://<env>.<bucket>/<path> → <path>. */
export function storagePath(fileId: string): string {
  const rest = fileId.replace(/^cloud:\/\//, '')
  const slash = rest.indexOf('/')
  return slash < 0 ? '' : rest.slice(slash + 1)
}

/** Refuses a voice note (or any other file) outside the caller's own upload folder. */
export function requireOwnFile(fileId: string, openid: string, refusal: string): void {
  if (!isOwnUpload(openid, storagePath(fileId))) throw invalid(refusal)
}

/** Refuses any photo outside the caller's own upload folder. */
export function requireOwnImages(images: readonly string[], openid: string): void {
  for (const id of images) {
    if (!isOwnUpload(openid, storagePath(id))) throw invalid('只能使用您自己上传的照片')
  }
}

const EXT = /\.(jpe?g|png|webp|gif|heic|mp3|m4a|aac|webm|ogg|wav)$/i

interface Storage {
  downloadFile(p: { fileID: string }): Promise<{ fileContent: Buffer }>
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  deleteFile(p: { fileList: string[] }): Promise<unknown>
}

const storage = (): Storage => getCloud() as unknown as Storage

/**
 * Copies photos to `suggestions/anonymous/<random>` so their paths name no one. Returns the new
 * file IDs; the originals are removed with `discard` once the suggestion is stored.
 */
export async function anonymise(images: readonly string[]): Promise<string[]> {
  if (!images.length) return []
  const copies = await Promise.allSettled(
    images.map(async (id) => {
      const { fileContent } = await storage().downloadFile({ fileID: id })
      const ext = (EXT.exec(storagePath(id))?.[1] ?? 'jpg').toLowerCase()
      const cloudPath = `${UPLOAD_DIR}/anonymous/${randomBytes(12).toString('hex')}.${ext}`
      return (await storage().uploadFile({ cloudPath, fileContent })).fileID
    }),
  )
  const made = copies.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []))
  if (made.length === images.length) return made
  // One copy failed: remove the ones that were made, so no orphan is left behind.
  console.error(
    '[uploads.anonymise]',
    copies.flatMap((c) => (c.status === 'rejected' ? [c.reason] : [])),
  )
  await discard(made)
  throw invalid('照片没有上传成功，请重新选择照片')
}

/** Best-effort removal (of originals after anonymising, or of copies when the write failed). */
export async function discard(images: readonly string[]): Promise<void> {
  if (!images.length) return
  try {
    await storage().deleteFile({ fileList: [...images] })
  } catch (err) {
    console.error('[uploads.discard]', err)
  }
}
