// Photos for suggestions: choose, shrink, upload to cloud storage with progress.
// weapp: chooseMedia (compressed) → compressImage → wx.cloud.uploadFile.
// h5 (local demo): file input → canvas downscale to ≤ 1600 px JPEG → POST /upload on the local cloud.
import Taro from '@tarojs/taro'
import { accountService } from './account'
import { apiUrl, ensureCloud } from './cloud'
import { currentPersonaId } from './persona'

/** A photo picked on this device, not yet (or being) uploaded. */
export interface LocalPhoto {
  key: string
  /** what <Image src> can show right away */
  preview: string
  /** h5 only: the picked file */
  file?: Blob
}

export class UploadError extends Error {}

export const MAX_EDGE_PX = 1600
const JPEG_QUALITY = 0.8

let seq = 0
const nextKey = () => `p${Date.now().toString(36)}${(seq++).toString(36)}`

function isCancel(err: unknown): boolean {
  const msg =
    typeof err === 'object' && err !== null && 'errMsg' in err
      ? String((err as { errMsg: unknown }).errMsg)
      : String(err)
  return /cancel|abort/i.test(msg)
}

/** Lets the resident pick up to `max` photos. Resolves to [] when they back out. */
export async function choosePhotos(max: number): Promise<LocalPhoto[]> {
  if (max <= 0) return []
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({
        count: max,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      return res.tempFiles.slice(0, max).map((f) => ({ key: nextKey(), preview: f.tempFilePath }))
    }
    // One source on h5: a phone browser's own picker offers the camera too, and Taro would
    // otherwise put an extra 拍摄/相册 sheet in front of it.
    const res = await Taro.chooseImage({ count: max, sourceType: ['album'] })
    return res.tempFiles.slice(0, max).map((f) => ({
      key: nextKey(),
      preview: f.path,
      file: f.originalFileObj,
    }))
  } catch (err) {
    if (isCancel(err)) return []
    throw new UploadError('没能打开相册，请再试一次')
  }
}

// The caller's upload folder, from their profile (per persona on h5, where the persona can change).
const folders = new Map<string, Promise<string>>()

function uploadDir(): Promise<string> {
  const who = process.env.TARO_ENV === 'weapp' ? 'me' : currentPersonaId()
  let dir = folders.get(who)
  if (!dir) {
    dir = accountService.login({ silent: true }).then((p) => p.uploadDir)
    dir.catch(() => folders.delete(who))
    folders.set(who, dir)
  }
  return dir
}

async function storagePath(): Promise<string> {
  const rand = Math.random().toString(36).slice(2, 8)
  return `${await uploadDir()}/${Date.now()}-${rand}.jpg`
}

/**
 * Uploads one photo; `onProgress` gets 0–100. Resolves to the cloud file ID.
 * Throws UploadError with a sentence a resident can read.
 */
export async function uploadPhoto(
  photo: LocalPhoto,
  onProgress: (percent: number) => void,
): Promise<string> {
  const path = await storagePath()
  return process.env.TARO_ENV === 'weapp'
    ? uploadWeapp(photo.preview, path, onProgress)
    : uploadH5(photo, path, onProgress)
}

async function uploadWeapp(
  tempPath: string,
  cloudPath: string,
  onProgress: (percent: number) => void,
): Promise<string> {
  let filePath = tempPath
  try {
    // 1280 px wide at quality 70 is ~200–400 KB: enough to see a leak, and under imgSecCheck's 1 MB.
    const option = { src: tempPath, quality: 70, compressedWidth: 1280 }
    filePath = (await Taro.compressImage(option)).tempFilePath
  } catch {
    // Some devices cannot compress some formats; chooseMedia already gave a compressed copy.
  }
  return new Promise<string>((resolve, reject) => {
    ensureCloud()
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID),
      fail: () => reject(new UploadError('照片没有传上去，请检查网络后再试')),
    })
    task.onProgressUpdate((res) => onProgress(res.progress))
  })
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new UploadError('这张照片打不开，请换一张'))
    img.src = src
  })
}

/** Longest edge ≤ 1600 px, re-encoded as JPEG: a phone photo of 4–8 MB becomes ~300 KB. */
async function downscale(file: Blob): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    const img = await loadImage(url)
    const scale = Math.min(1, MAX_EDGE_PX / Math.max(img.naturalWidth, img.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    // JPEG has no transparency: paint white first so a transparent PNG does not turn black.
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
    )
    return blob ?? file
  } finally {
    URL.revokeObjectURL(url)
  }
}

async function uploadH5(
  photo: LocalPhoto,
  path: string,
  onProgress: (percent: number) => void,
): Promise<string> {
  const source = photo.file ?? (await (await fetch(photo.preview)).blob())
  const body = await downscale(source)
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl(`/upload?path=${encodeURIComponent(path)}`))
    xhr.setRequestHeader('content-type', body.type || 'image/jpeg')
    xhr.setRequestHeader('X-WX-OPENID', currentPersonaId())
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      let fileID: unknown = null
      try {
        fileID = (JSON.parse(xhr.responseText) as { fileID?: unknown }).fileID
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof fileID === 'string') {
        onProgress(100)
        resolve(fileID)
      } else {
        reject(new UploadError('照片没有传上去，请再试一次'))
      }
    }
    xhr.onerror = () => reject(new UploadError('照片没有传上去，请检查网络后再试'))
    xhr.send(body)
  })
}

/**
 * Uploads a voice note into the caller's own folder, like a photo; resolves to its cloud file ID.
 * Throws UploadError with a sentence a resident can read.
 */
export async function uploadVoice(voice: {
  src: string
  blob?: Blob
  ext: 'mp3' | 'webm'
}): Promise<string> {
  const rand = Math.random().toString(36).slice(2, 8)
  const path = `${await uploadDir()}/${Date.now()}-${rand}.${voice.ext}`
  const failed = new UploadError('语音没有传上去，请检查网络后再试')
  if (process.env.TARO_ENV === 'weapp') {
    ensureCloud()
    try {
      return (await Taro.cloud.uploadFile({ cloudPath: path, filePath: voice.src })).fileID
    } catch {
      throw failed
    }
  }
  const body = voice.blob ?? (await (await fetch(voice.src)).blob())
  let res: Response
  try {
    res = await fetch(apiUrl(`/upload?path=${encodeURIComponent(path)}`), {
      method: 'POST',
      headers: { 'content-type': body.type || 'audio/webm', 'X-WX-OPENID': currentPersonaId() },
      body,
    })
  } catch {
    throw failed
  }
  const answer = (await res.json().catch(() => ({}))) as { fileID?: unknown }
  if (!res.ok || typeof answer.fileID !== 'string') throw failed
  return answer.fileID
}
