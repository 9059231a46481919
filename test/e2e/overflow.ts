// What on a page is clipped or runs off the screen: text wider than its box that hides the rest,
// and boxes that reach past the viewport. Used by the screenshot script and by the end-to-end
// accessibility check (expectAccessible).
import type { Page } from 'playwright-core'

/** Sentences naming each element that overflows; [] when the page fits. */
export async function overflowsOf(page: Page): Promise<string[]> {
  // plain JavaScript in a string, so that no bundler helper (tsx's __name) ends up in the page
  return page.evaluate<string[]>(FIND)
}

const FIND = `(() => {
  const found = []
  const vw = document.documentElement.clientWidth
  const name = (el) =>
    el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').split(' ')[0] +
    ' "' + (el.textContent || '').trim().slice(0, 24) + '"'
  const pages = Array.from(document.querySelectorAll('.taro_page')).filter(
    (p) => getComputedStyle(p).display !== 'none',
  )
  for (const root of pages.length ? pages : [document.body]) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const s = getComputedStyle(el)
      if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'fixed') continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      if (r.right > vw + 1 || r.left < -1) {
        // only the outermost offender, not each of its children
        const parent = el.parentElement && el.parentElement.getBoundingClientRect()
        if (!parent || (parent.right <= vw + 1 && parent.left >= -1)) {
          found.push('off screen (' + Math.round(r.left) + '–' + Math.round(r.right) + ' of ' + vw + 'px): ' + name(el))
        }
      }
      const clips = s.overflowX === 'hidden' || s.overflow === 'hidden' || s.textOverflow === 'ellipsis'
      if (clips && el.scrollWidth > el.clientWidth + 1 && (el.textContent || '').trim()) {
        found.push('clipped (' + el.scrollWidth + 'px in ' + el.clientWidth + 'px): ' + name(el))
      }
    }
  }
  return found
})()`
