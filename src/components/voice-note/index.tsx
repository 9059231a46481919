// 按住说话: record a voice note instead of typing (hold and speak, let go to end; a short tap
// starts it and a second tap ends it, for hands that cannot hold), hear it, record again or
// delete it; and play a stored one back.
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_VOICE_SECONDS, type VoiceNote } from '@/contract/suggestion'
import { playVoice, RecordError, startRecording, type Recording } from '@/services/recorder'
import { uploadVoice, UploadError } from '@/services/upload'
import './index.css'

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'recording'; mode: 'hold' | 'tap'; startedAt: number }
  | { kind: 'uploading'; rec: Recording; progress: number }
  | { kind: 'ready'; rec: Recording | null; note: VoiceNote }
  | { kind: 'failed'; rec: Recording; error: string }

export interface VoiceNoteState {
  phase: Phase
  /** the stored note, once uploaded */
  note: VoiceNote | null
  busy: boolean
  error: string | null
  elapsed: number
  press: () => void
  release: () => void
  tap: () => void
  retry: () => void
  clear: () => void
}

/** A press shorter than this is a tap: the recording goes on until the next tap. */
const HOLD_MS = 600

export function useVoiceNote(): VoiceNoteState {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const [error, setError] = useState<string | null>(null)
  const [now, setNow] = useState(Date.now())
  const session = useRef<Awaited<ReturnType<typeof startRecording>> | null>(null)
  const phaseRef = useRef(phase)
  phaseRef.current = phase
  const lastTouchEnd = useRef(0)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
      session.current?.cancel()
    },
    [],
  )

  const upload = useCallback((rec: Recording) => {
    setPhase({ kind: 'uploading', rec, progress: 0 })
    uploadVoice(rec, (progress) => {
      if (alive.current) setPhase((p) => (p.kind === 'uploading' ? { ...p, progress } : p))
    })
      .then((fileId) => {
        if (alive.current) setPhase({ kind: 'ready', rec, note: { fileId, seconds: rec.seconds } })
      })
      .catch((err: unknown) => {
        const message = err instanceof UploadError ? err.message : '语音没有传上去，请再试一次'
        if (alive.current) setPhase({ kind: 'failed', rec, error: message })
      })
  }, [])

  const begin = useCallback(
    (mode: 'hold' | 'tap') => {
      const p = phaseRef.current.kind
      if (p === 'starting' || p === 'recording' || p === 'uploading') return
      setError(null)
      setPhase({ kind: 'starting' })
      startRecording((rec) => {
        // the limit stopped it before the resident let go
        session.current = null
        if (alive.current) upload(rec)
      })
        .then((s) => {
          session.current = s
          if (alive.current) setPhase({ kind: 'recording', mode, startedAt: Date.now() })
          else s.cancel()
        })
        .catch((err: unknown) => {
          if (!alive.current) return
          setError(err instanceof RecordError ? err.message : '没能开始录音，请再试一次')
          setPhase({ kind: 'idle' })
        })
    },
    [upload],
  )

  const finish = useCallback(() => {
    const s = session.current
    if (!s) return
    session.current = null
    void s.stop().then((rec) => {
      if (alive.current) upload(rec)
    })
  }, [upload])

  // the length shown while recording
  useEffect(() => {
    if (phase.kind !== 'recording') return
    const t = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(t)
  }, [phase.kind])

  const press = useCallback(() => begin('hold'), [begin])
  const release = useCallback(() => {
    lastTouchEnd.current = Date.now()
    const p = phaseRef.current
    if (p.kind !== 'recording' || p.mode !== 'hold') return
    if (Date.now() - p.startedAt < HOLD_MS) setPhase({ ...p, mode: 'tap' })
    else finish()
  }, [finish])
  const tap = useCallback(() => {
    // a touch is followed by a click: the touch has already been handled
    if (Date.now() - lastTouchEnd.current < 700) return
    const p = phaseRef.current
    if (p.kind === 'recording') finish()
    else begin('tap')
  }, [begin, finish])

  const retry = useCallback(() => {
    const p = phaseRef.current
    if (p.kind === 'failed') upload(p.rec)
  }, [upload])
  const clear = useCallback(() => {
    session.current?.cancel()
    session.current = null
    setError(null)
    setPhase({ kind: 'idle' })
  }, [])

  const elapsed =
    phase.kind === 'recording'
      ? Math.min(MAX_VOICE_SECONDS, Math.max(0, Math.floor((now - phase.startedAt) / 1000)))
      : 0
  return {
    phase,
    note: phase.kind === 'ready' ? phase.note : null,
    busy: phase.kind === 'starting' || phase.kind === 'recording' || phase.kind === 'uploading',
    error: phase.kind === 'failed' ? phase.error : error,
    elapsed,
    press,
    release,
    tap,
    retry,
    clear,
  }
}

/** The recorder on 提建议. */
export function VoiceRecorder({
  voice,
  disabledReason,
}: {
  voice: VoiceNoteState
  disabledReason?: string | null
}) {
  const { phase } = voice
  if (disabledReason && phase.kind === 'idle') {
    return <Text className="voice__hint">{disabledReason}</Text>
  }
  if (phase.kind === 'ready' || phase.kind === 'uploading' || phase.kind === 'failed') {
    const seconds = phase.rec?.seconds ?? (phase.kind === 'ready' ? phase.note.seconds : 0)
    return (
      <View className="voice__done" data-testid="voice-note">
        <View className="voice__summary">
          <Text className="voice__length">🎤 语音 {seconds} 秒</Text>
          {phase.kind === 'uploading' && (
            <Text className="voice__state">正在上传 {phase.progress}%</Text>
          )}
          {phase.kind === 'ready' && <Text className="voice__state">✓ 已录好</Text>}
        </View>
        {phase.kind === 'failed' && (
          <View className="error-text" ariaRole="alert">
            {phase.error}
          </View>
        )}
        <View className="voice__actions">
          {phase.kind === 'ready' && phase.rec && (
            <PlayButton source={phase.rec.path} seconds={seconds} label="试听" />
          )}
          {phase.kind === 'failed' && (
            <View className="voice__action" ariaRole="button" onClick={voice.retry}>
              重传
            </View>
          )}
          <View className="voice__action" ariaRole="button" onClick={voice.clear}>
            重录
          </View>
          <View
            className="voice__action voice__action--quiet"
            ariaRole="button"
            onClick={voice.clear}
          >
            删除
          </View>
        </View>
      </View>
    )
  }
  const recording = phase.kind === 'recording'
  return (
    <View>
      <View
        className={recording ? 'voice__hold voice__hold--on' : 'voice__hold'}
        ariaRole="button"
        ariaLabel={recording ? `正在录音 ${voice.elapsed} 秒，点一下结束` : '按住说话'}
        onTouchStart={voice.press}
        onTouchEnd={voice.release}
        onTouchCancel={voice.release}
        onClick={voice.tap}
        data-testid="voice-hold"
      >
        {phase.kind === 'starting'
          ? '正在打开话筒…'
          : recording
            ? phase.mode === 'hold'
              ? `正在录音 ${voice.elapsed} 秒 · 松开结束`
              : `正在录音 ${voice.elapsed} 秒 · 说完了点这里`
            : '🎤 按住说话'}
      </View>
      {voice.error ? (
        <View className="error-text" ariaRole="alert">
          {voice.error}
        </View>
      ) : (
        <Text className="voice__hint">
          不方便打字，就按住说，松开结束，最长 {MAX_VOICE_SECONDS}{' '}
          秒。也可以点一下开始、再点一下结束。
        </Text>
      )}
    </View>
  )
}

function PlayButton({
  source,
  seconds,
  label,
}: {
  source: string
  seconds: number
  label: string
}) {
  const [stop, setStop] = useState<(() => void) | null>(null)
  useEffect(() => () => stop?.(), [stop])
  return (
    <View
      className="voice__action voice__action--play"
      ariaRole="button"
      ariaLabel={stop ? '停止播放' : `${label}语音 ${seconds} 秒`}
      onClick={() => {
        if (stop) {
          stop()
          return
        }
        const end = playVoice(source, () => setStop(null))
        setStop(() => end)
      }}
    >
      {stop ? '■ 停止' : `▶ ${label}`}
    </View>
  )
}

/** A stored voice note on the detail page (for the submitter, their household and the handlers). */
export function VoicePlayer({ voice }: { voice: VoiceNote }) {
  return (
    <View className="voice__done" data-testid="voice-player">
      <Text className="voice__length">🎤 居民留了一段语音，{voice.seconds} 秒</Text>
      <View className="voice__actions">
        <PlayButton source={voice.fileId} seconds={voice.seconds} label="播放" />
      </View>
    </View>
  )
}
