// 按住说话: a voice note of at most MAX_VOICE_SECONDS, and playing one back.
// weapp: RecorderManager (mp3, 16 kHz mono — ~6 KB a second) and InnerAudioContext, which plays
// cloud:// file IDs itself. h5 (the local demo): MediaRecorder (webm/opus or ogg) and <audio>.
import Taro from '@tarojs/taro'
import { MAX_VOICE_SECONDS } from '@/contract/suggestion'
import { imageUrl } from './image-url'

export type VoiceExt = 'mp3' | 'webm' | 'ogg'

export interface Recording {
  /** weapp: the temp file; h5: an object URL of `blob` */
  path: string
  blob?: Blob
  seconds: number
  ext: VoiceExt
}

export interface RecorderSession {
  /** ends the recording; resolves once the file is complete */
  stop: () => Promise<Recording>
  /** drops it (the page was left) */
  cancel: () => void
}

export class RecordError extends Error {}

const NO_MIC = '没能打开话筒：请允许使用麦克风，或者直接打字'
const secondsOf = (ms: number) => Math.min(MAX_VOICE_SECONDS, Math.max(1, Math.round(ms / 1000)))

/**
 * Starts recording; resolves once the microphone is on. `onLimit` gets the recording when the
 * limit stops it before the resident lets go.
 */
export function startRecording(onLimit: (r: Recording) => void): Promise<RecorderSession> {
  return process.env.TARO_ENV === 'weapp' ? startWeapp(onLimit) : startH5(onLimit)
}

function startWeapp(onLimit: (r: Recording) => void): Promise<RecorderSession> {
  const rm = Taro.getRecorderManager()
  return new Promise((resolve, reject) => {
    let waiting: ((r: Recording) => void) | null = null
    let cancelled = false
    rm.onStop((res) => {
      if (cancelled) return
      const rec: Recording = {
        path: res.tempFilePath,
        seconds: secondsOf(res.duration),
        ext: 'mp3',
      }
      if (waiting) waiting(rec)
      else onLimit(rec)
    })
    rm.onError(() => reject(new RecordError(NO_MIC)))
    rm.onStart(() =>
      resolve({
        stop: () =>
          new Promise<Recording>((done) => {
            waiting = done
            rm.stop()
          }),
        cancel: () => {
          cancelled = true
          rm.stop()
        },
      }),
    )
    rm.start({
      duration: MAX_VOICE_SECONDS * 1000,
      format: 'mp3',
      sampleRate: 16000,
      numberOfChannels: 1,
      encodeBitRate: 48000,
    })
  })
}

async function startH5(onLimit: (r: Recording) => void): Promise<RecorderSession> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true })
  } catch {
    throw new RecordError(NO_MIC)
  }
  const mimeType = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg'].find((t) =>
    MediaRecorder.isTypeSupported(t),
  )
  const mr = new MediaRecorder(stream, mimeType ? { mimeType } : undefined)
  const chunks: Blob[] = []
  const started = Date.now()
  let waiting: ((r: Recording) => void) | null = null
  let cancelled = false
  mr.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data)
  }
  mr.onstop = () => {
    stream.getTracks().forEach((t) => t.stop())
    if (cancelled) return
    const type = mr.mimeType || mimeType || 'audio/webm'
    const blob = new Blob(chunks, { type })
    const rec: Recording = {
      path: URL.createObjectURL(blob),
      blob,
      seconds: secondsOf(Date.now() - started),
      ext: type.includes('ogg') ? 'ogg' : 'webm',
    }
    if (waiting) waiting(rec)
    else onLimit(rec)
  }
  const limit = setTimeout(() => {
    if (mr.state === 'recording') mr.stop()
  }, MAX_VOICE_SECONDS * 1000)
  mr.start()
  return {
    stop: () =>
      new Promise<Recording>((done) => {
        clearTimeout(limit)
        waiting = done
        if (mr.state === 'recording') mr.stop()
      }),
    cancel: () => {
      clearTimeout(limit)
      cancelled = true
      if (mr.state === 'recording') mr.stop()
    },
  }
}

/** Plays a stored voice note (or a fresh recording's path); the returned function stops it. */
export function playVoice(source: string, onEnd: () => void): () => void {
  const audio = Taro.createInnerAudioContext()
  audio.src = source.startsWith('cloud://') ? imageUrl(source) : source
  audio.onEnded(onEnd)
  audio.onError(onEnd)
  audio.play()
  return () => {
    audio.stop()
    audio.destroy()
    onEnd()
  }
}
