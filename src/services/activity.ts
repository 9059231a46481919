// Typed calls to the `activity` cloud function (志愿活动报名), and the two things a page cannot do
// the same way on both platforms: opening an exported .xlsx and printing.
import Taro from '@tarojs/taro'
import type { ActivityContract, ExportedFile } from '@/contract/activity'
import type { InputOf } from '@/contract/common'
import { call, type CallOptions } from './cloud'

declare module './cloud' {
  interface CloudRegistry {
    activity: ActivityContract
  }
}

type In<A extends keyof ActivityContract> = InputOf<ActivityContract[A]>

/** Reads may be retried once on a network failure; writes never are. */
const read = (options: CallOptions): CallOptions => ({ retry: true, ...options })

export const activityService = {
  publish: (input: In<'publish'>, options: CallOptions = {}) =>
    call('activity', 'publish', input, options),
  update: (input: In<'update'>, options: CallOptions = {}) =>
    call('activity', 'update', input, options),
  cancel: (activityId: string, reason: string, options: CallOptions = {}) =>
    call('activity', 'cancel', { activityId, reason }, options),
  list: (input: In<'list'> = {}, options: CallOptions = {}) =>
    call('activity', 'list', input, read(options)),
  detail: (activityId: string, options: CallOptions = {}) =>
    call('activity', 'detail', { activityId }, read(options)),
  signUp: (input: In<'signUp'>, options: CallOptions = {}) =>
    call('activity', 'signUp', input, options),
  withdraw: (activityId: string, options: CallOptions = {}) =>
    call('activity', 'withdraw', { activityId }, options),
  mine: (input: In<'mine'> = {}, options: CallOptions = {}) =>
    call('activity', 'mine', input, read(options)),
  checkIn: (activityId: string, options: CallOptions = {}) =>
    call('activity', 'checkIn', { activityId }, options),
  checkInFor: (signUpId: string, options: CallOptions = {}) =>
    call('activity', 'checkInFor', { signUpId }, options),
  attendees: (activityId: string, options: CallOptions = {}) =>
    call('activity', 'attendees', { activityId }, read(options)),
  export: (activityId: string, options: CallOptions = {}) =>
    call('activity', 'export', { activityId }, options),
  code: (activityId: string, options: CallOptions = {}) =>
    call('activity', 'code', { activityId }, read(options)),
  hours: (options: CallOptions = {}) => call('activity', 'hours', {}, read(options)),
  correctHours: (input: In<'correctHours'>, options: CallOptions = {}) =>
    call('activity', 'correctHours', input, options),
}

/**
 * Opens an exported list: weapp downloads it and opens it in WeChat's viewer (from there it can
 * be forwarded to a computer); h5 opens the link, which the browser saves.
 */
export async function openExportedFile(file: ExportedFile): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url: file.url })
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
    return
  }
  window.open(file.url, '_blank')
}

/** h5: the browser's print dialog; weapp has none (the page is shown, or captured, instead). */
export const canPrint = process.env.TARO_ENV === 'h5'
export function printPage(): void {
  if (canPrint) window.print()
}
