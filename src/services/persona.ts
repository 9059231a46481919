// h5 local demo: who "I" am. The local cloud gateway reads this openid from the X-WX-OPENID header;
// on weapp WeChat itself says who the caller is and none of this is used.
import Taro from '@tarojs/taro'
import { PERSONAS, type Persona } from '@/contract/personas'

const STORAGE_KEY = 'demo.persona'

/** true where identity is chosen by hand (the h5 local demo), false on WeChat. */
export const isLocalDemo = process.env.TARO_ENV === 'h5'

export { PERSONAS }
export type { Persona }

function randomId(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0')
}

function fromUrl(): string | null {
  if (typeof window === 'undefined') return null
  const as = new URLSearchParams(window.location.search).get('as')
  return as && /^[A-Za-z0-9_-]{1,64}$/.test(as) ? as : null
}

/** `?as=<openid>` (and remembered), else the remembered one, else a fresh newcomer `h5-<random>`. */
export function currentPersonaId(): string {
  const asked = fromUrl()
  if (asked) {
    if (Taro.getStorageSync(STORAGE_KEY) !== asked) Taro.setStorageSync(STORAGE_KEY, asked)
    return asked
  }
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
  if (typeof stored === 'string' && stored) return stored
  const fresh = `h5-${randomId()}`
  Taro.setStorageSync(STORAGE_KEY, fresh)
  return fresh
}

export function setPersona(openid: string): void {
  Taro.setStorageSync(STORAGE_KEY, openid)
}

/** A brand-new resident nobody has seen before (for trying the newcomer flow again). */
export function newVisitor(): string {
  const id = `h5-${randomId()}`
  setPersona(id)
  return id
}

/** The persona for an openid, or a generic "new resident on this device" entry. */
export function personaOf(openid: string): Persona {
  return (
    PERSONAS.find((p) => p.openid === openid) ?? {
      openid,
      name: '本机新住户',
      role: '新住户 · 本机随机身份',
    }
  )
}
