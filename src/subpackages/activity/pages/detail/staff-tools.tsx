// Staff of the activity's community: the attendee list, the check-in code, edit, cancel.
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Dialog } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import { useState } from 'react'
import type { ActivityDetail } from '@/contract/activity'
import { pageUrl } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { activityService } from '@/services/activity'
import { errorMessage } from '@/services/cloud'

export function StaffTools({
  a,
  onChanged,
}: {
  a: ActivityDetail
  onChanged: (d: ActivityDetail) => void
}) {
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const go = (url: string) => void Taro.navigateTo({ url })
  const live = a.state !== 'cancelled' && a.state !== 'ended'
  const cancel = () => {
    activityService
      .cancel(a.id, reason.trim(), { silent: true })
      .then((d) => {
        setCancelling(false)
        onChanged(d)
      })
      .catch((err: unknown) => setError(errorMessage(err, '没有取消成功，请稍后再试')))
  }
  return (
    <View className="card" data-testid="staff-tools">
      <Text className="section-title">社区工作人员</Text>
      <BigButton onClick={() => go(pageUrl('activityAttendees', { id: a.id }))}>
        报名名单、签到和导出
      </BigButton>
      <BigButton variant="plain" onClick={() => go(pageUrl('activityCode', { id: a.id }))}>
        签到二维码
      </BigButton>
      {live && (
        <BigButton variant="plain" onClick={() => go(pageUrl('activityEdit', { id: a.id }))}>
          修改活动
        </BigButton>
      )}
      {live && (
        <BigButton variant="quiet" onClick={() => setCancelling(true)}>
          取消活动
        </BigButton>
      )}
      {error && <View className="error-text">{error}</View>}
      <Dialog
        visible={cancelling}
        title="取消这个活动"
        content={
          <View>
            <Text>已报名和候补的人都会收到消息。请写明原因：</Text>
            <Input
              className="act-input"
              value={reason}
              maxlength={100}
              placeholder="例如：天气预报有大雨"
              onInput={(e) => setReason(e.detail.value)}
              ariaLabel="取消原因"
            />
          </View>
        }
        confirmText="确定取消"
        cancelText="不取消"
        onConfirm={cancel}
        onCancel={() => setCancelling(false)}
        onClose={() => setCancelling(false)}
      />
    </View>
  )
}
