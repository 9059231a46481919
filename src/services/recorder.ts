// 按住说话: one recorder for both platforms — WeChat's RecorderManager on weapp, the browser's
// MediaRecorder (microphone through getUserMedia) in h5. Pages use components/voice-note.
import Taro from '@tarojs/taro'
import { VOICE_MAX_SECONDS } from '@/contract/suggestion'

export interface Recording {
  seconds: number
  /** weapp: the temp file path; h5: an object URL of `blob` */
  src: string
  /** h5 only: the recorded bytes */
  blob?: Blob
  /** the file ending the upload uses */
  ext: 'mp3' | 'webm'
}

export class RecorderError extends Error {}

export interface Recorder {
  start(): Promise<void>
  /** resolves with the recording (null when it was too short to keep) */
  stop(): Promise<Recording | null>
}

const secondsSince = (t: number) => Math.min(VOICE_MAX_SECONDS, Math.round((Date.now() - t) / 1000))

function weappRecorder(): Recorder {
  const manager = Taro.getRecorderManager()
  let startedAt = 0
  let pending: ((r: Recording | null) => void) | null = null
  manager.onStop((res) => {
    const seconds = Math.min(VOICE_MAX_SECONDS, Math.round((res.duration || 0) / 1000))
    pending?.(seconds >= 1 ? { seconds, src: res.tempFilePath, ext: 'mp3' } : null)
    pending = null
  })
  return {
    start() {
      return new Promise<void>((resolve, reject) => {
        startedAt = Date.now()
        manager.onStart(() => resolve())
        manager.onError(() => reject(new RecorderError('没能打开话筒，请允许使用麦克风后再试')))
        manager.start({
          duration: VOICE_MAX_SECONDS * 1000,
          format: 'mp3',
          sampleRate: 16000,
          numberOfChannels: 1,
          encodeBitRate: 48000,
        })
      })
    },
    stop() {
      return new Promise<Recording | null>((resolve) => {
        pending = resolve
        if (secondsSince(startedAt) < 1) {
          // still let it stop, then drop it
          pending = () => resolve(null)
        }
        manager.stop()
      })
    },
  }
}

function h5Recorder(): Recorder {
  let media: MediaRecorder | null = null
  let stream: MediaStream | null = null
  let chunks: Blob[] = []
  let startedAt = 0
  return {
    async start() {
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
        throw new RecorderError('这个浏览器不能录音，请打字说明')
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true })
      } catch {
        throw new RecorderError('没能打开话筒，请允许使用麦克风后再试')
      }
      chunks = []
      media = new MediaRecorder(stream)
      media.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data)
      }
      startedAt = Date.now()
      media.start()
    },
    stop() {
      return new Promise<Recording | null>((resolve) => {
        const recorder = media
        if (!recorder || recorder.state === 'inactive') return resolve(null)
        const seconds = secondsSince(startedAt)
        recorder.onstop = () => {
          stream?.getTracks().forEach((t) => t.stop())
          const blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' })
          resolve(
            seconds >= 1 && blob.size > 0
              ? { seconds, src: URL.createObjectURL(blob), blob, ext: 'webm' }
              : null,
          )
        }
        recorder.stop()
      })
    },
  }
}

export function createRecorder(): Recorder {
  return process.env.TARO_ENV === 'weapp' ? weappRecorder() : h5Recorder()
}
