// A suggestion's status as a coloured tag with its Chinese label.
import { Text } from '@tarojs/components'
import { STATUS_LABELS, type Status } from '@/contract/suggestion'
import './index.css'

export function StatusTag({ status, large }: { status: Status; large?: boolean }) {
  const classes = ['status-tag', `status-tag--${status}`, large ? 'status-tag--large' : '']
  return <Text className={classes.filter(Boolean).join(' ')}>{STATUS_LABELS[status]}</Text>
}
