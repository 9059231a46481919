// 建议详情: where one suggestion stands, its whole timeline, and what the viewer may do now —
// a resident rates or reopens; a liaison/staff member moves it on, replies, publishes, awards.
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  REOPEN_WITHIN_DAYS,
  STATUS_LABELS,
  type Status,
  type SuggestionDetail,
  type TimelineEntry,
} from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { errorMessage } from '@/services/cloud'
import { suggestionService } from '@/services/suggestion'
import { Loading } from '@/components/loading'
import { PhotoGrid } from '@/components/photo-grid'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { Stars } from '@/components/stars'
import { StatusTag } from '../../components/status-tag'
import {
  describeEntry,
  formatTime,
  HANDLER_EXPLAINED,
  OVERDUE_LABELS,
  STATUS_EXPLAINED,
  TRANSITION_ACTIONS,
} from '../../format'
import { HOME_PAGE } from '../../links'
import './index.css'

type Form =
  | { kind: 'transition'; to: Status }
  | { kind: 'reply' }
  | { kind: 'reopen' }
  | { kind: 'rate' }
  | { kind: 'comment' }

interface NoteRule {
  label: string
  placeholder: string
  required: boolean
  /** said when a required note is empty */
  missing: string
  min: number
  max: number
  photos: boolean
  submit: string
}

function noteRule(form: Form, from: Status, handler: boolean): NoteRule {
  switch (form.kind) {
    case 'reply':
      return {
        label: handler ? '回复居民' : '补充情况（处理的工作人员能看到）',
        placeholder: handler ? '例如：已联系物业，周三上午来修' : '例如：今天又漏了，漏得更厉害',
        required: true,
        missing: '请写上回复的内容',
        min: 1,
        max: 500,
        photos: true,
        submit: '发送回复',
      }
    case 'reopen':
      return {
        label: '哪里还没弄好？',
        placeholder: '例如：修过以后下雨还是漏',
        required: true,
        missing: '请写上哪里还没弄好',
        min: 5,
        max: 300,
        photos: false,
        submit: '确认，要求重新办理',
      }
    case 'rate':
      return {
        label: '想说的话（可以不写）',
        placeholder: '例如：修得很快，谢谢',
        required: false,
        missing: '',
        min: 0,
        max: 200,
        photos: false,
        submit: '提交评价',
      }
    case 'comment':
      return {
        label: '说说您的看法',
        placeholder: '例如：同意，我家也遇到了',
        required: true,
        missing: '请写上留言',
        min: 2,
        max: 300,
        photos: false,
        submit: '发表留言',
      }
    case 'transition':
      switch (form.to) {
        case 'declined':
          return {
            label: '不采纳的原因（必填，居民能看到）',
            placeholder: '例如：属于供电公司管辖，已告知报修电话 95598',
            required: true,
            missing: '请写上不采纳的原因',
            min: 1,
            max: 500,
            photos: false,
            submit: '确认不予采纳',
          }
        case 'resolved':
          return {
            label: '办理结果（必填，居民能看到）',
            placeholder: '例如：已更换楼顶防水层，下雨后复查不再漏水',
            required: true,
            missing: '请写上办理结果',
            min: 1,
            max: 500,
            photos: true,
            submit: '确认办结',
          }
        case 'in_progress':
          return {
            label: from === 'deliberating' ? '议事结果（会公开在议事长廊）' : '说明（可以不写）',
            placeholder:
              from === 'deliberating'
                ? '例如：居民议事会同意用维修基金修楼顶'
                : '例如：已派人，明天上午去看',
            required: false,
            missing: '',
            min: 0,
            max: 500,
            photos: false,
            submit: `确认${TRANSITION_ACTIONS[form.to]}`,
          }
        default:
          return {
            label: '说明（可以不写）',
            placeholder:
              form.to === 'deliberating'
                ? '例如：涉及全楼，提交两委会和居民议事会商量'
                : '例如：已收到，明天上午去看',
            required: false,
            missing: '',
            min: 0,
            max: 500,
            photos: false,
            submit: `确认${TRANSITION_ACTIONS[form.to]}`,
          }
      }
  }
}

const errorText = errorMessage

export default function DetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [detail, setDetail] = useState<SuggestionDetail | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [form, setForm] = useState<Form | null>(null)
  const [note, setNote] = useState('')
  const [score, setScore] = useState(0)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const photos = usePhotoUploads()

  const load = () => {
    setLoadError(null)
    suggestionService
      .detail(id, { silent: true })
      .then(setDetail)
      .catch((err: unknown) => setLoadError(errorText(err, '没能读到这条建议，请检查网络后再试')))
  }
  useDidShow(load)

  const openForm = (next: Form | null) => {
    setForm(next)
    setNote('')
    setScore(0)
    setFormError(null)
    photos.reset()
  }

  /** Runs one action; on success shows the fresh suggestion and says so. */
  const perform = async (run: () => Promise<SuggestionDetail | null>, done: string) => {
    setBusy(true)
    setFormError(null)
    try {
      const fresh = await run()
      if (fresh) setDetail(fresh)
      else load()
      openForm(null)
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      setFormError(errorText(err, '没有办成，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }

  const confirmForm = () => {
    if (!form || !detail || busy) return
    const rule = noteRule(form, detail.status, detail.viewer.handler)
    const text = note.trim()
    if (form.kind === 'rate' && score === 0) {
      setFormError('请点星星打分：1 颗星是很不满意，5 颗星是很满意')
      return
    }
    if (rule.required && text.length === 0) {
      setFormError(rule.missing)
      return
    }
    if (text.length > 0 && text.length < rule.min) {
      setFormError(`至少写 ${rule.min} 个字`)
      return
    }
    if (photos.uploading) {
      setFormError('照片还在上传，请等一下')
      return
    }
    if (photos.failed) {
      setFormError('有照片没传上去：点红色的照片重传，或者点 × 删掉')
      return
    }
    const opts = { silent: true }
    switch (form.kind) {
      case 'transition': {
        const to = form.to
        void perform(
          () =>
            suggestionService.transition(
              { id, to, ...(text ? { note: text } : {}), images: photos.fileIds },
              opts,
            ),
          `已${TRANSITION_ACTIONS[to]}`,
        )
        return
      }
      case 'reply':
        void perform(
          () => suggestionService.reply({ id, text, images: photos.fileIds }, opts),
          '已回复',
        )
        return
      case 'reopen':
        void perform(() => suggestionService.reopen({ id, reason: text }, opts), '已要求重新办理')
        return
      case 'rate':
        void perform(
          () => suggestionService.rate({ id, score, comment: text }, opts),
          '谢谢您的评价',
        )
        return
      case 'comment':
        void perform(async () => {
          await suggestionService.comment(id, text, opts)
          return null
        }, '留言已发表')
    }
  }

  const second = () =>
    void perform(async () => {
      await suggestionService.second(id, { silent: true })
      return null
    }, '已附议')

  const publish = async (published: boolean) => {
    const res = await Taro.showModal({
      title: published ? '公开到议事长廊' : '从议事长廊撤回',
      content: published
        ? '社区里的居民都能看到这条建议和办理结果，可以附议、留言。不会显示是哪一户提的。'
        : '撤回后居民在议事长廊里就看不到了。',
      confirmText: published ? '公开' : '撤回',
      cancelText: '再想想',
    })
    if (res.confirm) {
      void perform(
        () => suggestionService.publish(id, published, { silent: true }),
        published ? '已公开' : '已撤回',
      )
    }
  }

  const award = async () => {
    const res = await Taro.showModal({
      title: '评为金点子',
      content: '给提这条建议的家庭奖励 50 积分。每条建议只能评一次。',
      confirmText: '确认奖励',
      cancelText: '再想想',
    })
    if (res.confirm) {
      void perform(async () => {
        await suggestionService.award(id, undefined, { silent: true })
        return null
      }, '已评为金点子')
    }
  }

  if (!detail) {
    return (
      <PageShell className="detail">
        {loadError ? (
          <View>
            <View className="error-text" ariaRole="alert">
              {loadError}
            </View>
            <BigButton variant="plain" onClick={load}>
              重新加载
            </BigButton>
            {/* A suggestion one may not see (or that is gone) does not come back on reload. */}
            <BigButton variant="plain" onClick={() => void Taro.switchTab({ url: HOME_PAGE })}>
              回首页
            </BigButton>
          </View>
        ) : (
          <View className="card">
            <Loading />
          </View>
        )}
      </PageShell>
    )
  }

  const d = detail
  const viewer = d.viewer
  const rule = form ? noteRule(form, d.status, viewer.handler) : null
  const formPanel = (forKind: Form['kind'], to?: Status) =>
    form && rule && form.kind === forKind && (form.kind !== 'transition' || form.to === to) ? (
      <View className="detail-form" data-testid="action-form">
        {form.kind === 'rate' && <Stars value={score} onChange={setScore} />}
        <Text className="detail-form__label">{rule.label}</Text>
        <Textarea
          className="detail-form__input"
          value={note}
          maxlength={rule.max}
          placeholder={rule.placeholder}
          autoHeight
          onInput={(e) => {
            setNote(e.detail.value)
            setFormError(null)
          }}
          ariaLabel={rule.label}
        />
        <Text className="detail-form__count">
          {note.trim().length}/{rule.max}
        </Text>
        {rule.photos && <PhotoPicker uploads={photos} addLabel="加照片" />}
        {formError && (
          <View className="error-text" ariaRole="alert" data-testid="form-error">
            {formError}
          </View>
        )}
        <BigButton busy={busy} onClick={confirmForm}>
          {rule.submit}
        </BigButton>
        <BigButton variant="quiet" onClick={() => openForm(null)}>
          取消
        </BigButton>
      </View>
    ) : null

  const timeline = [...d.timeline].reverse()
  const declinedReason =
    d.status === 'declined'
      ? (timeline.find((e) => e.kind === 'status' && e.to === 'declined')?.note ?? null)
      : null

  return (
    <PageShell className="detail">
      <View className="card detail-head" data-testid="detail-head">
        <View className="detail-head__row">
          <Text className="detail-head__category">{d.category}</Text>
          <StatusTag status={d.status} large />
        </View>
        {viewer.handler && d.overdue && (
          <Text className="detail-head__overdue">⚠ {OVERDUE_LABELS[d.overdue]}</Text>
        )}
        {d.needsReview && (
          <Text className="detail-head__review" data-testid="needs-review">
            ⚠ 微信内容检查没能确认这里的文字或照片，公开到议事长廊前请先看一下
          </Text>
        )}
        <Text className="detail-head__explain" data-testid="status-explained">
          {viewer.handler ? HANDLER_EXPLAINED[d.status] : STATUS_EXPLAINED[d.status]}
        </Text>
        {declinedReason && (
          <Text className="detail-head__reason" data-testid="declined-reason">
            原因：{declinedReason}
          </Text>
        )}
        <Text className="detail-head__place">
          {d.estateName} {d.buildingName}
        </Text>
        <Text className="detail-head__meta">
          编号 <Text className="detail-head__no">{d.no}</Text> · {formatTime(d.createdAt)}
        </Text>
        <View className="detail-head__badges">
          {d.golden && <Text className="badge badge--golden">金点子</Text>}
          {d.published && <Text className="badge">已在议事长廊公开</Text>}
          {d.anonymous && <Text className="badge">匿名</Text>}
        </View>
      </View>

      {viewer.handler && (
        <View className="card detail-who">
          <Text className="card__label">谁提的</Text>
          <Text className="detail-who__name">
            {d.anonymous ? '匿名居民' : (d.submitter?.householdLabel ?? '居民（未绑定房屋）')}
          </Text>
          {d.contactPhone && (
            <View
              className="detail-who__phone"
              ariaRole="button"
              ariaLabel={`打电话 ${d.contactPhone}`}
              onClick={() => void Taro.makePhoneCall({ phoneNumber: d.contactPhone ?? '' })}
            >
              📞 {d.contactPhone}（点一下打电话）
            </View>
          )}
        </View>
      )}

      <View className="card">
        <Text className="card__label">反映的问题</Text>
        <Text className="detail-text" userSelect>
          {d.text}
        </Text>
        <PhotoGrid fileIds={d.images} label="居民拍的照片" />
      </View>

      {d.decision && (
        <View className="card detail-decision">
          <Text className="card__label">议事结果</Text>
          <Text className="detail-text">{d.decision}</Text>
        </View>
      )}

      {d.result && (
        <View className="card detail-result" data-testid="detail-result">
          <Text className="card__label">办理结果 · {formatTime(d.result.at)}</Text>
          <Text className="detail-text">{d.result.text}</Text>
          <PhotoGrid fileIds={d.result.images} label="办理结果照片" />
        </View>
      )}

      {d.rating && (
        <View className="card" data-testid="detail-rating">
          <Text className="card__label">居民评价</Text>
          <Stars value={d.rating.score} />
          {d.rating.comment && <Text className="detail-text">{d.rating.comment}</Text>}
        </View>
      )}

      {viewer.mine && !viewer.handler && (viewer.canRate || viewer.canReopen) && (
        <View className="card detail-actions" data-testid="resident-actions">
          <Text className="section-title">办得怎么样？</Text>
          {viewer.canRate &&
            (form?.kind === 'rate' ? (
              formPanel('rate')
            ) : (
              <BigButton onClick={() => openForm({ kind: 'rate' })}>给办理结果打分</BigButton>
            ))}
          {viewer.canReopen &&
            (form?.kind === 'reopen' ? (
              formPanel('reopen')
            ) : (
              <View>
                <BigButton variant="plain" onClick={() => openForm({ kind: 'reopen' })}>
                  没弄好，要求重新办理
                </BigButton>
                <Text className="detail-actions__hint">
                  办结后 {REOPEN_WITHIN_DAYS} 天内都可以要求重新办理
                </Text>
              </View>
            ))}
        </View>
      )}

      {(viewer.transitions.length > 0 || viewer.handler || viewer.staff) && (
        <View className="card detail-actions" data-testid="handler-actions">
          <Text className="section-title">办理（现在：{STATUS_LABELS[d.status]}）</Text>
          {viewer.transitions.map((to) =>
            form?.kind === 'transition' && form.to === to ? (
              <View key={to}>{formPanel('transition', to)}</View>
            ) : (
              <BigButton
                key={to}
                variant={to === 'declined' ? 'quiet' : 'primary'}
                onClick={() => openForm({ kind: 'transition', to })}
              >
                {TRANSITION_ACTIONS[to]}
              </BigButton>
            ),
          )}
          {viewer.handler &&
            (form?.kind === 'reply' ? (
              formPanel('reply')
            ) : (
              <BigButton variant="plain" onClick={() => openForm({ kind: 'reply' })}>
                回复居民（不改状态）
              </BigButton>
            ))}
          {viewer.staff && (
            <BigButton variant="plain" busy={busy} onClick={() => void publish(!d.published)}>
              {d.published ? '从议事长廊撤回' : '公开到议事长廊'}
            </BigButton>
          )}
          {viewer.staff && !d.golden && (
            <BigButton variant="quiet" busy={busy} onClick={() => void award()}>
              评为金点子（奖励积分）
            </BigButton>
          )}
          {!form && formError && (
            <View className="error-text" ariaRole="alert">
              {formError}
            </View>
          )}
        </View>
      )}

      {d.published && (
        <View className="card detail-second" data-testid="detail-second">
          <Text className="detail-second__count">{d.seconds} 人附议</Text>
          {viewer.seconded ? (
            <Text className="detail-second__done">✓ 您已附议</Text>
          ) : viewer.canSecond ? (
            <BigButton busy={busy} onClick={second}>
              附议（我也遇到了）
            </BigButton>
          ) : null}
          {!form && formError && !viewer.handler && (
            <View className="error-text" ariaRole="alert">
              {formError}
            </View>
          )}
        </View>
      )}

      <Text className="section-title">办理进度</Text>
      <View className="card timeline" data-testid="timeline">
        {timeline.map((e, i) => (
          <TimelineItem key={`${e.at}-${i}`} entry={e} latest={i === 0} mine={viewer.mine} />
        ))}
      </View>

      {viewer.mine && !viewer.handler && (
        <View className="detail-more" data-testid="resident-reply">
          {form?.kind === 'reply' ? (
            formPanel('reply')
          ) : (
            <BigButton variant="quiet" onClick={() => openForm({ kind: 'reply' })}>
              还有情况要补充
            </BigButton>
          )}
        </View>
      )}

      {d.published && (
        <View data-testid="comments">
          <Text className="section-title">居民留言（{d.comments.length}）</Text>
          {d.comments.length === 0 && <Text className="detail-empty muted">还没有留言</Text>}
          {d.comments.map((c) => (
            <View key={c.id} className="card comment">
              <Text className="comment__who">
                {c.mine ? '我' : c.author} · {formatTime(c.at)}
              </Text>
              <Text className="detail-text">{c.text}</Text>
            </View>
          ))}
          {viewer.canComment &&
            (form?.kind === 'comment' ? (
              formPanel('comment')
            ) : (
              <BigButton variant="plain" onClick={() => openForm({ kind: 'comment' })}>
                我要留言
              </BigButton>
            ))}
        </View>
      )}
    </PageShell>
  )
}

function TimelineItem({
  entry,
  latest,
  mine,
}: {
  entry: TimelineEntry
  latest: boolean
  /** the viewer is the submitter: the resident on this timeline is "您" */
  mine: boolean
}) {
  return (
    <View className={latest ? 'timeline__item timeline__item--latest' : 'timeline__item'}>
      <View className="timeline__dot" />
      <View className="timeline__content">
        <Text className="timeline__when">{formatTime(entry.at)}</Text>
        <Text className="timeline__what">
          {mine && entry.by.role === 'resident' ? '您' : entry.by.label} {describeEntry(entry)}
        </Text>
        {entry.note && <Text className="timeline__note">{entry.note}</Text>}
        {entry.images && entry.images.length > 0 && (
          <PhotoGrid fileIds={entry.images} label="进度照片" />
        )}
      </View>
    </View>
  )
}
