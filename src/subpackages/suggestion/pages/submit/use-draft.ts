// The suggestion being written, kept as a draft per building: restored once the building is known,
// saved as the resident goes, forgotten once filed. Its client token makes a retried submission
// the same suggestion, so it lives with the draft.
import { useEffect, useRef, useState } from 'react'
import type { Category } from '@/contract/suggestion'
import type { PhotoUploads } from '@/components/photo-picker'
import { newClientToken, suggestionDraft } from '@/services/suggestion'
import type { PlaceChoice } from '../../place'

export interface Draft {
  category: Category | null
  setCategory: (category: Category | null) => void
  text: string
  setText: (text: string) => void
  phone: string
  setPhone: (phone: string) => void
  anonymous: boolean
  setAnonymous: (anonymous: boolean) => void
  clientToken: string
  /** a draft left unfinished earlier was brought back */
  restored: boolean
  /** empties the form (photos too) and starts a new suggestion with a fresh client token */
  clear: () => void
  /** forgets the saved draft, once the suggestion is filed */
  discard: () => void
}

/**
 * The draft for the building `place` (none yet while it is being found); `photos` are the
 * suggestion's photos; once `done` (filed) nothing more is saved.
 */
export function useDraft(place: PlaceChoice | null, photos: PhotoUploads, done: boolean): Draft {
  const [category, setCategory] = useState<Category | null>(null)
  const [text, setText] = useState('')
  const [phone, setPhone] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [clientToken, setClientToken] = useState(newClientToken)
  const [restored, setRestored] = useState(false)
  const resetPhotos = photos.reset
  // The draft is only written after it has been read for this building, never over it.
  const draftFor = useRef<string | null>(null)

  // Restore this building's draft once the building is known.
  useEffect(() => {
    if (!place || draftFor.current === place.id) return
    const draft = suggestionDraft.get(place.id)
    if (draft) {
      setCategory(draft.category)
      setText(draft.text)
      setPhone(draft.contactPhone)
      setAnonymous(draft.anonymous)
      setClientToken(draft.clientToken)
      resetPhotos(draft.images)
      setRestored(draft.text.length > 0 || draft.images.length > 0 || draft.category !== null)
    }
    draftFor.current = place.id
  }, [place, resetPhotos])

  // Save as the resident goes: closing the page, a phone call, WeChat killed — nothing is lost.
  const fileIdsKey = photos.fileIds.join(',')
  useEffect(() => {
    if (!place || draftFor.current !== place.id || done) return
    const empty = !category && !text && !phone && !anonymous && fileIdsKey === ''
    if (empty) {
      suggestionDraft.clear(place.id)
      return
    }
    suggestionDraft.save({
      buildingId: place.id,
      category,
      text,
      images: fileIdsKey ? fileIdsKey.split(',') : [],
      contactPhone: phone,
      anonymous,
      clientToken,
    })
  }, [place, category, text, phone, anonymous, fileIdsKey, clientToken, done])

  const clear = () => {
    setCategory(null)
    setText('')
    setPhone('')
    setAnonymous(false)
    photos.reset()
    setClientToken(newClientToken())
    setRestored(false)
  }

  const discard = () => {
    if (place) suggestionDraft.clear(place.id)
  }

  return {
    category,
    setCategory,
    text,
    setText,
    phone,
    setPhone,
    anonymous,
    setAnonymous,
    clientToken,
    restored,
    clear,
    discard,
  }
}
