// The one "still loading" line every page shows while its cloud call is on the way.
import { Text } from '@tarojs/components'

export function Loading({ what, className }: { what?: string; className?: string }) {
  return <Text className={className ?? 'muted'}>正在读取{what ?? ''}…</Text>
}
