// The head of a suggestion: its category and status, what that status means for the viewer, why
// it was declined, where and when it was filed, its badges — and, for whoever handles it, who
// filed it and how to call them.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SuggestionDetail } from '@/contract/suggestion'
import { StatusTag } from '../../components/status-tag'
import { formatTime, HANDLER_EXPLAINED, OVERDUE_LABELS, STATUS_EXPLAINED } from '../../format'

export function DetailHeader({ detail: d }: { detail: SuggestionDetail }) {
  const viewer = d.viewer
  const declinedReason =
    d.status === 'declined'
      ? ([...d.timeline].reverse().find((e) => e.kind === 'status' && e.to === 'declined')?.note ??
        null)
      : null

  return (
    <>
      <View className="card detail-head" data-testid="detail-head">
        <View className="detail-head__row">
          <Text className="detail-head__category">{d.category}</Text>
          <StatusTag status={d.status} large />
        </View>
        {viewer.handler && d.overdue && (
          <Text className="detail-head__overdue">⚠ {OVERDUE_LABELS[d.overdue]}</Text>
        )}
        {d.needsReview && (
          <Text className="detail-head__review" data-testid="needs-review">
            ⚠ 微信内容检查没能确认这里的文字或照片，公开到议事长廊前请先看一下
          </Text>
        )}
        <Text className="detail-head__explain" data-testid="status-explained">
          {viewer.handler ? HANDLER_EXPLAINED[d.status] : STATUS_EXPLAINED[d.status]}
        </Text>
        {declinedReason && (
          <Text className="detail-head__reason" data-testid="declined-reason">
            原因：{declinedReason}
          </Text>
        )}
        <Text className="detail-head__place">
          {d.estateName} {d.buildingName}
        </Text>
        <Text className="detail-head__meta">
          编号 <Text className="detail-head__no">{d.no}</Text> · {formatTime(d.createdAt)}
        </Text>
        <View className="detail-head__badges">
          {d.golden && <Text className="badge badge--golden">金点子</Text>}
          {d.published && <Text className="badge">已在议事长廊公开</Text>}
          {d.anonymous && <Text className="badge">匿名</Text>}
        </View>
      </View>

      {viewer.handler && (
        <View className="card detail-who">
          <Text className="card__label">谁提的</Text>
          <Text className="detail-who__name">
            {d.anonymous ? '匿名居民' : (d.submitter?.householdLabel ?? '居民（未绑定房屋）')}
          </Text>
          {d.contactPhone && (
            <View
              className="detail-who__phone"
              ariaRole="button"
              ariaLabel={`打电话 ${d.contactPhone}`}
              onClick={() => void Taro.makePhoneCall({ phoneNumber: d.contactPhone ?? '' })}
            >
              📞 {d.contactPhone}（点一下打电话）
            </View>
          )}
        </View>
      )}
    </>
  )
}
