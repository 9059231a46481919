// What the resident who filed a suggestion may do: rate the result or have it done again
// (办得怎么样？), and add to what they said (还有情况要补充).
import { Text, View } from '@tarojs/components'
import { REOPEN_WITHIN_DAYS, type SuggestionDetail } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { FormPanel } from './form-panel'
import type { DetailActions } from './use-actions'

interface Props {
  detail: SuggestionDetail
  actions: DetailActions
}

export function ResidentActions({ detail, actions }: Props) {
  const viewer = detail.viewer
  const { form, openForm } = actions
  if (!(viewer.mine && !viewer.handler && (viewer.canRate || viewer.canReopen))) return null
  return (
    <View className="card detail-actions" data-testid="resident-actions">
      <Text className="section-title">办得怎么样？</Text>
      {viewer.canRate &&
        (form?.kind === 'rate' ? (
          <FormPanel detail={detail} actions={actions} />
        ) : (
          <BigButton onClick={() => openForm({ kind: 'rate' })}>给办理结果打分</BigButton>
        ))}
      {viewer.canReopen &&
        (form?.kind === 'reopen' ? (
          <FormPanel detail={detail} actions={actions} />
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
  )
}

export function ResidentReply({ detail, actions }: Props) {
  const viewer = detail.viewer
  const { form, openForm } = actions
  if (!(viewer.mine && !viewer.handler)) return null
  return (
    <View className="detail-more" data-testid="resident-reply">
      {form?.kind === 'reply' ? (
        <FormPanel detail={detail} actions={actions} />
      ) : (
        <BigButton variant="quiet" onClick={() => openForm({ kind: 'reply' })}>
          还有情况要补充
        </BigButton>
      )}
    </View>
  )
}
