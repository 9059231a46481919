// The building the app is "at": set by scanning a building/household code, kept across launches,
// so a newcomer who scanned a box keeps that context. Other domains read it (e.g. to prefill).
import Taro from '@tarojs/taro'
import type { BuildingView } from '@/contract/account'

const STORAGE_KEY = 'place.currentBuilding'

function isBuilding(value: unknown): value is BuildingView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BuildingView).id === 'string' &&
    typeof (value as BuildingView).name === 'string'
  )
}

export const currentBuilding = {
  get(): BuildingView | null {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    return isBuilding(value) ? value : null
  },
  set(building: BuildingView): void {
    Taro.setStorageSync(STORAGE_KEY, building)
  },
  clear(): void {
    Taro.removeStorageSync(STORAGE_KEY)
  },
}
