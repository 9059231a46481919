// What a page shows around its cloud read: the loading line, the error that stays with a 重试
// button (and any way out the page offers), or the content once it is there.
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { BigButton } from '@/components/big-button'
import { Loading } from '@/components/loading'
import type { Load } from '@/hooks/use-load'

interface LoadStateProps<T> {
  load: Pick<Load<T>, 'data' | 'error' | 'reload'>
  /** what is being read, for the loading line: 正在读取{what}… */
  what?: string
  /** shown under 重试 when the read failed, e.g. a 回首页 button */
  escape?: ReactNode
  /** shown when the data is there but empty (an empty list, no record yet) */
  empty?: (data: T) => ReactNode | null
  /** inside a card already: no card of its own */
  bare?: boolean
  children: (data: T) => ReactNode
}

export function LoadState<T>(props: LoadStateProps<T>) {
  const { load, what, escape, empty, bare, children } = props
  const box = bare ? 'load-error' : 'card load-error'
  if (load.data === null) {
    if (load.error) {
      return (
        <View className={box}>
          <View className="error-text" ariaRole="alert">
            {load.error}
          </View>
          <BigButton variant="plain" onClick={() => load.reload()}>
            重试
          </BigButton>
          {escape}
        </View>
      )
    }
    return (
      <View className={bare ? undefined : 'card'}>
        <Loading what={what} />
      </View>
    )
  }
  const nothing = empty?.(load.data)
  return <>{nothing ?? children(load.data)}</>
}
