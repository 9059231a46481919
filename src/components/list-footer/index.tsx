// Under a paged list: 再看更多, or a plain "all shown", or the error with a retry.
import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import type { Paged } from '@/hooks/use-paged'
import './index.css'

interface ListFooterProps {
  /** the list above it; a retry reloads its first page */
  list: Pick<Paged<unknown>, 'items' | 'hasMore' | 'loadingMore' | 'error' | 'more'> & {
    reload: () => void
  }
}

export function ListFooter({ list }: ListFooterProps) {
  if (list.error) {
    return (
      <View>
        <View className="error-text" ariaRole="alert">
          {list.error}
        </View>
        <BigButton variant="plain" onClick={() => list.reload()}>
          重试
        </BigButton>
      </View>
    )
  }
  if (list.hasMore) {
    return (
      <BigButton variant="quiet" busy={list.loadingMore} onClick={list.more}>
        再看更多
      </BigButton>
    )
  }
  const count = list.items?.length ?? 0
  return count > 0 ? <Text className="list-end muted">已经全部显示，共 {count} 条</Text> : null
}
