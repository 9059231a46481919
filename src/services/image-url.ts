// What an <Image src> needs for a stored photo. weapp shows cloud:// file IDs natively; the h5
// local demo serves `cloud://<env>.<bucket>/<path>` at `/storage/<path>` on the local cloud.
import { apiUrl } from './cloud'

const CLOUD_FILE = /^cloud:\/\/[^/]+\/(.+)$/

export function imageUrl(fileId: string): string {
  if (process.env.TARO_ENV === 'weapp') return fileId
  const m = CLOUD_FILE.exec(fileId)
  if (!m) return fileId
  const path = m[1]
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/')
  return apiUrl(`/storage/${path}`)
}

export function imageUrls(fileIds: readonly string[]): string[] {
  return fileIds.map(imageUrl)
}
