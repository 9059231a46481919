// One page's cloud read: reloaded each time the page shows, failures said in words (the message
// comes from services/cloud.ts), and only the latest request may write. Pages render it with
// <LoadState>, which owns the loading line and the error with its 重试 button.
import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { errorMessage } from '@/services/cloud'

export interface Load<T> {
  data: T | null
  error: string | null
  /** true while a request is on the way (also during a reload that keeps the old data shown) */
  loading: boolean
  /** read again (after an action, or from 重试); pass a new fetcher when the filters changed */
  reload: (fetch?: () => Promise<T>) => void
  /** replace the data in place (after an action that returned the new state) */
  set: (data: T) => void
}

export interface LoadOptions {
  /** the sentence shown when the read fails without a message of its own */
  fallback?: string
  /** read on every show (default) or only when reload() is called */
  onShow?: boolean
}

export function useLoad<T>(fetch: () => Promise<T>, options: LoadOptions = {}): Load<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const generation = useRef(0)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const fallback = options.fallback ?? '没能读到内容，请检查网络后再试'

  const reload = useCallback(
    (replacement?: () => Promise<T>) => {
      if (replacement) fetchRef.current = replacement
      const gen = ++generation.current
      setError(null)
      setLoading(true)
      fetchRef
        .current()
        .then((value) => {
          if (gen === generation.current) setData(value)
        })
        .catch((err: unknown) => {
          if (gen === generation.current) setError(errorMessage(err, fallback))
        })
        .finally(() => {
          if (gen === generation.current) setLoading(false)
        })
    },
    [fallback],
  )

  useDidShow(() => {
    if (options.onShow !== false) reload()
  })

  const set = useCallback((value: T) => {
    generation.current++
    setData(value)
    setLoading(false)
  }, [])

  return { data, error, loading, reload, set }
}
