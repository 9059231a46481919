// 建议详情: where one suggestion stands, its whole timeline, and what the viewer may do now —
// a resident rates or reopens; a liaison/staff member moves it on, replies, publishes, awards.
// This page loads the suggestion and lays out its sections; each section is a file alongside.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { WhoToCall } from '@/components/who-to-call'
import { useLoad } from '@/hooks/use-load'
import { suggestionService } from '@/services/suggestion'
import { HOME_PAGE } from '../../links'
import { Comments } from './comments'
import { DetailContent } from './content'
import { HandlerActions } from './handler-actions'
import { DetailHeader } from './header'
import { ResidentActions, ResidentReply } from './resident-actions'
import { Second } from './second'
import { TimelineItem } from './timeline-item'
import { useDetailActions } from './use-actions'
import './index.css'

export default function DetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const load = useLoad(() => suggestionService.detail(id, { silent: true }), {
    fallback: '没能读到这条建议，请检查网络后再试',
  })
  const detail = load.data
  const actions = useDetailActions(id, detail, load.set, () => load.reload())

  if (!detail) {
    return (
      <PageShell className="detail">
        <LoadState
          load={load}
          what="这条建议"
          escape={
            // A suggestion one may not see (or that is gone) does not come back on reload.
            <BigButton variant="plain" onClick={() => void Taro.switchTab({ url: HOME_PAGE })}>
              回首页
            </BigButton>
          }
        >
          {() => null}
        </LoadState>
      </PageShell>
    )
  }

  const timeline = [...detail.timeline].reverse()

  return (
    <PageShell className="detail">
      <DetailHeader detail={detail} />
      <DetailContent detail={detail} />
      <ResidentActions detail={detail} actions={actions} />
      <HandlerActions detail={detail} actions={actions} />
      <Second detail={detail} actions={actions} />

      <Text className="section-title">办理进度</Text>
      <View className="card timeline" data-testid="timeline">
        {timeline.map((e, i) => (
          <TimelineItem key={`${e.at}-${i}`} entry={e} latest={i === 0} mine={detail.viewer.mine} />
        ))}
      </View>

      <ResidentReply detail={detail} actions={actions} />
      <Comments detail={detail} actions={actions} />
      {detail.viewer.mine && (
        <WhoToCall
          buildingId={detail.buildingId}
          note={`想问进度，打下面的电话，报上编号 ${detail.no} 就行。`}
        />
      )}
    </PageShell>
  )
}
