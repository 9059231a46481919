// What a liaison or staff member may do with a suggestion: move it on, reply without changing its
// status, publish it to (or withdraw it from) 议事长廊, and award it 金点子.
import { Text, View } from '@tarojs/components'
import { STATUS_LABELS, type SuggestionDetail } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { TRANSITION_ACTIONS } from '../../format'
import { FormPanel } from './form-panel'
import type { DetailActions } from './use-actions'

export function HandlerActions({
  detail: d,
  actions,
}: {
  detail: SuggestionDetail
  actions: DetailActions
}) {
  const viewer = d.viewer
  const { form, formError, busy, openForm } = actions
  if (!(viewer.transitions.length > 0 || viewer.handler || viewer.staff)) return null
  return (
    <View className="card detail-actions" data-testid="handler-actions">
      <Text className="section-title">办理（现在：{STATUS_LABELS[d.status]}）</Text>
      {viewer.transitions.map((to) =>
        form?.kind === 'transition' && form.to === to ? (
          <View key={to}>
            <FormPanel detail={d} actions={actions} />
          </View>
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
          <FormPanel detail={d} actions={actions} />
        ) : (
          <BigButton variant="plain" onClick={() => openForm({ kind: 'reply' })}>
            回复居民（不改状态）
          </BigButton>
        ))}
      {viewer.staff && (
        <BigButton variant="plain" busy={busy} onClick={() => void actions.publish(!d.published)}>
          {d.published ? '从议事长廊撤回' : '公开到议事长廊'}
        </BigButton>
      )}
      {viewer.staff && !d.golden && (
        <BigButton variant="quiet" busy={busy} onClick={() => void actions.award()}>
          评为金点子（奖励积分）
        </BigButton>
      )}
      {!form && formError && (
        <View className="error-text" ariaRole="alert">
          {formError}
        </View>
      )}
    </View>
  )
}
