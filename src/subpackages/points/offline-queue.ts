// The supervisor's offline queue: a recording made without a connection is kept in storage with
// the time it was made and its client id, and sent when the phone is back online. The function
// records a household once a day whatever is resent (its record id derives from household and
// day), so a recording sent twice — a lost answer, two reconnects — still counts once.
import Taro from '@tarojs/taro'
import type { InputOf } from '@/contract/common'
import type { PointsContract } from '@/contract/points'
import { errorMessage, failedWith, type CloudErrorCode } from '@/services/cloud'
import { pointsService } from '@/services/points'

export type QueuedRecording = InputOf<PointsContract['record']> & {
  clientId: string
  madeAt: string
  /** shown in the list of what waits: 1号楼 2单元 1203 */
  label: string
}

const KEY = 'points.offlineQueue'

export function queued(): QueuedRecording[] {
  try {
    const raw: unknown = Taro.getStorageSync(KEY)
    return Array.isArray(raw) ? (raw as QueuedRecording[]) : []
  } catch {
    return []
  }
}

function save(list: QueuedRecording[]): void {
  Taro.setStorageSync(KEY, list)
}

export function enqueue(r: QueuedRecording): void {
  const list = queued().filter((q) => q.clientId !== r.clientId)
  save([...list, r])
}

export interface FlushResult {
  sent: number
  /** refused by the function (too late, another community …): dropped, with the reason */
  refused: { label: string; message: string }[]
  left: number
}

/** Answers that say nothing about the recording itself: it stays in the queue. */
const RETRY: readonly CloudErrorCode[] = [
  'NETWORK',
  'INTERNAL',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
]

let flushing: Promise<FlushResult> | null = null

/** Sends what waits, oldest first; stops at the first network failure (still offline). */
export function flush(): Promise<FlushResult> {
  if (flushing) return flushing
  flushing = (async () => {
    const result: FlushResult = { sent: 0, refused: [], left: 0 }
    for (const item of queued()) {
      const { label: _label, ...input } = item
      try {
        await pointsService.record(input, { silent: true })
        result.sent += 1
      } catch (err) {
        // still offline, or the function busy or failing for now: keep it and try again later
        if (RETRY.some((code) => failedWith(err, code))) break
        result.refused.push({ label: item.label, message: errorMessage(err, '没能记录') })
      }
      // sent or refused: it leaves the queue (a refusal would be refused again)
      save(queued().filter((q) => q.clientId !== item.clientId))
    }
    result.left = queued().length
    return result
  })().finally(() => {
    flushing = null
  })
  return flushing
}
