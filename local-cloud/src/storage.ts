// Cloud storage stand-in: files under <dataDir>/storage, addressed by cloud paths and fileIDs.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { invalidParam } from './errors'

export const ENV_ID = 'local'
export const BUCKET = 'local-bucket'
const FILE_ID_PREFIX = `cloud://${ENV_ID}.${BUCKET}/`

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif'

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  webm: 'audio/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
}

/** Recognises the four image formats WeChat pages display, by their magic bytes. */
export function sniffImage(buf: Buffer): ImageKind | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg'
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) {
    return 'png'
  }
  if (
    buf.length >= 12 &&
    buf.toString('latin1', 0, 4) === 'RIFF' &&
    buf.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'webp'
  }
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.toString('latin1', 0, 6))) return 'gif'
  return null
}

export type AudioKind = 'webm' | 'ogg' | 'mp3' | 'm4a' | 'wav'

/** Recognises the voice-note formats (WeChat's recorder: mp3 / aac; browsers: webm / ogg) by their magic bytes. */
export function sniffAudio(buf: Buffer): AudioKind | null {
  if (buf.length >= 4 && buf.subarray(0, 4).equals(Buffer.from('1a45dfa3', 'hex'))) return 'webm'
  if (buf.length >= 4 && buf.toString('latin1', 0, 4) === 'OggS') return 'ogg'
  if (buf.length >= 3 && buf.toString('latin1', 0, 3) === 'ID3') return 'mp3'
  if (buf.length >= 2 && buf[0] === 0xff && (buf[1] & 0xe0) === 0xe0 && buf[1] !== 0xd8) {
    return 'mp3'
  }
  if (buf.length >= 8 && buf.toString('latin1', 4, 8) === 'ftyp') return 'm4a'
  if (
    buf.length >= 12 &&
    buf.toString('latin1', 0, 4) === 'RIFF' &&
    buf.toString('latin1', 8, 12) === 'WAVE'
  ) {
    return 'wav'
  }
  return null
}

export function contentTypeFor(file: string, head?: Buffer): string {
  const ext = path.extname(file).slice(1).toLowerCase()
  const byExt = CONTENT_TYPES[ext]
  if (byExt) return byExt
  const kind = head ? sniffImage(head) : null
  return kind ? `image/${kind}` : 'application/octet-stream'
}

/** Percent-encodes each segment, keeping the slashes: what the SDK PUTs to verbatim. */
export function encodeCloudPath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/')
}

export class FileStorage {
  readonly root: string

  constructor(dataDir: string) {
    this.root = path.join(path.resolve(dataDir), 'storage')
    fs.mkdirSync(this.root, { recursive: true })
  }

  /** The file behind a cloud path; anything that could leave the storage root is refused. */
  resolve(cloudPath: unknown): string {
    if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > 1024) {
      throw invalidParam('cloudPath must be a non-empty string of at most 1024 characters')
    }
    // Control characters (NUL included) have no place in a file name.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\\]/.test(cloudPath) || cloudPath.startsWith('/')) {
      throw invalidParam(`invalid cloudPath: ${cloudPath}`)
    }
    const segments = cloudPath.split('/')
    if (segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw invalidParam(`invalid cloudPath: ${cloudPath}`)
    }
    const file = path.resolve(this.root, ...segments)
    if (!file.startsWith(this.root + path.sep))
      throw invalidParam(`invalid cloudPath: ${cloudPath}`)
    return file
  }

  fileIdFor(cloudPath: string): string {
    return FILE_ID_PREFIX + cloudPath
  }

  /** `cloud://<env>.<bucket>/<path>` → `<path>` (any env and bucket, as fileIDs get copied). */
  pathOfFileId(fileId: unknown): string | null {
    if (typeof fileId !== 'string') return null
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
    return m ? m[1] : null
  }

  exists(cloudPath: string): boolean {
    try {
      return fs.statSync(this.resolve(cloudPath)).isFile()
    } catch {
      return false
    }
  }

  /** Written to a temp file and renamed, so a reader never sees half a file. */
  write(cloudPath: string, data: Buffer): void {
    const file = this.resolve(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.${randomBytes(6).toString('hex')}.part`
    fs.writeFileSync(tmp, data)
    fs.renameSync(tmp, file)
  }

  remove(cloudPath: string): boolean {
    try {
      fs.unlinkSync(this.resolve(cloudPath))
      return true
    } catch {
      return false
    }
  }
}
