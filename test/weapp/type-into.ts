// Typing into a rendered <textarea>/<input> of the simulated page, as WeChat delivers it.
import type { OpenedPage } from '../support/weapp'

interface ExparserEvent {
  create(name: string, detail: unknown, options: Record<string, unknown>): unknown
  dispatchEvent(target: unknown, event: unknown): void
}
// eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded alongside miniprogram-simulate
const exparser = require('miniprogram-exparser') as { Event: ExparserEvent }

/** Types into a rendered <textarea>/<input>: the `input` event WeChat fires, into Taro's handler. */
export function typeInto(
  page: OpenedPage,
  tag: 'textarea' | 'input',
  value: string,
  /** which of the page's fields of that kind, in document order */
  nth = 0,
): void {
  const el = Array.from(page.dom.querySelectorAll<HTMLElement>('[data-sid]')).filter((e) =>
    e.tagName.toLowerCase().endsWith(tag),
  )[nth] as (HTMLElement & { __wxElement?: unknown }) | undefined
  if (!el?.__wxElement) throw new Error(`no <${tag}> on the page`)
  const original = new CustomEvent('input', { detail: { value } })
  el.dispatchEvent(original)
  exparser.Event.dispatchEvent(
    el.__wxElement,
    exparser.Event.create(
      'input',
      { value },
      {
        originalEvent: original,
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: {}, changedTouches: {} },
      },
    ),
  )
}
