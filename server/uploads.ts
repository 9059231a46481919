// Where a caller's uploads go. The folder names the uploader by a pseudonym, not by openid:
// photo paths are shown to whoever may see the photo (neighbours on the board among them), and
// an openid is the one identifier of a WeChat user in this mini-program.
import { createHash } from 'node:crypto'
import { UPLOAD_DIR } from '../src/contract/suggestion'

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
