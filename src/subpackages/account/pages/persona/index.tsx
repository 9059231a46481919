// h5 local demo only: choose who "I" am. The local cloud trusts the chosen openid.
import { PAGES } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { currentPersonaId, newVisitor, PERSONAS, setPersona } from '@/services/persona'
import './index.css'

function restart() {
  void Taro.reLaunch({ url: PAGES.home })
}

export default function PersonaPage() {
  const current = currentPersonaId()
  return (
    <PageShell className="persona" hideDemoBar>
      <Text className="persona__intro">
        这是本地演示。选一个身份，就能看到这个人在小程序里看到的样子。
      </Text>
      {PERSONAS.map((p) => {
        const on = p.openid === current
        return (
          <View
            key={p.openid}
            className={on ? 'card persona__item persona__item--on' : 'card persona__item'}
            ariaRole="button"
            ariaLabel={p.name}
            onClick={() => {
              setPersona(p.openid)
              restart()
            }}
          >
            <View className="persona__head">
              <Text className="persona__name">{p.name}</Text>
              {on && <Text className="persona__tag">当前</Text>}
            </View>
            <Text className="persona__role">{p.role}</Text>
          </View>
        )
      })}
      <View
        className="card persona__item persona__item--new"
        ariaRole="button"
        ariaLabel="换成一位全新的住户"
        onClick={() => {
          newVisitor()
          restart()
        }}
      >
        <Text className="persona__name">换成一位全新的住户</Text>
        <Text className="persona__role">从没用过的人，第一次扫码</Text>
      </View>
    </PageShell>
  )
}
