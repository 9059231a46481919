// What the suggestion says and what came of it: the resident's words and photos, the
// deliberation's decision, the result, and the resident's rating.
import { Text, View } from '@tarojs/components'
import type { SuggestionDetail } from '@/contract/suggestion'
import { PhotoGrid } from '@/components/photo-grid'
import { Stars } from '@/components/stars'
import { VoicePlayer } from '@/components/voice-note'
import { formatTime } from '../../format'

export function DetailContent({ detail: d }: { detail: SuggestionDetail }) {
  return (
    <>
      <View className="card">
        <Text className="card__label">反映的问题</Text>
        {d.text && (
          <Text className="detail-text" userSelect>
            {d.text}
          </Text>
        )}
        {d.voice && (
          <View data-testid="detail-voice">
            <Text className="card__label">居民留的语音</Text>
            <VoicePlayer fileId={d.voice.fileId} seconds={d.voice.seconds} />
          </View>
        )}
        <PhotoGrid fileIds={d.images} label="居民拍的照片" />
      </View>

      {d.decision && (
        <View className="card detail-decision">
          <Text className="card__label">议事结果</Text>
          <Text className="detail-text">{d.decision}</Text>
        </View>
      )}

      {d.result && (
        <View className="card detail-result" data-testid="detail-result">
          <Text className="card__label">办理结果 · {formatTime(d.result.at)}</Text>
          <Text className="detail-text">{d.result.text}</Text>
          <PhotoGrid fileIds={d.result.images} label="办理结果照片" />
        </View>
      )}

      {d.rating && (
        <View className="card" data-testid="detail-rating">
          <Text className="card__label">居民评价</Text>
          <Stars value={d.rating.score} />
          {d.rating.comment && <Text className="detail-text">{d.rating.comment}</Text>}
        </View>
      )}
    </>
  )
}
