// Boots the compiled weapp (dist/weapp) inside miniprogram-simulate, the way TOOLCHAIN-NOTES
// measured it: App shim → app.js + onLaunch → comp → Page shim → page → lifecycle by hand.
// `wx` is a stub whose cloud API forwards to a local cloud over HTTP as `openid`: callFunction to
// /api/<fn>, uploadFile to /upload (the storage rule included), requestSubscribeMessage to the
// local cloud's stand-in. Only what the device itself does (camera, album) is scripted by the test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')
export const DIST = join(ROOT, 'dist', 'weapp')

/** What `taro build --type weapp` reads: a change to any of these makes dist/weapp stale. */
const BUILD_INPUTS = [
  'src',
  'config',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
  'babel.config.js',
  'tsconfig.json',
  'project.config.json',
  'package.json',
]

function newestUnder(path: string): { path: string; mtimeMs: number } | null {
  if (!existsSync(path)) return null
  const st = statSync(path)
  if (!st.isDirectory()) return { path, mtimeMs: st.mtimeMs }
  // a directory's own time moves when a file in it is removed or renamed
  let newest: { path: string; mtimeMs: number } | null = { path, mtimeMs: st.mtimeMs }
  for (const name of readdirSync(path)) {
    const found = newestUnder(join(path, name))
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found
  }
  return newest
}

/**
 * Why dist/weapp cannot be trusted to be the build of the sources as they are now, or null when
 * it can: missing, or older than the newest file it is built from (src/, config/, .env* …).
 */
export function staleWeappBuild(): string | null {
  const app = join(DIST, 'app.js')
  if (!existsSync(app)) return `${app} is missing`
  const built = statSync(app).mtimeMs
  let newest: { path: string; mtimeMs: number } | null = null
  for (const input of BUILD_INPUTS) {
    const found = newestUnder(join(ROOT, input))
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found
  }
  if (newest && newest.mtimeMs > built) {
    const rel = newest.path.slice(ROOT.length + 1)
    return `dist/weapp (built ${new Date(built).toISOString()}) is older than ${rel} (changed ${new Date(newest.mtimeMs).toISOString()})`
  }
  return null
}

/** Set by test/weapp/global-setup.ts once it has made sure dist/weapp is fresh. */
export const FRESH_BUILD_ENV = 'MQSD_WEAPP_BUILD_FRESH'

/**
 * Polls `condition` until it returns something other than undefined / null / false and resolves
 * to that; rejects after `timeoutMs` with `what` and, when given, `state()` (what there was).
 */
export async function waitFor<T>(
  what: string,
  condition: () => T | undefined | null | false,
  timeoutMs = 10000,
  state?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = condition()
    if (value !== undefined && value !== null && value !== false) return value
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${state ? `; ${state()}` : ''}`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}

type Options = Record<string, unknown>
type Lifecycle = (this: unknown, arg?: unknown) => void
interface PageOptions extends Options {
  onLoad?: Lifecycle
  onShow?: Lifecycle
  onReady?: Lifecycle
  onHide?: Lifecycle
  onUnload?: Lifecycle
  eh?: (...args: unknown[]) => unknown
}
interface SimulatedNode {
  dispatchEvent(name: string, options?: Options): void
}
interface SimulatedComponent extends SimulatedNode {
  dom: HTMLElement
  instance: Record<string, unknown>
  attach(parent: Element): void
  detach(): void
  querySelector(selector: string): SimulatedNode | undefined
}
interface Simulate {
  load(path: string, options?: Options): string
  render(id: string, properties?: Options): SimulatedComponent
}

export interface WxRecord {
  toasts: string[]
  calls: { name: string; action: string }[]
  storage: Map<string, unknown>
  /** urls passed to wx.navigateTo */
  navigations: string[]
  /** urls passed to wx.redirectTo / wx.switchTab */
  redirects: string[]
  /** what the camera reads at the next wx.scanCode calls, in turn; none left: the user cancels */
  scans: { path?: string; result: string; scanType: string }[]
  /** how many times wx.scanCode opened the camera */
  scanRequests: number
  /** files (paths on disk) the resident picks at the next wx.chooseMedia calls; none: cancels */
  picks: string[][]
  /** how many times wx.chooseMedia opened the album */
  pickRequests: number
  /** what wx.cloud.uploadFile stored in the local cloud, in order (failures have no fileID) */
  uploads: { cloudPath: string; fileID: string | null; progress: number[] }[]
  /** each wx.requestSubscribeMessage: the ids, and whether it ran inside a tap's handler */
  subscribeRequests: { tmplIds: string[]; inTap: boolean; answer: Record<string, unknown> }[]
  /** true: the phone has no connection (wx.cloud.callFunction fails as WeChat's does) */
  offline: boolean
  /** wx.onNetworkStatusChange listeners: call them to say the connection came back */
  networkListeners: ((res: { isConnected: boolean; networkType: string }) => void)[]
}

export interface OpenedPage {
  dom: HTMLElement
  /** the page's visible text */
  text(): string
  /** the src of every rendered <image>, in document order */
  images(): string[]
  /** resolves when the page's text contains `text` (rendering is asynchronous setData) */
  waitForText(text: string, timeoutMs?: number): Promise<void>
  /** taps the innermost element whose text is exactly `text` (the event bubbles, as in WeChat) */
  tap(text: string): void
  close(): void
}

const holder = globalThis as typeof globalThis & {
  wx?: Options
  App?: (o: Options) => void
  getApp?: () => Options | undefined
  Page?: (o: PageOptions) => void
  Component?: (o: Options) => void
  getCurrentPages?: () => unknown[]
}

interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown
    dispatchEvent(target: unknown, event: unknown): void
  }
}

interface ChosenMedia {
  type: string
  errMsg: string
  tempFiles: { tempFilePath: string; size: number; fileType: string }[]
}

/**
 * How WeChat answers an asynchronous API: through success/fail/complete when any is given, else
 * (base library 2.10.2+) as a promise.
 */
function settleAsWx<R>(
  o: { success?: (r: R) => void; fail?: (e: { errMsg: string }) => void; complete?: () => void },
  outcome: { ok: true; value: R } | { ok: false; error: { errMsg: string } },
): Promise<R> | undefined {
  if (o.success || o.fail || o.complete) {
    if (outcome.ok) o.success?.(outcome.value)
    else o.fail?.(outcome.error)
    o.complete?.()
    return undefined
  }
  return outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error)
}

/** Installs `wx` (cloud → HTTP), boots app.js once and returns the record of what it did. */
export function bootWeapp(cloudUrl: string, openid: string): WxRecord {
  // The project's globalSetup rebuilds a stale dist/weapp; without it, refuse to test one.
  const stale = process.env[FRESH_BUILD_ENV] ? null : staleWeappBuild()
  if (stale) {
    throw new Error(
      `${stale}: run \`npm run build:weapp\`, or run the tests through test/weapp/jest.config.js (it rebuilds)`,
    )
  }
  const record: WxRecord = {
    toasts: [],
    calls: [],
    storage: new Map(),
    navigations: [],
    redirects: [],
    scans: [],
    scanRequests: 0,
    picks: [],
    pickRequests: 0,
    uploads: [],
    subscribeRequests: [],
    offline: false,
    networkListeners: [],
  }
  type Callbacks<R> = {
    success?: (r: R) => void
    fail?: (e: { errMsg: string }) => void
    complete?: () => void
  }
  holder.wx = {
    cloud: {
      init: () => undefined,
      // As WeChat's: returns the task at once (for onProgressUpdate), the result comes later.
      uploadFile: (
        o: { cloudPath: string; filePath: string } & Callbacks<{
          fileID: string
          statusCode: number
          errMsg: string
        }>,
      ) => {
        const progressListeners: ((p: { progress: number }) => void)[] = []
        const entry = {
          cloudPath: o.cloudPath,
          fileID: null as string | null,
          progress: [] as number[],
        }
        record.uploads.push(entry)
        const report = (progress: number) => {
          entry.progress.push(progress)
          for (const l of progressListeners) l({ progress })
        }
        void (async () => {
          try {
            const body = readFileSync(o.filePath)
            report(0)
            const res = await fetch(`${cloudUrl}/upload?path=${encodeURIComponent(o.cloudPath)}`, {
              method: 'POST',
              headers: { 'content-type': 'application/octet-stream', 'X-WX-OPENID': openid },
              body,
            })
            const json = (await res.json()) as { fileID?: unknown }
            if (!res.ok || typeof json.fileID !== 'string') {
              o.fail?.({
                errMsg: `cloud.uploadFile:fail HTTP ${res.status} ${JSON.stringify(json)}`,
              })
              return
            }
            entry.fileID = json.fileID
            report(100)
            o.success?.({ fileID: json.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' })
          } catch (err) {
            o.fail?.({ errMsg: `cloud.uploadFile:fail ${String(err)}` })
          }
        })()
        return {
          onProgressUpdate: (l: (p: { progress: number }) => void) =>
            void progressListeners.push(l),
          abort: () => undefined,
        }
      },
      callFunction: async ({ name, data }: { name: string; data: { action: string } }) => {
        record.calls.push({ name, action: data.action })
        if (record.offline) throw { errCode: -1, errMsg: 'cloud.callFunction:fail network error' }
        const res = await fetch(`${cloudUrl}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
          body: JSON.stringify(data),
        })
        return { result: await res.json(), errMsg: 'cloud.callFunction:ok' }
      },
    },
    onNetworkStatusChange: (l: WxRecord['networkListeners'][number]) =>
      void record.networkListeners.push(l),
    offNetworkStatusChange: (l: WxRecord['networkListeners'][number]) => {
      record.networkListeners = record.networkListeners.filter((x) => x !== l)
    },
    getStorageSync: (key: string) => (record.storage.has(key) ? record.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void record.storage.set(key, value),
    removeStorageSync: (key: string) => void record.storage.delete(key),
    showToast: (o: { title: string; success?: () => void }) => {
      record.toasts.push(o.title)
      o.success?.()
    },
    navigateTo: (o: { url: string; success?: () => void }) => {
      record.navigations.push(o.url)
      o.success?.()
    },
    redirectTo: (o: { url: string } & Callbacks<{ errMsg: string }>) => {
      record.redirects.push(o.url)
      o.success?.({ errMsg: 'redirectTo:ok' })
    },
    switchTab: (o: { url: string } & Callbacks<{ errMsg: string }>) => {
      record.redirects.push(o.url)
      o.success?.({ errMsg: 'switchTab:ok' })
    },
    scanCode: (o: Callbacks<unknown>) => {
      record.scanRequests += 1
      const read = record.scans.shift()
      if (read) o.success?.({ ...read, charSet: 'utf-8', errMsg: 'scanCode:ok' })
      else o.fail?.({ errMsg: 'scanCode:fail cancel' })
    },
    // Taro 4 passes chooseMedia straight through (it is not in its promisified list), so the
    // page awaits what wx returns: as in WeChat, a promise when no callback is given.
    chooseMedia: (o: { count?: number } & Callbacks<ChosenMedia>) => {
      record.pickRequests += 1
      const picked = record.picks.shift()
      const outcome: { ok: true; value: ChosenMedia } | { ok: false; error: { errMsg: string } } =
        picked
          ? {
              ok: true,
              value: {
                type: 'image',
                errMsg: 'chooseMedia:ok',
                tempFiles: picked.slice(0, o.count ?? 9).map((tempFilePath) => ({
                  tempFilePath,
                  size: statSync(tempFilePath).size,
                  fileType: 'image',
                })),
              },
            }
          : { ok: false, error: { errMsg: 'chooseMedia:fail cancel' } }
      return settleAsWx(o, outcome)
    },
    // The device shrinks the photo; here the file stays as it is (it is already small).
    compressImage: (o: { src: string } & Callbacks<{ tempFilePath: string; errMsg: string }>) => {
      o.success?.({ tempFilePath: o.src, errMsg: 'compressImage:ok' })
    },
    // WeChat shows its sheet; the local cloud's stand-in accepts and counts the subscription.
    requestSubscribeMessage: (o: { tmplIds: string[] } & Callbacks<Record<string, unknown>>) => {
      const entry = { tmplIds: o.tmplIds, inTap: tapping, answer: {} as Record<string, unknown> }
      record.subscribeRequests.push(entry)
      void fetch(`${cloudUrl}/openapi/requestSubscribeMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
        body: JSON.stringify({ tmplIds: o.tmplIds }),
      })
        .then(async (res) => {
          entry.answer = (await res.json()) as Record<string, unknown>
          if (res.ok) o.success?.(entry.answer)
          else o.fail?.({ errMsg: String(entry.answer.errMsg) })
        })
        .catch((err: unknown) =>
          o.fail?.({ errMsg: `requestSubscribeMessage:fail ${String(err)}` }),
        )
    },
  }
  // miniprogram-simulate (required only now) merges its own wx API under ours, defines Component
  const simulate = require('miniprogram-simulate') as Simulate
  let app: Options | undefined
  holder.App = (o) => {
    app = o
  }
  holder.getApp = () => app
  holder.getCurrentPages = () => []
  // the compiled app, as WeChat runs it
  require(join(DIST, 'app.js'))
  const onLaunch = app?.onLaunch
  if (typeof onLaunch === 'function') {
    onLaunch.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })
  }
  // Taro's shared custom component; must load after app.js (else pathToIdMap is null)
  simulate.load(join(DIST, 'comp'), { rootPath: DIST })
  booted = simulate
  return record
}

let booted: Simulate | null = null

let srcKey: string | null = null
/** The data key Taro's compiled <image> template reads its src from (`src="{{i.p4}}"` → p4). */
function imageSrcKey(): string {
  if (srcKey) return srcKey
  const m = /<image src="\{\{i\.(\w+)\}\}"/.exec(readFileSync(join(DIST, 'base.wxml'), 'utf8'))
  if (!m) throw new Error('dist/weapp/base.wxml has no <image src="{{i.…}}"> template')
  srcKey = m[1]
  return srcKey
}
/** true while a tap's handlers run (WeChat allows some APIs only then) */
let tapping = false

/**
 * Opens `route` (e.g. 'pages/index/index') with the query WeChat would hand to onLoad.
 * A route opens once per boot (webpack keeps the page module cached); for a second fresh
 * start, `jest.resetModules()` and `bootWeapp` again, or use another test file.
 */
export function openPage(route: string, query: Record<string, string>): OpenedPage {
  const simulate = booted
  if (!simulate) throw new Error('call bootWeapp first')
  let options: PageOptions | undefined
  holder.Page = (o) => {
    options = o
    holder.Component?.({ ...o, methods: { eh: o.eh } })
  }
  const id = simulate.load(join(DIST, route), { rootPath: DIST })
  const page = simulate.render(id)
  const host = document.createElement('div')
  document.body.appendChild(host)
  page.attach(host)
  if (!options) throw new Error(`${route} did not call Page()`)
  const instance = page.instance
  for (const name of ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload'] as const) {
    const fn = options[name]
    if (fn) instance[name] = fn
  }
  const call = (name: 'onLoad' | 'onShow' | 'onReady' | 'onHide' | 'onUnload', arg?: unknown) =>
    options?.[name]?.call(instance, arg)
  call('onLoad', query)
  call('onShow')
  call('onReady')

  const text = () => page.dom.textContent ?? ''
  return {
    dom: page.dom,
    text,
    images() {
      // The simulator's <image> keeps no src of its own: read it from the data Taro set on the
      // page, under the key the compiled template binds to src.
      const key = imageSrcKey()
      const nodes = new Map<string, Record<string, unknown>>()
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk)
        else if (typeof value === 'object' && value !== null) {
          const node = value as Record<string, unknown>
          if (typeof node.sid === 'string') nodes.set(node.sid, node)
          Object.values(node).forEach(walk)
        }
      }
      walk(instance.data)
      return Array.from(page.dom.querySelectorAll<HTMLElement>('wx-image')).map((el) => {
        const src = nodes.get(el.dataset.sid ?? '')?.[key]
        return typeof src === 'string' ? src : ''
      })
    },
    async waitForText(wanted, timeoutMs = 10000) {
      await waitFor(
        `"${wanted}"`,
        () => text().includes(wanted),
        timeoutMs,
        () => `the page shows: ${text()}`,
      )
    },
    tap(label) {
      const matches = Array.from(
        page.dom.querySelectorAll<HTMLElement & { __wxElement?: unknown }>('[data-sid]'),
      ).filter((el) => (el.textContent ?? '').trim() === label)
      const el = matches.at(-1)
      if (!el?.__wxElement) throw new Error(`nothing to tap with the text "${label}"`)
      // What j-component's dispatchEvent does, minus its microtask: the handlers run before tap()
      // returns, so what they call synchronously is known to run inside the tap (as WeChat asks
      // of requestSubscribeMessage).
      const exparser = require('miniprogram-exparser') as Exparser
      const original = new CustomEvent('tap', { detail: {} })
      el.dispatchEvent(original)
      tapping = true
      try {
        exparser.Event.dispatchEvent(
          el.__wxElement,
          exparser.Event.create(
            'tap',
            {},
            {
              originalEvent: original,
              bubbles: true,
              capturePhase: true,
              composed: true,
              extraFields: { touches: {}, changedTouches: {} },
            },
          ),
        )
      } finally {
        tapping = false
      }
    },
    close() {
      call('onHide')
      call('onUnload')
      page.detach()
      host.remove()
    },
  }
}
