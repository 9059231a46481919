// 签到二维码 (staff): the activity's code (scene a=<activityId>) to print or show on a screen.
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ActivityCode } from '@/contract/activity'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { activityService, canPrint, printPage } from '@/services/activity'
import '../../activity.css'
import './index.css'

export default function ActivityCodePage() {
  const { params } = useRouter()
  const load = useLoad(() => activityService.code(params.id ?? '', { silent: true }))
  return (
    <PageShell className="activity-code">
      <LoadState load={load} what="二维码">
        {(c: ActivityCode) => (
          <View className="card" data-testid="activity-code">
            <Text className="act-card__title">{c.title}</Text>
            <Text className="act-answer__big">微信扫一扫 · 签到</Text>
            <Image
              className="activity-code__image"
              src={c.dataUrl}
              mode="widthFix"
              style={{ width: '100%' }}
            />
            <Text className="act-card__line">
              活动开始前 30
              分钟到结束，报上名的人扫这个码签到，记志愿时长和积分。没带手机的，在“报名名单”里点“代签到”。
            </Text>
            {canPrint && (
              <View className="no-print">
                <BigButton onClick={printPage}>打印</BigButton>
              </View>
            )}
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
