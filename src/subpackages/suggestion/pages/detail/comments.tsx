// 居民留言: on a suggestion published to 议事长廊, what neighbours said, and saying something too.
import { Text, View } from '@tarojs/components'
import type { SuggestionDetail } from '@/contract/suggestion'
import { BigButton } from '@/components/big-button'
import { formatTime } from '../../format'
import { FormPanel } from './form-panel'
import type { DetailActions } from './use-actions'

export function Comments({
  detail: d,
  actions,
}: {
  detail: SuggestionDetail
  actions: DetailActions
}) {
  const { form, openForm } = actions
  if (!d.published) return null
  return (
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
      {d.viewer.canComment &&
        (form?.kind === 'comment' ? (
          <FormPanel detail={d} actions={actions} />
        ) : (
          <BigButton variant="plain" onClick={() => openForm({ kind: 'comment' })}>
            我要留言
          </BigButton>
        ))}
    </View>
  )
}
