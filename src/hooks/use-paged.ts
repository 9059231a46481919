// A cursor-paged list: first page on show, more on demand, every failure said in words.
import { useCallback, useRef, useState } from 'react'
import type { Page } from '@/contract/common'
import { errorMessage } from '@/services/cloud'

export interface Paged<T, P extends Page<T> = Page<T>> {
  items: T[] | null
  error: string | null
  loadingMore: boolean
  hasMore: boolean
  /** (re)load the first page; pass the new fetcher when the filters just changed */
  reload: (fetchPage?: (cursor: string | null) => Promise<P>) => void
  more: () => void
  /** replace one item in place (after an action on it) */
  update: (match: (item: T) => boolean, change: (item: T) => T) => void
}

const messageOf = (err: unknown) => errorMessage(err, '没能读到内容，请检查网络后再试')

export function usePaged<T, P extends Page<T> = Page<T>>(
  fetchPage: (cursor: string | null) => Promise<P>,
  onPage?: (page: P) => void,
): Paged<T, P> {
  const [items, setItems] = useState<T[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  // Only the latest request may write: a slow old filter must not overwrite a new one.
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const onPageRef = useRef(onPage)
  onPageRef.current = onPage

  const reload = useCallback((replacement?: (cursor: string | null) => Promise<P>) => {
    const gen = ++generation.current
    setError(null)
    if (replacement) fetchRef.current = replacement
    fetchRef
      .current(null)
      .then((page) => {
        if (gen !== generation.current) return
        setItems(page.items)
        setCursor(page.cursor)
        onPageRef.current?.(page)
      })
      .catch((err: unknown) => {
        if (gen === generation.current) setError(messageOf(err))
      })
  }, [])

  const more = useCallback(() => {
    if (!cursor || loadingMore) return
    const gen = generation.current
    setLoadingMore(true)
    fetchRef
      .current(cursor)
      .then((page) => {
        if (gen !== generation.current) return
        setItems((list) => [...(list ?? []), ...page.items])
        setCursor(page.cursor)
      })
      .catch((err: unknown) => {
        if (gen === generation.current) setError(messageOf(err))
      })
      .finally(() => setLoadingMore(false))
  }, [cursor, loadingMore])

  const update = useCallback((match: (item: T) => boolean, change: (item: T) => T) => {
    setItems((list) => list?.map((it) => (match(it) ? change(it) : it)) ?? list)
  }, [])

  return { items, error, loadingMore, hasMore: cursor !== null, reload, more, update }
}
