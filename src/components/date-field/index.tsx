// A date to pick (统计's range): a large field that opens NutUI's date picker, drawn inside the page
// so it follows 大字模式 and WeChat's font size like the page does (styled once in page-shell).
import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css'
import { useState } from 'react'
import './index.css'

interface DateFieldProps {
  /** e.g. 从 / 到 */
  label: string
  /** YYYY-MM-DD */
  value: string
  min?: string
  max?: string
  onChange: (value: string) => void
}

const toDate = (s: string | undefined, fallback: Date) => {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : fallback
}
const pad = (n: unknown) => String(n ?? '').padStart(2, '0')

export function DateField({ label, value, min, max, onChange }: DateFieldProps) {
  const [open, setOpen] = useState(false)
  const now = new Date()
  return (
    <View className="date-field-wrap">
      <View
        className="date-field"
        ariaRole="button"
        ariaLabel={`${label === '从' ? '开始' : '结束'}日期 ${value}`}
        onClick={() => setOpen(true)}
      >
        <Text className="date-field__label">{label}</Text>
        <Text className="date-field__value nobreak">{value}</Text>
      </View>
      {/* mounted only while open: the roller measures its rows when it mounts, which it cannot
          do while hidden */}
      {open && (
        <DatePicker
          className="date-field__picker"
          visible
          type="date"
          showChinese
          threeDimensional={false}
          title={`选择${label === '从' ? '开始' : '结束'}日期`}
          value={toDate(value, now)}
          startDate={toDate(min, new Date(now.getFullYear() - 5, 0, 1))}
          endDate={toDate(max, now)}
          onConfirm={(_, values) => {
            const [y, m, d] = values
            onChange(`${String(y)}-${pad(m)}-${pad(d)}`)
            setOpen(false)
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </View>
  )
}
