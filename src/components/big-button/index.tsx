// A full-width button sized for older residents (tall, large type); styles live in page-shell.
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface BigButtonProps {
  children: ReactNode
  onClick: () => void
  /** primary = filled red; plain = red outline; quiet = grey outline for secondary actions */
  variant?: 'primary' | 'plain' | 'quiet'
  disabled?: boolean
  /** shows 请稍候… and ignores taps while a call is running */
  busy?: boolean
  className?: string
}

export function BigButton(props: BigButtonProps) {
  const { children, onClick, variant = 'primary', disabled, busy, className } = props
  const inactive = disabled || busy
  const classes = [
    'big-button',
    variant === 'primary' ? '' : `big-button--${variant}`,
    inactive ? 'big-button--disabled' : '',
    className ?? '',
  ]
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      ariaRole="button"
      onClick={() => {
        if (!inactive) onClick()
      }}
    >
      {busy ? '请稍候…' : children}
    </View>
  )
}
