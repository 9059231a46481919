// How big the app's type is: WeChat's own font size (我-设置-通用-字体大小; 关怀模式 sets about
// 1.4×), read once at launch, and 大字模式, the app's own switch for residents whose WeChat font is
// standard. PageShell applies the result as the CSS variable --fs-k that every font size and
// touch target in app.css / page-shell multiplies by; from LARGE_LAYOUT on, pages use their
// one-column large layout. In h5, `?font=1.4` simulates the WeChat setting (and `?font=1` ends it).
import Taro from '@tarojs/taro'
import { useElderMode } from './use-elder-mode'

/** 大字模式's scale for a resident whose WeChat font is standard */
export const ELDER_SCALE = 1.25
/** from this scale on, tiles and chips go one to a row */
export const LARGE_LAYOUT = 1.3
const MAX_SCALE = 2
/** WeChat's standard font size in px (fontSizeSetting), when no scale factor is given */
const STANDARD_FONT_PX = 16
const SIMULATED_KEY = 'ui.simulatedFontScale'

function clampScale(n: number): number {
  if (!Number.isFinite(n) || n <= 1.05) return 1
  return Math.min(MAX_SCALE, Math.round(n * 100) / 100)
}

interface BaseInfo {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
}

/** WeChat's font scale: getAppBaseInfo (base library ≥ 2.20.1), else getSystemInfoSync. */
export function wechatFontScale(): number {
  let info: BaseInfo = {}
  try {
    if (typeof Taro.getAppBaseInfo === 'function') info = Taro.getAppBaseInfo() as BaseInfo
    if (info.fontSizeScaleFactor === undefined && info.fontSizeSetting === undefined) {
      info = Taro.getSystemInfoSync() as BaseInfo
    }
  } catch {
    return 1
  }
  if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) {
    return clampScale(info.fontSizeScaleFactor)
  }
  if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) {
    return clampScale(info.fontSizeSetting / STANDARD_FONT_PX)
  }
  return 1
}

/** h5 only: `?font=<scale>` on any URL, remembered for the pages opened after it. */
function simulatedScale(): number | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null
  const asked = new URLSearchParams(window.location.search).get('font')
  if (asked !== null) {
    const n = clampScale(Number(asked))
    Taro.setStorageSync(SIMULATED_KEY, n)
    return n
  }
  const kept: unknown = Taro.getStorageSync(SIMULATED_KEY)
  return typeof kept === 'number' ? clampScale(kept) : null
}

let launchScale: number | null = null

/** The system's scale, read once (WeChat applies a new font size by restarting the mini-program). */
export function systemFontScale(): number {
  const simulated = simulatedScale()
  if (simulated !== null) return simulated
  launchScale ??= wechatFontScale()
  return launchScale
}

export interface TypeScale {
  /** what every size is multiplied by */
  k: number
  /** one column: tiles, chips and cards one to a row */
  large: boolean
  elder: boolean
}

export function typeScaleOf(system: number, elder: boolean): TypeScale {
  const k = elder ? Math.max(system, ELDER_SCALE) : system
  return { k, large: elder || k >= LARGE_LAYOUT, elder }
}

/** The type scale of the page being shown; `elderOverride` is a `?elder=` on its URL. */
export function useTypeScale(elderOverride: boolean | null = null): TypeScale {
  const [stored] = useElderMode()
  return typeScaleOf(systemFontScale(), elderOverride ?? stored)
}
