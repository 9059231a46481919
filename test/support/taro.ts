// A small stand-in for @tarojs/taro under jsdom (mapped in test/pages/jest.config.js): storage in
// memory, toasts and navigations recorded, page hooks that run with the router params a test sets.
// Only the platform is faked here; our own services run for real against a local cloud.
import { useEffect, useRef } from 'react'

type Params = Record<string, string>

export interface Toast {
  title: string
  icon?: string
}
export interface Navigation {
  kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
  url?: string
}

const state = {
  storage: new Map<string, string>(),
  path: '/pages/index/index',
  params: {} as Params,
  toasts: [] as Toast[],
  navigations: [] as Navigation[],
  phoneCalls: [] as string[],
  showListeners: new Set<() => void>(),
}

/** What tests read and steer. */
export const taroTest = {
  get toasts(): readonly Toast[] {
    return state.toasts
  },
  get navigations(): readonly Navigation[] {
    return state.navigations
  },
  /** the numbers makePhoneCall was asked to dial */
  get phoneCalls(): readonly string[] {
    return state.phoneCalls
  },
  /** The page about to be rendered and its query (`useLoad` and `useRouter` see these). */
  setRouter(path: string, params: Params = {}): void {
    state.path = path
    state.params = { ...params }
  },
  /** Runs `useDidShow` again on every mounted page, as when the resident returns to it. */
  show(): void {
    state.showListeners.forEach((listener) => listener())
  },
  reset(): void {
    state.storage.clear()
    state.toasts.length = 0
    state.navigations.length = 0
    state.phoneCalls.length = 0
    state.path = '/pages/index/index'
    state.params = {}
  },
}

const ok = <T extends object>(extra?: T) => Promise.resolve({ errMsg: 'ok', ...extra })

// ---- storage (JSON round trip, as the real one copies values) ----
export function getStorageSync(key: string): unknown {
  const raw = state.storage.get(key)
  return raw === undefined ? '' : JSON.parse(raw)
}
export function setStorageSync(key: string, value: unknown): void {
  state.storage.set(key, JSON.stringify(value))
}
export function removeStorageSync(key: string): void {
  state.storage.delete(key)
}
export function clearStorageSync(): void {
  state.storage.clear()
}

// ---- phone ----
export function makePhoneCall(options: { phoneNumber: string }) {
  state.phoneCalls.push(options.phoneNumber)
  return ok()
}

// ---- feedback ----
export function showToast(options: { title: string; icon?: string }) {
  state.toasts.push({ title: options.title, icon: options.icon })
  return ok()
}
export const hideToast = () => ok()
export const showLoading = () => ok()
export const hideLoading = () => ok()

// ---- navigation ----
const nav =
  (kind: Navigation['kind']) =>
  (options: { url?: string } = {}) => {
    state.navigations.push({ kind, url: options.url })
    return ok()
  }
export const navigateTo = nav('navigateTo')
export const redirectTo = nav('redirectTo')
export const switchTab = nav('switchTab')
export const reLaunch = nav('reLaunch')
export const navigateBack = nav('navigateBack')
export function getCurrentPages(): { route: string; options: Params }[] {
  return [{ route: state.path.replace(/^\//, ''), options: state.params }]
}

// ---- page hooks ----
export function useLoad(callback: (params: Params) => void): void {
  const ref = useRef(callback)
  useEffect(() => ref.current({ ...state.params }), [])
}
export function useDidShow(callback: () => void): void {
  const ref = useRef(callback)
  ref.current = callback
  useEffect(() => {
    const listener = () => ref.current()
    state.showListeners.add(listener)
    listener()
    return () => {
      state.showListeners.delete(listener)
    }
  }, [])
}
export function useReady(callback: () => void): void {
  const ref = useRef(callback)
  useEffect(() => ref.current(), [])
}
export function useRouter() {
  return { path: state.path, params: { ...state.params } }
}
const noop = (): void => undefined
export const useLaunch = noop
export const useUnload = noop
export const useDidHide = noop
export const useShareAppMessage = noop
export const useShareTimeline = noop
export const usePullDownRefresh = noop
export const useReachBottom = noop
export const usePageScroll = noop
export const stopPullDownRefresh = () => ok()
export const pageScrollTo = () => ok()

export function getCurrentInstance() {
  return { router: { path: state.path, params: { ...state.params } }, page: null }
}

// ---- what NutUI asks of the platform ----
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY' }
export const getEnv = () => ENV_TYPE.WEB
export const nextTick = (fn: () => void) => setTimeout(fn, 0)
export const pxTransform = (size: number) => `${size}px`
const windowInfo = {
  windowWidth: 375,
  windowHeight: 812,
  screenWidth: 375,
  screenHeight: 812,
  pixelRatio: 2,
  statusBarHeight: 20,
  safeArea: { top: 20, bottom: 812, left: 0, right: 375, width: 375, height: 792 },
}
export const getSystemInfoSync = () => ({ ...windowInfo, platform: 'devtools', system: 'jsdom' })
export const getWindowInfo = () => windowInfo
export const getDeviceInfo = () => ({ platform: 'devtools', system: 'jsdom', pixelRatio: 2 })
export const getAppBaseInfo = () => ({ SDKVersion: '3.0.0', theme: 'light' })
export const getSystemInfo = () => ok(getSystemInfoSync())

type Rect = {
  width: number
  height: number
  top: number
  left: number
  right: number
  bottom: number
}
export function createSelectorQuery() {
  const results: (Rect | null)[] = []
  const query = {
    in: () => query,
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    boundingClientRect: () => {
      results.push({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 })
      return query
    },
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: (res: (Rect | null)[]) => void) => {
      setTimeout(() => cb?.(results), 0)
    },
  }
  return query
}

type Handler = (...args: unknown[]) => void
class Events {
  private handlers = new Map<string, Set<Handler>>()
  on(name: string, handler: Handler) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set())
    this.handlers.get(name)?.add(handler)
    return this
  }
  off(name?: string, handler?: Handler) {
    if (name === undefined) this.handlers.clear()
    else if (handler) this.handlers.get(name)?.delete(handler)
    else this.handlers.delete(name)
    return this
  }
  trigger(name: string, ...args: unknown[]) {
    this.handlers.get(name)?.forEach((h) => h(...args))
    return this
  }
}
export const eventCenter = new Events()

/** h5 never calls the WeChat cloud; a call here means a platform switch is wrong. */
export const cloud = {
  init: noop,
  callFunction: () => Promise.reject(new Error('Taro.cloud.callFunction called under h5 tests')),
}

const Taro = {
  makePhoneCall,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  getCurrentPages,
  getCurrentInstance,
  stopPullDownRefresh,
  pageScrollTo,
  ENV_TYPE,
  getEnv,
  nextTick,
  pxTransform,
  getSystemInfoSync,
  getWindowInfo,
  getDeviceInfo,
  getAppBaseInfo,
  getSystemInfo,
  createSelectorQuery,
  eventCenter,
  cloud,
}

export default Taro
