// 附议: on a suggestion published to 议事长廊, how many neighbours back it, and backing it too.
import { Text, View } from '@tarojs/components'
import type { SuggestionDetail } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import type { DetailActions } from './use-actions'

export function Second({
  detail: d,
  actions,
}: {
  detail: SuggestionDetail
  actions: DetailActions
}) {
  const viewer = d.viewer
  const { form, formError, busy } = actions
  if (!d.published) return null
  return (
    <View className="card detail-second" data-testid="detail-second">
      <Text className="detail-second__count">{d.seconds} 人附议</Text>
      {viewer.seconded ? (
        <Text className="detail-second__done">✓ 您已附议</Text>
      ) : viewer.canSecond ? (
        <BigButton busy={busy} onClick={actions.second}>
          附议（我也遇到了）
        </BigButton>
      ) : null}
      {!form && formError && !viewer.handler && (
        <View className="error-text" ariaRole="alert">
          {formError}
        </View>
      )}
    </View>
  )
}
