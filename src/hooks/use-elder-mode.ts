// 大字模式 (elder mode): one switch, kept in storage, shared live by every mounted page.
import Taro from '@tarojs/taro'
import { useCallback, useSyncExternalStore } from 'react'

const STORAGE_KEY = 'ui.elderMode'
const listeners = new Set<() => void>()
let cached: boolean | null = null

function read(): boolean {
  if (cached === null) cached = Taro.getStorageSync(STORAGE_KEY) === true
  return cached
}

export function setElderMode(on: boolean): void {
  if (read() === on) return
  cached = on
  Taro.setStorageSync(STORAGE_KEY, on)
  listeners.forEach((notify) => notify())
}

/** Forget the in-memory copy (storage is the source of truth; tests reset storage between cases). */
export function reloadElderMode(): void {
  cached = null
  listeners.forEach((notify) => notify())
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify)
  return () => listeners.delete(notify)
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, read)
  const set = useCallback((next: boolean) => setElderMode(next), [])
  return [on, set]
}
