// Boots the compiled weapp (dist/weapp) inside miniprogram-simulate, the way TOOLCHAIN-NOTES
// measured it: App shim → app.js + onLaunch → comp → Page shim → page → lifecycle by hand.
// `wx` is a stub whose cloud.callFunction forwards to a local cloud over HTTP as `openid`.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const DIST = resolve(__dirname, '..', '..', 'dist', 'weapp')

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
  /** what the camera reads at the next wx.scanCode calls, in turn; none left: the user cancels */
  scans: { path?: string; result: string; scanType: string }[]
}

export interface OpenedPage {
  dom: HTMLElement
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

/** Installs `wx` (cloud → HTTP), boots app.js once and returns the record of what it did. */
export function bootWeapp(cloudUrl: string, openid: string): WxRecord {
  if (!existsSync(join(DIST, 'app.js'))) {
    throw new Error(`${DIST}/app.js is missing: run \`npm run build:weapp\` first`)
  }
  const record: WxRecord = {
    toasts: [],
    calls: [],
    storage: new Map(),
    navigations: [],
    scans: [],
  }
  holder.wx = {
    cloud: {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: string; data: { action: string } }) => {
        record.calls.push({ name, action: data.action })
        const res = await fetch(`${cloudUrl}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
          body: JSON.stringify(data),
        })
        return { result: await res.json(), errMsg: 'cloud.callFunction:ok' }
      },
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
    scanCode: (o: { success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
      const read = record.scans.shift()
      if (read) o.success?.({ ...read, charSet: 'utf-8', errMsg: 'scanCode:ok' })
      else o.fail?.({ errMsg: 'scanCode:fail cancel' })
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

  return {
    dom: page.dom,
    async waitForText(text, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs
      while (!(page.dom.textContent ?? '').includes(text)) {
        if (Date.now() > deadline) {
          throw new Error(`"${text}" never appeared; the page shows: ${page.dom.textContent}`)
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    tap(text) {
      const matches = Array.from(page.dom.querySelectorAll<HTMLElement>('[data-sid]')).filter(
        (el) => (el.textContent ?? '').trim() === text,
      )
      const sid = matches.at(-1)?.dataset.sid
      const node = sid ? page.querySelector(`#${sid}`) : undefined
      if (!node) throw new Error(`nothing to tap with the text "${text}"`)
      node.dispatchEvent('tap')
    },
    close() {
      call('onHide')
      call('onUnload')
      page.detach()
      host.remove()
    },
  }
}
