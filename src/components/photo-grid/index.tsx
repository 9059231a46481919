// Photos already stored: thumbnails that open full screen (pinch to zoom) on tap.
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { imageUrls } from '@/services/image-url'
import './index.css'

export function PhotoGrid({ fileIds, label }: { fileIds: readonly string[]; label: string }) {
  if (fileIds.length === 0) return null
  const urls = imageUrls(fileIds)
  return (
    <View className="photo-grid" ariaLabel={label}>
      {urls.map((url, i) => (
        <View
          key={fileIds[i]}
          className="photo-grid__cell"
          ariaRole="button"
          ariaLabel={`${label} 第 ${i + 1} 张，点开看大图`}
          onClick={() => void Taro.previewImage({ current: url, urls })}
        >
          <Image className="photo-grid__img" src={url} mode="aspectFill" lazyLoad />
        </View>
      ))}
    </View>
  )
}
