// The open action form, shown in place of the button that opened it: the note (with stars when
// rating, photos where they fit), what is wrong with it, send and cancel.
import { Text, Textarea, View } from '@tarojs/components'
import type { SuggestionDetail } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { PhotoPicker } from '@/components/photo-picker'
import { Stars } from '@/components/stars'
import { noteRule } from './form'
import type { DetailActions } from './use-actions'

export function FormPanel({
  detail,
  actions,
}: {
  detail: SuggestionDetail
  actions: DetailActions
}) {
  const { form, note, setNote, score, setScore, formError, setFormError, busy, photos } = actions
  if (!form) return null
  const rule = noteRule(form, detail.status, detail.viewer.handler)
  return (
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
      <BigButton busy={busy} onClick={actions.confirmForm}>
        {rule.submit}
      </BigButton>
      <BigButton variant="quiet" onClick={() => actions.openForm(null)}>
        取消
      </BigButton>
    </View>
  )
}
