// 活动详情 + 报名: what, when, where, places left; sign up in one tap (name and phone remembered);
// the answer stays on the page: 报名成功 or 已进入候补第 N 位.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Dialog } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import { useState } from 'react'
import type { ActivityDetail, SignUpResult } from '@/contract/activity'
import { PAGES } from '@/contract/pages'
import { BigButton } from '@/components/big-button'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useLoad } from '@/hooks/use-load'
import { activityService } from '@/services/activity'
import { errorMessage } from '@/services/cloud'
import { hoursText, moment, placesLine, statusLine, timeRange } from '../../format'
import { SignUpForm } from './sign-up-form'
import { StaffTools } from './staff-tools'
import '../../activity.css'

export default function ActivityDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const load = useLoad(() => activityService.detail(id, { silent: true }))
  const [answer, setAnswer] = useState<SignUpResult | null>(null)
  const [leaving, setLeaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const withdraw = () => {
    setLeaving(false)
    activityService
      .withdraw(id, { silent: true })
      .then(() => {
        setAnswer(null)
        void Taro.showToast({ title: '已退出', icon: 'success' })
        load.reload()
      })
      .catch((err: unknown) => setError(errorMessage(err, '没有退出成功，请稍后再试')))
  }

  return (
    <PageShell className="activity-detail">
      <LoadState
        load={load}
        what="活动"
        escape={
          <BigButton
            variant="quiet"
            onClick={() => void Taro.redirectTo({ url: PAGES.activities })}
          >
            看其他活动
          </BigButton>
        }
      >
        {(a: ActivityDetail) => {
          const mine = a.mySignUp && a.mySignUp.status !== 'withdrawn' ? a.mySignUp : null
          return (
            <View>
              {answer && <Answer res={answer} a={a} />}
              <View className="card" data-testid="activity-info">
                <Text className="act-card__title">{a.title}</Text>
                <Text className="act-card__line">时间：{timeRange(a.startAt, a.endAt)}</Text>
                <Text className="act-card__line">地点：{a.place}</Text>
                <Text className="act-card__line">谁能参加：{a.audienceLabel}</Text>
                <Text className="act-card__line">
                  名额：{a.capacity} 人 · 报名截止 {moment(a.signUpClosesAt)}
                </Text>
                <Text className="act-card__line">
                  退出截止 {moment(a.withdrawBy)} · 咨询电话 {a.contactPhone}
                </Text>
                <Text
                  className={`act-card__places act-card__places--${a.state}`}
                  data-testid="places"
                >
                  {placesLine(a)}
                </Text>
                <View className="act-tags">
                  <Text className="act-tag">{a.theme}</Text>
                  {a.hours > 0 && (
                    <Text className="act-tag">签到记志愿时长 {hoursText(a.hours)}</Text>
                  )}
                  {a.points > 0 && <Text className="act-tag">签到得 {a.points} 积分</Text>}
                </View>
                <Text className="act-card__line">{a.description}</Text>
              </View>
              {a.cancelReason && <Text className="act-note">活动已取消：{a.cancelReason}</Text>}
              {mine && !answer && (
                <View className="card" data-testid="my-sign-up">
                  <Text className="section-title">我的报名</Text>
                  <Text className="act-answer__big">{statusLine(mine.status, mine.position)}</Text>
                  <Text className="act-card__line">
                    {mine.name} {mine.phone}
                    {mine.companions.length ? ` · 同行：${mine.companions.join('、')}` : ''}
                  </Text>
                  {mine.status === 'checked_in' && (
                    <Text className="act-card__line">
                      签到时间 {mine.checkedInAt ? moment(mine.checkedInAt) : ''}，记志愿时长{' '}
                      {hoursText(mine.hours)}
                      {mine.points ? `，积分 +${mine.points}` : ''}
                    </Text>
                  )}
                  {mine.status === 'no_show' && (
                    <Text className="act-card__line">活动结束时没有签到，记为未到。</Text>
                  )}
                </View>
              )}
              {!a.signUpBlocked && !answer && (
                <SignUpForm
                  activity={a}
                  onDone={(res) => {
                    setAnswer(res)
                    load.reload()
                  }}
                />
              )}
              {a.signUpBlocked && !mine && (
                <Text className="act-note" data-testid="blocked">
                  {a.signUpBlocked}
                </Text>
              )}
              {(mine?.status === 'confirmed' || mine?.status === 'waitlisted') && (
                <BigButton variant="quiet" onClick={() => setLeaving(true)}>
                  {mine.status === 'waitlisted' ? '不排了，退出候补' : '有事去不了，退出报名'}
                </BigButton>
              )}
              {error && (
                <View className="error-text" ariaRole="alert">
                  {error}
                </View>
              )}
              <BigButton
                variant="plain"
                onClick={() => void Taro.navigateTo({ url: PAGES.myActivities })}
              >
                我的活动
              </BigButton>
              {a.canManage && <StaffTools a={a} onChanged={(d) => load.set(d)} />}
              <Dialog
                visible={leaving}
                title={mine?.status === 'waitlisted' ? '退出候补' : '退出报名'}
                content={
                  mine?.status === 'waitlisted'
                    ? '退出后就不再排队了。'
                    : '退出后名额会让给排队的人。确定去不了吗？'
                }
                confirmText="确定退出"
                cancelText="不退出"
                onConfirm={withdraw}
                onCancel={() => setLeaving(false)}
                onClose={() => setLeaving(false)}
              />
            </View>
          )
        }}
      </LoadState>
    </PageShell>
  )
}

function Answer({ res, a }: { res: SignUpResult; a: ActivityDetail }) {
  const waiting = res.status === 'waitlisted'
  return (
    <View
      className={waiting ? 'act-answer act-answer--wait' : 'act-answer'}
      data-testid="sign-up-answer"
    >
      <Text className="act-answer__big">
        {waiting ? `已进入候补第 ${res.position ?? ''} 位` : '✓ 报名成功'}
      </Text>
      <Text className="act-answer__text">
        {res.already ? '您之前已经报过名了。' : ''}
        {waiting
          ? '有人退出时按排队先后递补，递补上了会在“消息”里告诉您。'
          : `${timeRange(a.startAt, a.endAt)}，${a.place}。开始前一天和一小时前会提醒您，到场后扫码签到。`}
      </Text>
    </View>
  )
}
