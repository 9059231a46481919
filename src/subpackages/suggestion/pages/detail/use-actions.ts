// What the viewer may do on a suggestion: the open action form, its note, stars and photos, and
// the actions themselves (status changes, replies, reopening, rating, comments, 附议, publishing,
// 金点子). Each success shows the fresh suggestion and says so.
import { useState } from 'react'
import type { SuggestionDetail } from '@/contract/suggestion'
import { confirm, toast } from '@/services/feedback'
import { errorMessage } from '@/services/cloud'
import { suggestionService } from '@/services/suggestion'
import { usePhotoUploads, type PhotoUploads } from '@/components/photo-picker'
import { TRANSITION_ACTIONS } from '../../format'
import { noteRule, type Form } from './form'

export interface DetailActions {
  form: Form | null
  note: string
  setNote: (note: string) => void
  score: number
  setScore: (score: number) => void
  formError: string | null
  setFormError: (error: string | null) => void
  busy: boolean
  photos: PhotoUploads
  /** opens one action's form (or closes it with null), starting it empty */
  openForm: (next: Form | null) => void
  /** checks and sends the open form */
  confirmForm: () => void
  second: () => void
  publish: (published: boolean) => Promise<void>
  award: () => Promise<void>
}

export function useDetailActions(
  id: string,
  detail: SuggestionDetail | null,
  setDetail: (detail: SuggestionDetail) => void,
  load: () => void,
): DetailActions {
  const [form, setForm] = useState<Form | null>(null)
  const [note, setNote] = useState('')
  const [score, setScore] = useState(0)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const photos = usePhotoUploads()

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
      toast(done, 'success')
    } catch (err) {
      setFormError(errorMessage(err, '没有办成，请稍后再试'))
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
    const yes = await confirm({
      title: published ? '公开到议事长廊' : '从议事长廊撤回',
      content: published
        ? '社区里的居民都能看到这条建议和办理结果，可以附议、留言。不会显示是哪一户提的。'
        : '撤回后居民在议事长廊里就看不到了。',
      confirmText: published ? '公开' : '撤回',
      cancelText: '再想想',
    })
    if (yes) {
      void perform(
        () => suggestionService.publish(id, published, { silent: true }),
        published ? '已公开' : '已撤回',
      )
    }
  }

  const award = async () => {
    const yes = await confirm({
      title: '评为金点子',
      content: '给提这条建议的家庭奖励 50 积分。每条建议只能评一次。',
      confirmText: '确认奖励',
      cancelText: '再想想',
    })
    if (yes) {
      void perform(async () => {
        await suggestionService.award(id, undefined, { silent: true })
        return null
      }, '已评为金点子')
    }
  }

  // a star tapped answers 请点星星打分: that line goes at once
  const chooseScore = (next: number) => {
    setScore(next)
    setFormError(null)
  }

  return {
    form,
    note,
    setNote,
    score,
    setScore: chooseScore,
    formError,
    setFormError,
    busy,
    photos,
    openForm,
    confirmForm,
    second,
    publish,
    award,
  }
}
