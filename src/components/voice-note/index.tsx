// 按住说话: a voice note instead of typing (hold the big button, up to 60 s; the length is shown;
// 重录 / 删除), uploaded into the resident's own folder like a photo — and its player, for the
// detail page. The recording itself goes through services/recorder.ts.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { VOICE_MAX_SECONDS, type VoiceNote } from '@/contract/suggestion'
import { imageUrl } from '@/services/image-url'
import { createRecorder, RecorderError, type Recorder, type Recording } from '@/services/recorder'
import { uploadVoice, UploadError } from '@/services/upload'
import './index.css'

type State =
  | { kind: 'idle' }
  | { kind: 'recording'; since: number }
  | { kind: 'recorded'; recording: Recording; fileId: string | null; failed: string | null }

export interface VoiceDraft {
  state: State
  /** the note to send, once uploaded */
  note: VoiceNote | null
  uploading: boolean
  failed: string | null
  start: () => void
  stop: () => void
  clear: () => void
}

export function useVoiceDraft(): VoiceDraft {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [error, setError] = useState<string | null>(null)
  const recorder = useRef<Recorder | null>(null)
  const holding = useRef(false)

  const upload = (recording: Recording) => {
    setState({ kind: 'recorded', recording, fileId: null, failed: null })
    uploadVoice(recording)
      .then((fileId) => setState({ kind: 'recorded', recording, fileId, failed: null }))
      .catch((err: unknown) =>
        setState({
          kind: 'recorded',
          recording,
          fileId: null,
          failed: err instanceof UploadError ? err.message : '语音没有传上去，请重录',
        }),
      )
  }

  const stop = () => {
    holding.current = false
    const r = recorder.current
    recorder.current = null
    if (!r) return
    void r.stop().then((recording) => {
      if (recording) upload(recording)
      else {
        setState({ kind: 'idle' })
        setError('太短了：请按住按钮，说完再松开')
      }
    })
  }

  const start = () => {
    if (recorder.current) return
    setError(null)
    holding.current = true
    const r = createRecorder()
    recorder.current = r
    r.start()
      .then(() => {
        setState({ kind: 'recording', since: Date.now() })
        // let go before the microphone opened: stop now
        if (!holding.current) stop()
      })
      .catch((err: unknown) => {
        recorder.current = null
        setState({ kind: 'idle' })
        setError(err instanceof RecorderError ? err.message : '没能录音，请打字说明')
      })
  }

  // 60 s at most: it stops by itself
  useEffect(() => {
    if (state.kind !== 'recording') return
    const timer = setTimeout(stop, VOICE_MAX_SECONDS * 1000)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.kind])

  const recorded = state.kind === 'recorded' ? state : null
  return {
    state,
    note:
      recorded?.fileId != null
        ? { fileId: recorded.fileId, seconds: recorded.recording.seconds }
        : null,
    uploading: recorded !== null && recorded.fileId === null && recorded.failed === null,
    failed: recorded?.failed ?? error,
    start,
    stop,
    clear: () => {
      setError(null)
      setState({ kind: 'idle' })
    },
  }
}

/** The recorder on 提建议: hold to talk, then listen, 重录 or 删除. */
export function VoiceRecorder({ draft }: { draft: VoiceDraft }) {
  const { state } = draft
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (state.kind !== 'recording') return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [state.kind])

  if (state.kind === 'recorded') {
    return (
      <View className="voice card" data-testid="voice-recorded">
        <Text className="voice__length">🎤 语音 {state.recording.seconds} 秒</Text>
        <Text className="voice__status">
          {state.failed ?? (state.fileId ? '✓ 已经传好，提交时一起发给社区' : '正在上传语音…')}
        </Text>
        <VoicePlayer src={state.recording.src} seconds={state.recording.seconds} />
        <View className="voice__row">
          <View className="voice__small" ariaRole="button" onClick={draft.clear}>
            重录
          </View>
          <View className="voice__small" ariaRole="button" onClick={draft.clear}>
            删除
          </View>
        </View>
      </View>
    )
  }
  const recording = state.kind === 'recording'
  const elapsed = recording
    ? Math.min(VOICE_MAX_SECONDS, Math.floor((now - state.since) / 1000))
    : 0
  return (
    <View className="voice">
      <View
        className={recording ? 'voice__hold voice__hold--on' : 'voice__hold'}
        ariaRole="button"
        ariaLabel="按住说话"
        data-testid="voice-hold"
        onTouchStart={(e) => {
          e.preventDefault?.()
          draft.start()
        }}
        onTouchEnd={draft.stop}
        onTouchCancel={draft.stop}
      >
        {recording ? `正在录音 ${elapsed} 秒，松开结束` : '🎤 按住说话'}
      </View>
      <Text className="voice__hint">
        {recording
          ? `最长 ${VOICE_MAX_SECONDS} 秒，还能说 ${VOICE_MAX_SECONDS - elapsed} 秒`
          : `不想打字？按住上面的按钮说，松开就录好了（最长 ${VOICE_MAX_SECONDS} 秒）`}
      </Text>
      {draft.failed && (
        <View className="error-text" ariaRole="alert">
          {draft.failed}
        </View>
      )}
    </View>
  )
}

/** Plays a voice note: a recording on this phone, or a stored one by its cloud file ID. */
export function VoicePlayer({
  src,
  fileId,
  seconds,
}: {
  src?: string
  fileId?: string
  seconds: number
}) {
  const [playing, setPlaying] = useState(false)
  const [failed, setFailed] = useState(false)
  const audio = useRef<Taro.InnerAudioContext | null>(null)
  useEffect(
    () => () => {
      audio.current?.destroy()
      audio.current = null
    },
    [],
  )
  const toggle = () => {
    if (playing) {
      audio.current?.stop()
      setPlaying(false)
      return
    }
    setFailed(false)
    audio.current?.destroy()
    const a = Taro.createInnerAudioContext()
    audio.current = a
    a.src = src ?? (fileId ? imageUrl(fileId) : '')
    a.onPlay(() => setPlaying(true))
    a.onEnded(() => setPlaying(false))
    a.onStop(() => setPlaying(false))
    a.onError(() => {
      setPlaying(false)
      setFailed(true)
    })
    a.play()
  }
  return (
    <View className="voice-player">
      <View
        className={
          playing ? 'voice-player__button voice-player__button--on' : 'voice-player__button'
        }
        ariaRole="button"
        ariaLabel={playing ? '停止播放' : `播放语音，${seconds} 秒`}
        data-testid="voice-play"
        data-playing={playing ? '1' : '0'}
        onClick={toggle}
      >
        {playing ? '■ 正在播放，点一下停' : `▶ 听语音（${seconds} 秒）`}
      </View>
      {failed && <Text className="error-text">这段语音放不出来，请稍后再试</Text>}
    </View>
  )
}
