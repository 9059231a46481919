// Shared set-up for page tests: a clean fake platform, the real services pointed at the test cloud.
import { reloadElderMode } from '@/hooks/use-elder-mode'
import { setApiBase } from '@/services/cloud'
import { setPersona } from '@/services/persona'
import { testCloudUrl } from '../support/test-cloud-url'
import { taroTest } from '../support/taro'

/** An openid nobody has used: a brand-new resident with no household. */
export function freshResident(): string {
  return `h5-test-${Math.random().toString(36).slice(2, 10)}`
}

/** Opens `path` with `params` as `persona`, on a fresh device (empty storage). */
export function openPage(path: string, params: Record<string, string>, persona: string): void {
  taroTest.reset()
  reloadElderMode()
  setApiBase(testCloudUrl())
  setPersona(persona)
  taroTest.setRouter(path, params)
}

export { taroTest }

/** The words of the toasts on screen: NutUI's, drawn in the page's PageShell (services/feedback.ts). */
export function toastsOnScreen(): string[] {
  return Array.from(document.querySelectorAll('.nut-toast')).map((e) => e.textContent ?? '')
}
