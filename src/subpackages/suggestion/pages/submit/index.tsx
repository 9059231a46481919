// 提建议: one screen — building, category, words, photos, phone, anonymity — then the number.
// From a scanned box: tap 提建议, tap a category, type, tap 提交. A draft survives leaving.
import { PAGES } from '@/contract/pages'
import { toast } from '@/services/feedback'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Switch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import { useEffect, useState } from 'react'
import * as v from 'valibot'
import {
  ANONYMITY_NOTICE,
  CATEGORIES,
  MAX_IMAGES,
  SubmitInput,
  SIMILAR_STAGE_LABELS,
  type SimilarResult,
} from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { BuildingChooser } from '@/components/building-chooser'
import { PageShell } from '@/components/page-shell'
import { errorMessage, failedWith } from '@/services/cloud'
import { askForReplies } from '@/services/subscribe'
import { suggestionService } from '@/services/suggestion'
import { Loading } from '@/components/loading'
import { Chips } from '@/components/chips'
import { WhoToCall } from '@/components/who-to-call'
import { useVoiceDraft, VoiceRecorder } from '@/components/voice-note'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { StatusTag } from '../../components/status-tag'
import { DETAIL_PAGE } from '../../links'
import { resolvePlace, type PlaceChoice } from '../../place'
import { useDraft } from './use-draft'
import './index.css'

const TEXT_MIN = 5
const TEXT_MAX = 500
const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: c }))

type PlaceState = { kind: 'loading' } | { kind: 'ready'; place: PlaceChoice } | { kind: 'none' }

export default function SubmitPage() {
  const { params } = useRouter()
  const [placeState, setPlaceState] = useState<PlaceState>({ kind: 'loading' })
  const [choosing, setChoosing] = useState(false)
  const [similar, setSimilar] = useState<SimilarResult | null>(null)
  const [seconded, setSeconded] = useState<Record<string, boolean>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ id: string; no: string } | null>(null)
  const photos = usePhotoUploads()
  const voice = useVoiceDraft()

  const place = placeState.kind === 'ready' ? placeState.place : null

  useEffect(() => {
    resolvePlace({ scene: params.scene, buildingId: params.buildingId })
      .then((p) => setPlaceState(p ? { kind: 'ready', place: p } : { kind: 'none' }))
      .catch(() => setPlaceState({ kind: 'none' }))
    // The page's params are fixed for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The draft is restored once the building is known, and saved as the resident goes.
  const draft = useDraft(place, photos, done !== null)
  const { category, setCategory, text, setText, phone, setPhone, anonymous, setAnonymous } = draft

  // Neighbours may have reported this already: show them before a duplicate is filed.
  useEffect(() => {
    setSimilar(null)
    if (!place || !category) return
    let current = true
    suggestionService
      .similar({ buildingId: place.id, category }, { silent: true })
      .then((r) => current && setSimilar(r))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [place, category])

  const second = async (id: string) => {
    try {
      await suggestionService.second(id, { silent: true })
      setSeconded((s) => ({ ...s, [id]: true }))
      toast('已附议', 'success')
    } catch (err) {
      if (failedWith(err, 'CONFLICT')) {
        setSeconded((s) => ({ ...s, [id]: true }))
      } else {
        toast(errorMessage(err, '没有附议成功，请再试一次'))
      }
    }
  }

  const clearForm = () => {
    draft.clear()
    setError(null)
  }

  // Runs inside the tap: the subscription request must start before anything is awaited.
  const submit = () => {
    if (!place || busy) return
    setError(null)
    const input = {
      buildingId: place.id,
      category: category ?? '',
      text: text.trim(),
      images: photos.fileIds,
      voice: voice.note,
      contactPhone: phone.trim() ? phone.trim() : null,
      anonymous,
      clientToken: draft.clientToken,
    }
    const checked = v.safeParse(SubmitInput, input)
    if (!checked.success) {
      setError(checked.issues[0].message)
      return
    }
    if (photos.uploading) {
      setError('照片还在上传，请等一下再提交')
      return
    }
    if (voice.uploading) {
      setError('语音还在上传，请等一下再提交')
      return
    }
    if (voice.state.kind === 'recorded' && !voice.note) {
      setError('语音没传上去：点“重录”再说一遍，或者点“删除”')
      return
    }
    if (photos.failed) {
      setError('有照片没传上去：点红色的照片重传，或者点 × 删掉')
      return
    }
    const asked = askForReplies()
    setBusy(true)
    asked
      .then(() => suggestionService.submit(checked.output, { silent: true }))
      .then((res) => {
        draft.discard()
        setDone(res)
      })
      .catch((err: unknown) => {
        setError(errorMessage(err, '没有提交成功，请稍后再试'))
      })
      .finally(() => setBusy(false))
  }

  if (done) {
    return (
      <PageShell className="submit">
        <View className="card submit-done" data-testid="submit-done">
          <Text className="submit-done__ok">✓ 提交成功</Text>
          <Text className="submit-done__label">您的建议编号</Text>
          <Text className="submit-done__no" data-testid="suggestion-no">
            {done.no}
          </Text>
          <Text className="submit-done__hint">请记下这个编号。有回复会在“消息”里告诉您。</Text>
        </View>
        <WhoToCall
          buildingId={place?.id ?? null}
          note={`想问进度，打下面的电话，报上编号 ${done.no} 就行。`}
        />
        <BigButton onClick={() => void Taro.redirectTo({ url: `${DETAIL_PAGE}?id=${done.id}` })}>
          查看进度
        </BigButton>
        <BigButton variant="quiet" onClick={() => void Taro.switchTab({ url: PAGES.home })}>
          回首页
        </BigButton>
      </PageShell>
    )
  }

  if (placeState.kind === 'loading') {
    return (
      <PageShell className="submit">
        <View className="card">
          <Loading />
        </View>
      </PageShell>
    )
  }

  if (!place || choosing) {
    return (
      <PageShell className="submit">
        <BuildingChooser
          heading={{ estate: '您要反映哪个小区的事？', building: '您要反映哪栋楼的事？' }}
          hint="扫楼道信箱上的二维码可以直接选好楼栋。也可以在下面点一栋。"
          selectedId={place?.id ?? null}
          onChoose={(b) => {
            setPlaceState({
              kind: 'ready',
              place: {
                id: b.id,
                name: b.name,
                estateName: b.estateName,
                communityName: b.communityName,
              },
            })
            setChoosing(false)
          }}
        />
      </PageShell>
    )
  }

  const length = text.trim().length
  const similarItems = similar?.items ?? []

  return (
    <PageShell className="submit">
      <View className="card submit-place" data-testid="submit-place">
        <View>
          <Text className="card__label">反映给 {place.communityName}</Text>
          <Text className="submit-place__name">
            {place.estateName} {place.name}
          </Text>
        </View>
        <View className="submit-place__change" ariaRole="button" onClick={() => setChoosing(true)}>
          换一栋
        </View>
      </View>

      {draft.restored && (
        <View className="submit-restored">
          <Text className="submit-restored__text">已找回您上次没写完的内容</Text>
          <View className="submit-restored__clear" ariaRole="button" onClick={clearForm}>
            清空重写
          </View>
        </View>
      )}

      <Text className="section-title">1. 什么问题？</Text>
      <Chips
        label="问题类别"
        options={CATEGORY_OPTIONS}
        value={category}
        onChange={(c) => {
          setCategory(c)
          setError(null)
        }}
        testId="categories"
      />

      {similar && similar.mine.length > 0 && (
        <View className="similar similar--mine" data-testid="similar-mine">
          <Text className="similar__title">您已反映过这类问题</Text>
          {similar.mine.slice(0, 3).map((s) => (
            <View
              key={s.id}
              className="similar__item similar__item--link"
              ariaRole="link"
              onClick={() => void Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${s.id}` })}
            >
              <View className="similar__head">
                <StatusTag status={s.status} />
                <Text className="similar__no">编号 {s.no}</Text>
              </View>
              <Text className="similar__excerpt">{s.excerpt}</Text>
            </View>
          ))}
          <Text className="similar__hint">点上面看进度。是新的情况，请接着往下写。</Text>
        </View>
      )}

      {similar && similar.count > 0 && (
        <View className="similar" data-testid="similar">
          <Text className="similar__title">
            本楼已有 {similar.residents} 位邻居反映了类似问题
            {similar.count > similar.residents ? `（共 ${similar.count} 条）` : ''}
          </Text>
          <Text className="similar__hint">
            {similarItems.length > 0
              ? '是同一件事吗？点“我也遇到了”就行，社区会一起处理，不用再写一遍。'
              : '社区已经知道了。您有新情况，也可以接着写。'}
          </Text>
          {similarItems.slice(0, 3).map((s) => (
            <View key={s.id} className="similar__item" data-testid="similar-item">
              <View className="similar__body">
                <View className="similar__head">
                  <Text className="similar__stage">
                    {s.category} · {SIMILAR_STAGE_LABELS[s.stage]}
                  </Text>
                  {s.seconds > 0 && <Text className="similar__seconds">{s.seconds} 人附议</Text>}
                </View>
                {s.excerpt !== null ? (
                  <Text className="similar__excerpt">{s.excerpt}</Text>
                ) : (
                  <Text className="similar__private">内容只有社区和速递员能看到</Text>
                )}
              </View>
              {seconded[s.id] || s.seconded ? (
                <Text className="similar__done">✓ 您已附议</Text>
              ) : (
                <BigButton variant="plain" onClick={() => void second(s.id)}>
                  我也遇到了（附议）
                </BigButton>
              )}
            </View>
          ))}
          {similarItems.length > 0 && (
            <Text className="similar__hint">不是同一件事？请接着往下写。</Text>
          )}
        </View>
      )}

      <Text className="section-title">2. 说说情况</Text>
      <View className="submit-text">
        <Textarea
          className="submit-text__input"
          value={text}
          maxlength={TEXT_MAX}
          placeholder="在哪儿、什么问题、多久了。例如：3单元楼顶漏水，下雨天302家里滴水"
          autoHeight
          onInput={(e) => {
            setText(e.detail.value)
            setError(null)
          }}
          ariaLabel="问题描述"
        />
        <Text
          className={
            length > 0 && length < TEXT_MIN
              ? 'submit-text__count submit-text__count--short'
              : 'submit-text__count'
          }
        >
          {length > 0 && length < TEXT_MIN ? `还差 ${TEXT_MIN - length} 个字 · ` : ''}
          {length}/{TEXT_MAX}
        </Text>
      </View>

      <VoiceRecorder draft={voice} />
      {anonymous && (
        <Text className="submit-anon__notice" data-testid="voice-not-anonymous">
          匿名提交时不能留语音：熟人听声音就知道是谁。要留语音，请关掉匿名。
        </Text>
      )}

      <Text className="section-title">3. 拍张照片（可以不拍）</Text>
      <PhotoPicker uploads={photos} max={MAX_IMAGES} addLabel="加照片" />

      <Text className="section-title submit-optional">联系电话（可以不填）</Text>
      <Input
        className="submit-phone"
        type="number"
        maxlength={12}
        placeholder="手机或座机号"
        value={phone}
        onInput={(e) => {
          setPhone(e.detail.value)
          setError(null)
        }}
        ariaLabel="联系电话"
      />

      <View
        className="card submit-anon"
        ariaRole="switch"
        ariaLabel="匿名提交"
        onClick={() => setAnonymous(!anonymous)}
      >
        <View className="submit-anon__row">
          <Text className="submit-anon__title">匿名提交</Text>
          <Switch className="submit-anon__switch" checked={anonymous} />
        </View>
        <Text className="submit-anon__notice">{ANONYMITY_NOTICE}</Text>
      </View>

      {error && (
        <View className="error-text" ariaRole="alert" data-testid="submit-error">
          {error}
        </View>
      )}

      <BigButton busy={busy} onClick={submit} className="submit-button">
        提交
      </BigButton>
    </PageShell>
  )
}
