// 分类记录: the supervisor's screen at the collection point, for a queue at 7 a.m. — scan a
// household card (the scanner reopens for the next one) or type building-unit-room, then one tap
// 分类正确, or 分类不正确 and a reason chip (a photo first, if wanted). A second scan says
// 今天已记录 ✓. Without a connection the recording is kept on the phone and sent later.
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  MISTAKES,
  UNDO_WITHIN_SECONDS,
  type LookupResult,
  type Mistake,
  type RecordResult,
  type SortingRecordView,
  type TodayProgress,
} from '@/contract/points'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { useLoad } from '@/hooks/use-load'
import { errorMessage, failedWith } from '@/services/cloud'
import { newClientId, pointsService } from '@/services/points'
import { sceneOfScan } from '@/services/scene'
import { enqueue, flush, queued } from '../../offline-queue'
import '../../points.css'

const FIX_REASONS = ['看错了', '扫错了户', '居民重新分好了'] as const
type FixReason = (typeof FIX_REASONS)[number]

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)
const canScan = process.env.TARO_ENV === 'weapp'

interface Done {
  text: string
  ok: boolean
}

export default function RecordPage() {
  const { params } = useRouter()
  const progress = useLoad(() => pointsService.today({ silent: true }), {
    fallback: '没能读到今天的进度',
  })
  const [current, setCurrent] = useState<LookupResult | null>(null)
  const [fromScan, setFromScan] = useState(false)
  const [choosingReason, setChoosingReason] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Done | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pad, setPad] = useState({ building: '', unit: '', room: '' })
  const [waiting, setWaiting] = useState(() => queued().length)
  const [fixing, setFixing] = useState<string | null>(null)
  const photo = usePhotoUploads([], 1)
  const scanNext = useRef(false)

  const sendQueue = useCallback(() => {
    if (!queued().length) return
    void flush().then((r) => {
      setWaiting(r.left)
      if (r.sent) progress.reload()
      if (r.refused.length) {
        setError(r.refused.map((x) => `${x.label}：${x.message}`).join('\n'))
      }
    })
  }, [progress])

  useDidShow(() => {
    setWaiting(queued().length)
    sendQueue()
  })
  useEffect(() => {
    const onChange = (res: { isConnected: boolean }) => {
      if (res.isConnected) sendQueue()
    }
    Taro.onNetworkStatusChange(onChange)
    return () => Taro.offNetworkStatusChange(onChange)
  }, [sendQueue])
  useDidHide(() => {
    scanNext.current = false
  })

  const open = (
    who: { householdId: string } | { place: { buildingId: string; unit: number; room: string } },
    scanned: boolean,
  ) => {
    // No connection: the card (or the pad) names the household well enough to record it on the
    // phone; the function checks it when the queue is sent.
    const offline = (): LookupResult => {
      const id =
        'householdId' in who
          ? who.householdId
          : `${who.place.buildingId}-${who.place.unit}-${who.place.room}`
      const m = /^[A-Za-z]+-(\d+)-(\d+)-(\d+)$/.exec(id)
      const estate = progress.data?.estateName ?? ''
      return {
        householdId: id,
        label: m ? `${estate} ${m[1]}号楼 ${m[2]}单元 ${m[3]}`.trim() : id,
        otherPoint: null,
        today: null,
      }
    }
    setError(null)
    setDone(null)
    setChoosingReason(false)
    photo.reset()
    setBusy(true)
    pointsService
      .lookup(who, { silent: true })
      .then((found) => {
        setCurrent(found)
        setFromScan(scanned)
        if (found.today) {
          setDone({ text: `${found.label} 今天已记录 ✓`, ok: found.today.correct })
        }
      })
      .catch((err: unknown) => {
        if (failedWith(err, 'NETWORK')) {
          setCurrent(offline())
          setFromScan(scanned)
          setError('没有网络：照常记录，先存在手机上，连上网后自动发送')
        } else setError(errorMessage(err, '没有找到这户，请核对后再试'))
      })
      .finally(() => setBusy(false))
  }

  // a household card scanned with WeChat's own camera lands here with ?h=<householdId>
  useEffect(() => {
    if (params.h) open({ householdId: params.h }, false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the page's own query
  }, [params.h])

  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true })
      .then((res) => {
        const scene = sceneOfScan(res)
        if (scene?.startsWith('h=')) open({ householdId: scene.slice(2) }, true)
        else setError('这不是户卡的二维码，请扫户卡')
      })
      .catch(() => undefined) // closed the camera: the queue is over for now
  }

  const findByPad = () => {
    const unit = Number(pad.unit)
    if (
      !/^\d{1,3}$/.test(pad.building) ||
      !Number.isInteger(unit) ||
      unit < 1 ||
      !/^\d{2,5}$/.test(pad.room)
    ) {
      setError('请填写楼号、单元和房号，例如 1 号楼 2 单元 1203')
      return
    }
    const building = progress.data?.buildings.find((b) => b.no === Number(pad.building))
    if (!building) {
      setError(`${progress.data?.estateName ?? '本小区'}没有 ${pad.building} 号楼，请核对楼号`)
      return
    }
    open({ place: { buildingId: building.id, unit, room: pad.room } }, false)
  }

  const afterRecorded = (text: string, ok: boolean) => {
    setDone({ text, ok })
    setChoosingReason(false)
    setPad({ building: '', unit: '', room: '' })
    photo.reset()
    progress.reload()
    sendQueue()
    // the next household in the queue: the scanner opens again
    if (fromScan && canScan) {
      scanNext.current = true
      setTimeout(() => {
        if (scanNext.current) scan()
      }, 900)
    }
  }

  const submit = (correct: boolean, reason: Mistake | null) => {
    if (!current || busy) return
    if (photo.uploading) {
      setError('照片还在上传，请稍等')
      return
    }
    const input = {
      householdId: current.householdId,
      correct,
      reason,
      photo: correct ? null : (photo.fileIds[0] ?? null),
      clientId: newClientId(),
    }
    // Only a recording kept on the phone carries the time it was made: online, the server's clock
    // decides the day (a phone whose clock is off must not book another day).
    setBusy(true)
    setError(null)
    pointsService
      .record(input, { silent: true })
      .then((res: RecordResult) => {
        setCurrent(null)
        afterRecorded(`${current.label} ${res.message}`, res.record.correct)
      })
      .catch((err: unknown) => {
        if (failedWith(err, 'NETWORK')) {
          enqueue({ ...input, madeAt: new Date().toISOString(), label: current.label })
          setWaiting(queued().length)
          setCurrent(null)
          afterRecorded(`${current.label} 已存在手机上，连上网后自动发送`, correct)
        } else {
          setError(errorMessage(err, '没能记录，请再试一次'))
        }
      })
      .finally(() => setBusy(false))
  }

  const undo = (r: SortingRecordView) => {
    setBusy(true)
    pointsService
      .undo(r.householdId, { silent: true })
      .then((res) => {
        setDone({ text: `${r.householdLabel} ${res.message}`, ok: true })
        progress.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没能撤销')))
      .finally(() => setBusy(false))
  }

  const fix = (r: SortingRecordView, correct: boolean, reason: Mistake | null, why: FixReason) => {
    setBusy(true)
    pointsService
      .correct({ householdId: r.householdId, correct, reason, why }, { silent: true })
      .then((res) => {
        setFixing(null)
        setDone({ text: `${r.householdLabel} ${res.message}`, ok: correct })
        progress.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没能更正')))
      .finally(() => setBusy(false))
  }

  return (
    <PageShell className="pts-record">
      <LoadState load={progress} what="今天的进度">
        {(p: TodayProgress) => (
          <View className="card" data-testid="progress">
            <Text className="card__label">
              {p.pointName} · {p.day}
            </Text>
            <Text className="pts-hero">
              今天已记 {p.recorded} / {p.households} 户
            </Text>
            <Text className="pts-line">
              正确 {p.correct} 户 · 不正确 {p.incorrect} 户 · 正确率 {percent(p.correctRate)}
            </Text>
          </View>
        )}
      </LoadState>

      {waiting > 0 && (
        <View className="pts-warn" data-testid="queue">
          <Text className="pts-line">还有 {waiting} 条记录存在手机上，连上网后会自动发送</Text>
          <BigButton variant="plain" onClick={sendQueue}>
            现在发送
          </BigButton>
        </View>
      )}

      {done && (
        <View
          className={`pts-done ${done.ok ? '' : 'pts-done--bad'}`}
          data-testid="done"
          ariaRole="alert"
        >
          {done.text}
        </View>
      )}
      {error && (
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
      )}

      {current && !current.today ? (
        <View className="card" data-testid="household">
          <Text className="card__label">这一户</Text>
          <Text className="pts-hero">{current.label.replace(/^\S+\s/, '')}</Text>
          {current.otherPoint && (
            <Text className="pts-line muted">这户属于{current.otherPoint}，照样记录</Text>
          )}
          {!choosingReason ? (
            <View className="pts-verdicts" style={{ marginTop: '24px' }}>
              <View
                className="pts-verdict pts-verdict--ok"
                ariaRole="button"
                data-testid="correct"
                onClick={() => submit(true, null)}
              >
                分类正确
              </View>
              <View
                className="pts-verdict pts-verdict--bad"
                ariaRole="button"
                data-testid="incorrect"
                onClick={() => setChoosingReason(true)}
              >
                分类不正确
              </View>
            </View>
          ) : (
            <View style={{ marginTop: '24px' }}>
              <Text className="section-title">哪里分得不对？点一下就记录</Text>
              <View className="pts-reasons">
                <Chips
                  label="分类不正确的原因"
                  testId="reasons"
                  options={MISTAKES.map((m) => ({ value: m, label: m }))}
                  value={null}
                  onChange={(m) => submit(false, m)}
                  columns={2}
                />
              </View>
              <PhotoPicker uploads={photo} max={1} addLabel="拍照（可选，先拍再点原因）" />
              <BigButton variant="quiet" onClick={() => setChoosingReason(false)}>
                返回
              </BigButton>
            </View>
          )}
          <BigButton variant="quiet" onClick={() => setCurrent(null)}>
            换一户
          </BigButton>
        </View>
      ) : (
        <View className="card">
          {canScan && (
            <BigButton onClick={scan} busy={busy}>
              扫户卡
            </BigButton>
          )}
          <Text className="section-title">{canScan ? '或者输入房号' : '输入房号'}</Text>
          <View className="pts-pad">
            <View className="pts-field">
              <Text className="pts-field__label">楼号</Text>
              <Input
                className="pts-input"
                type="number"
                value={pad.building}
                maxlength={3}
                placeholder="1"
                data-testid="pad-building"
                onInput={(e) => setPad((x) => ({ ...x, building: e.detail.value }))}
              />
            </View>
            <View className="pts-field">
              <Text className="pts-field__label">单元</Text>
              <Input
                className="pts-input"
                type="number"
                value={pad.unit}
                maxlength={2}
                placeholder="2"
                data-testid="pad-unit"
                onInput={(e) => setPad((x) => ({ ...x, unit: e.detail.value }))}
              />
            </View>
            <View className="pts-field">
              <Text className="pts-field__label">房号</Text>
              <Input
                className="pts-input"
                type="number"
                value={pad.room}
                maxlength={5}
                placeholder="1203"
                data-testid="pad-room"
                onInput={(e) => setPad((x) => ({ ...x, room: e.detail.value }))}
              />
            </View>
          </View>
          <BigButton variant={canScan ? 'plain' : 'primary'} onClick={findByPad} busy={busy}>
            找这一户
          </BigButton>
        </View>
      )}

      {progress.data && progress.data.recent.length > 0 && (
        <View className="card" data-testid="recent">
          <Text className="section-title">刚记的</Text>
          {progress.data.recent.map((r) => (
            <View key={r.id}>
              <View className="pts-list-item">
                <View>
                  <Text className="pts-line">{r.householdLabel.replace(/^\S+\s/, '')}</Text>
                  <Text
                    className={`pts-line ${r.void ? 'muted' : r.correct ? 'pts-ok' : 'pts-bad'}`}
                  >
                    {r.void
                      ? '已撤销'
                      : r.correct
                        ? `分类正确 +${r.points}`
                        : (r.reason ?? '分类不正确')}
                    {r.corrected ? '（已更正）' : ''}
                  </Text>
                </View>
                {!r.void && r.undoable ? (
                  <View className="pts-small-button" ariaRole="button" onClick={() => undo(r)}>
                    撤销
                  </View>
                ) : !r.void ? (
                  <View
                    className="pts-small-button"
                    ariaRole="button"
                    onClick={() => setFixing(fixing === r.id ? null : r.id)}
                  >
                    更正
                  </View>
                ) : null}
              </View>
              {fixing === r.id && <FixPanel record={r} onFix={fix} />}
            </View>
          ))}
          <Text className="muted pts-line">
            {UNDO_WITHIN_SECONDS} 秒内可以撤销；之后当天可以更正，要说明原因
          </Text>
        </View>
      )}
    </PageShell>
  )
}

function FixPanel({
  record,
  onFix,
}: {
  record: SortingRecordView
  onFix: (r: SortingRecordView, correct: boolean, reason: Mistake | null, why: FixReason) => void
}) {
  const [why, setWhy] = useState<FixReason | null>(null)
  const [reason, setReason] = useState<Mistake | null>(null)
  const toCorrect = !record.correct
  return (
    <View className="pts-warn">
      <Text className="pts-line">为什么更正？</Text>
      <Chips
        label="更正原因"
        options={FIX_REASONS.map((w) => ({ value: w, label: w }))}
        value={why}
        onChange={setWhy}
        columns={3}
      />
      {!toCorrect && (
        <>
          <Text className="pts-line">哪里分得不对？</Text>
          <Chips
            label="分类不正确的原因"
            options={MISTAKES.map((m) => ({ value: m, label: m }))}
            value={reason}
            onChange={setReason}
            columns={2}
          />
        </>
      )}
      <BigButton
        disabled={!why || (!toCorrect && !reason)}
        onClick={() => why && onFix(record, toCorrect, toCorrect ? null : reason, why)}
      >
        {toCorrect ? '改为分类正确' : '改为分类不正确'}
      </BigButton>
    </View>
  )
}
