// 1–5 stars as five big buttons, with the word for the chosen score (很不满意 … 很满意).
import { Text, View } from '@tarojs/components'
import './index.css'

/** What each score means, said to the resident beside the stars. */
export const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意'] as const

interface StarsProps {
  value: number
  /** omitted: read-only */
  onChange?: (score: number) => void
}

export function Stars({ value, onChange }: StarsProps) {
  return (
    <View className={onChange ? 'stars stars--input' : 'stars'}>
      <View className="stars__row">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={n <= value ? 'stars__star stars__star--on' : 'stars__star'}
            ariaRole={onChange ? 'button' : undefined}
            ariaLabel={`${n} 分，${SCORE_WORDS[n]}`}
            onClick={onChange ? () => onChange(n) : undefined}
          >
            ★
          </View>
        ))}
      </View>
      {value > 0 ? (
        <Text className="stars__word">
          {value} 分 · {SCORE_WORDS[value]}
        </Text>
      ) : (
        onChange && <Text className="stars__hint">点星星打分：1 颗很不满意，5 颗很满意</Text>
      )}
    </View>
  )
}
