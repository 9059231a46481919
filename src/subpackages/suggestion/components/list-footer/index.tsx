// Under a paged list: 再看更多, or a plain "all shown", or the error with a retry.
import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import './index.css'

interface ListFooterProps {
  count: number
  hasMore: boolean
  loadingMore: boolean
  error: string | null
  onMore: () => void
  onRetry: () => void
}

export function ListFooter({
  count,
  hasMore,
  loadingMore,
  error,
  onMore,
  onRetry,
}: ListFooterProps) {
  if (error) {
    return (
      <View>
        <View className="error-text" ariaRole="alert">
          {error}
        </View>
        <BigButton variant="plain" onClick={onRetry}>
          重新加载
        </BigButton>
      </View>
    )
  }
  if (hasMore) {
    return (
      <BigButton variant="quiet" busy={loadingMore} onClick={onMore}>
        再看更多
      </BigButton>
    )
  }
  return count > 0 ? <Text className="list-end muted">已经全部显示，共 {count} 条</Text> : null
}
