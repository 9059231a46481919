// 我的: my household, my roles, 大字模式, and (h5 demo) who I am.
import { PAGES } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Switch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import { useState } from 'react'
import { BigButton } from '@/components/big-button'
import { PageShell, PERSONA_PAGE } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { accountService } from '@/services/account'
import { currentPersonaId, isLocalDemo, personaOf } from '@/services/persona'
import { LoadState } from '@/components/load-state'
import { confirm, toast } from '@/services/feedback'
import { useLoad } from '@/hooks/use-load'
import './index.css'

const BIND_PAGE = PAGES.bind

export default function MinePage() {
  const me = useLoad(() => accountService.login({ silent: true }), {
    fallback: '没能读到信息，请检查网络后再试',
  })
  const profile = me.data
  const [busy, setBusy] = useState(false)
  const [elder, setElder] = useElderMode()

  const unbind = async () => {
    const yes = await confirm({
      title: '解除绑定',
      content: '解除后，这个微信就不代表您家了。以后随时可以再绑定。',
      confirmText: '确定解除',
      cancelText: '不解除',
    })
    if (!yes) return
    setBusy(true)
    try {
      me.set(await accountService.unbindHousehold())
      toast('已解除绑定')
    } catch {
      // cloud.ts has already told the resident what went wrong
    } finally {
      setBusy(false)
    }
  }

  const household = profile?.household ?? null
  const persona = isLocalDemo ? personaOf(currentPersonaId()) : null

  return (
    <PageShell className="mine">
      <View className="card" data-testid="my-household">
        <Text className="card__label">我家</Text>
        {profile === null ? (
          <LoadState load={me} bare>
            {() => null}
          </LoadState>
        ) : household ? (
          <View>
            <Text className="mine__household">
              {household.estateName} {household.buildingName}
            </Text>
            <Text className="mine__room">
              {household.unit}单元 {household.room}室
            </Text>
            <Text className="mine__community">
              {household.street} · {household.communityName}
            </Text>
          </View>
        ) : (
          <View>
            <Text className="mine__household mine__household--none">还没有绑定房屋</Text>
            {profile.community && (
              <Text className="mine__community">
                {profile.community.street} · {profile.community.name}
              </Text>
            )}
          </View>
        )}
      </View>

      {profile !== null &&
        (household ? (
          <View className="mine__actions">
            <BigButton variant="plain" onClick={() => void Taro.navigateTo({ url: BIND_PAGE })}>
              换绑到别的房屋
            </BigButton>
            <BigButton variant="quiet" busy={busy} onClick={() => void unbind()}>
              解除绑定
            </BigButton>
          </View>
        ) : (
          <BigButton onClick={() => void Taro.navigateTo({ url: BIND_PAGE })}>绑定我家</BigButton>
        ))}

      <View className="mine__links">
        <BigButton
          variant="plain"
          onClick={() => void Taro.navigateTo({ url: PAGES.mySuggestions })}
        >
          我的建议
        </BigButton>
        <BigButton variant="plain" onClick={() => void Taro.navigateTo({ url: PAGES.messages })}>
          消息
        </BigButton>
      </View>

      {profile !== null && profile.roles.length > 0 && (
        <View className="card">
          <Text className="card__label">我的身份</Text>
          {profile.roles.map((r) => (
            <Text key={`${r.role}-${r.communityId}`} className="mine__role">
              {r.title}
            </Text>
          ))}
          {profile.roles.some((r) => r.role === 'staff' || r.role === 'liaison') && (
            <>
              <BigButton variant="plain" onClick={() => void Taro.navigateTo({ url: PAGES.inbox })}>
                工作台：处理居民建议
              </BigButton>
              <BigButton variant="quiet" onClick={() => void Taro.navigateTo({ url: PAGES.codes })}>
                打印信箱码和户卡码
              </BigButton>
            </>
          )}
        </View>
      )}

      <View
        className="card mine__row"
        ariaRole="switch"
        ariaLabel="大字模式"
        onClick={() => setElder(!elder)}
      >
        <View className="mine__row-text">
          <Text className="mine__row-title">大字模式</Text>
          <Text className="mine__row-hint">
            {elder ? '已打开：字更大，按钮更大' : '字太小？点这里放大'}
          </Text>
        </View>
        <Switch className="mine__switch" checked={elder} />
      </View>

      {persona && (
        <View className="card">
          <Text className="card__label">本地演示 · 当前身份</Text>
          <Text className="mine__persona">{persona.name}</Text>
          <Text className="mine__community">{persona.role}</Text>
          <BigButton
            variant="plain"
            className="mine__switch-persona"
            onClick={() => void Taro.navigateTo({ url: PERSONA_PAGE })}
          >
            切换身份
          </BigButton>
        </View>
      )}
    </PageShell>
  )
}
