// Toasts and confirmation dialogs, drawn by NutUI inside the page's PageShell (which hosts one of
// each), so they follow 大字模式 and WeChat's font size like the page does. Pages call these,
// never Taro.showToast / Taro.showModal (native ones ignore the app's type scale).
import { Dialog, Toast } from '@nutui/nutui-react-taro'

export const TOAST_ID = 'app-toast'
export const DIALOG_ID = 'app-confirm'

/** A short note that goes by itself (2.5 s): for what the page shows anyway afterwards. */
export function toast(text: string, kind: 'success' | 'fail' | 'none' = 'none'): void {
  Toast.show(TOAST_ID, {
    content: text,
    icon: kind === 'none' ? undefined : kind,
    duration: 2.5,
    size: 'large',
  })
}

export interface ConfirmOptions {
  title: string
  content: string
  confirmText: string
  cancelText: string
}

/** A question with two large buttons; resolves true when the confirm button is tapped. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (yes: boolean) => {
      Dialog.close(DIALOG_ID)
      resolve(yes)
    }
    Dialog.open(DIALOG_ID, {
      ...options,
      onConfirm: () => done(true),
      onCancel: () => done(false),
      onClose: () => resolve(false),
    })
  })
}
