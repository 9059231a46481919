// Photos being added to a suggestion or a result: pick, watch each upload's progress, remove.
import { Image, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_IMAGES } from '@/contract/suggestion'
import { imageUrl } from '@/services/image-url'
import { choosePhotos, uploadPhoto, UploadError, type LocalPhoto } from '@/services/upload'
import './index.css'

export interface PhotoItem {
  key: string
  preview: string
  /** 0–100 while uploading */
  progress: number
  /** set once stored */
  fileId: string | null
  error: string | null
  local: LocalPhoto | null
}

export interface PhotoUploads {
  items: PhotoItem[]
  /** stored photos, in order */
  fileIds: string[]
  uploading: boolean
  failed: boolean
  add: () => Promise<void>
  remove: (key: string) => void
  retry: (key: string) => void
  reset: (fileIds?: readonly string[]) => void
  /** why picking failed, in words */
  pickError: string | null
}

const stored = (fileId: string): PhotoItem => ({
  key: fileId,
  preview: imageUrl(fileId),
  progress: 100,
  fileId,
  error: null,
  local: null,
})

/** Upload state for up to `max` photos; `initial` are already-stored file IDs (a restored draft). */
export function usePhotoUploads(initial: readonly string[] = [], max = MAX_IMAGES): PhotoUploads {
  const [items, setItems] = useState<PhotoItem[]>(() => initial.map(stored))
  const [pickError, setPickError] = useState<string | null>(null)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const patch = useCallback((key: string, change: Partial<PhotoItem>) => {
    if (!alive.current) return
    setItems((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))
  }, [])

  const upload = useCallback(
    async (photo: LocalPhoto) => {
      patch(photo.key, { progress: 0, error: null })
      try {
        const fileId = await uploadPhoto(photo, (progress) => patch(photo.key, { progress }))
        patch(photo.key, { fileId, progress: 100 })
      } catch (err) {
        patch(photo.key, {
          error: err instanceof UploadError ? err.message : '照片没有传上去，请再试一次',
        })
      }
    },
    [patch],
  )

  const add = useCallback(async () => {
    setPickError(null)
    let picked: LocalPhoto[]
    try {
      picked = await choosePhotos(max - items.length)
    } catch (err) {
      setPickError(err instanceof UploadError ? err.message : '没能打开相册，请再试一次')
      return
    }
    if (picked.length === 0) return
    setItems((list) =>
      [
        ...list,
        ...picked.map((p) => ({
          key: p.key,
          preview: p.preview,
          progress: 0,
          fileId: null,
          error: null,
          local: p,
        })),
      ].slice(0, max),
    )
    // One at a time: a weak phone signal does better with one upload than with nine.
    for (const p of picked) await upload(p)
  }, [items.length, max, upload])

  const remove = useCallback((key: string) => {
    setItems((list) => list.filter((p) => p.key !== key))
  }, [])

  const retry = useCallback(
    (key: string) => {
      const item = items.find((p) => p.key === key)
      if (item?.local) void upload(item.local)
    },
    [items, upload],
  )

  const reset = useCallback((fileIds: readonly string[] = []) => {
    setItems(fileIds.map(stored))
  }, [])

  const fileIds = items.flatMap((p) => (p.fileId ? [p.fileId] : []))
  return {
    items,
    fileIds,
    uploading: items.some((p) => !p.fileId && !p.error),
    failed: items.some((p) => p.error !== null),
    add,
    remove,
    retry,
    reset,
    pickError,
  }
}

interface PhotoPickerProps {
  uploads: PhotoUploads
  max?: number
  /** e.g. 加照片 / 加结果照片 */
  addLabel?: string
}

export function PhotoPicker({ uploads, max = MAX_IMAGES, addLabel = '加照片' }: PhotoPickerProps) {
  const { items, add, remove, retry, pickError } = uploads
  return (
    <View className="photo-picker" data-testid="photo-picker">
      <View className="photo-picker__grid">
        {items.map((p, i) => (
          <View key={p.key} className="photo-picker__cell" data-testid="photo">
            <Image className="photo-picker__img" src={p.preview} mode="aspectFill" />
            {!p.fileId && !p.error && (
              <View className="photo-picker__veil">
                <Text className="photo-picker__progress">{p.progress}%</Text>
              </View>
            )}
            {p.error && (
              <View
                className="photo-picker__veil photo-picker__veil--error"
                ariaRole="button"
                ariaLabel={`第 ${i + 1} 张没传上去，点一下重传`}
                onClick={() => retry(p.key)}
              >
                <Text className="photo-picker__retry">没传上去{'\n'}点这里重传</Text>
              </View>
            )}
            <View
              className="photo-picker__remove"
              ariaRole="button"
              ariaLabel={`删掉第 ${i + 1} 张照片`}
              onClick={() => remove(p.key)}
            >
              ×
            </View>
          </View>
        ))}
        {items.length < max && (
          <View
            className="photo-picker__add"
            ariaRole="button"
            ariaLabel={addLabel}
            onClick={() => void add()}
          >
            <Text className="photo-picker__plus">+</Text>
            <Text className="photo-picker__add-text">{addLabel}</Text>
          </View>
        )}
      </View>
      <Text className="photo-picker__hint">
        已选 {items.length} 张，最多 {max} 张
      </Text>
      {pickError && <Text className="error-text">{pickError}</Text>}
    </View>
  )
}
