// A row of big tappable choices (one may be on). Used for categories, filters and sorting.
import { View } from '@tarojs/components'
import './index.css'

export interface ChipOption<T extends string> {
  value: T
  label: string
  /** e.g. a count shown after the label */
  extra?: string
  /** red when on or off: overdue filters */
  alert?: boolean
}

interface ChipsProps<T extends string> {
  options: readonly ChipOption<T>[]
  value: T | null
  onChange: (value: T) => void
  /** how many per row; elder mode drops to one fewer */
  columns?: 2 | 3 | 4
  /** accessible name of the group */
  label: string
  testId?: string
}

export function Chips<T extends string>(props: ChipsProps<T>) {
  const { options, value, onChange, columns = 3, label, testId } = props
  return (
    <View className={`chips chips--${columns}`} ariaLabel={label} data-testid={testId}>
      {options.map((o) => {
        const on = o.value === value
        const classes = ['chip', on ? 'chip--on' : '', o.alert ? 'chip--alert' : '']
        return (
          <View
            key={o.value}
            className={classes.filter(Boolean).join(' ')}
            ariaRole="button"
            ariaLabel={`${o.label}${o.extra ? ` ${o.extra}` : ''}${on ? '，已选' : ''}`}
            data-on={on ? '1' : '0'}
            onClick={() => onChange(o.value)}
          >
            {o.label}
            {o.extra ? <View className="chip__extra">{o.extra}</View> : null}
          </View>
        )
      })}
    </View>
  )
}
