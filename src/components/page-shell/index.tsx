// Every page's root: applies the type scale (WeChat's font size and 大字模式, see
// hooks/use-type-scale.ts), hosts the page's toast and confirmation dialog (services/feedback.ts)
// and, in the h5 local demo, shows who "I" am.
import { PAGES } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Dialog, Toast } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/toast/style/css'
import { useEffect, useState, type ReactNode } from 'react'
import { setElderMode } from '@/hooks/use-elder-mode'
import { useTypeScale } from '@/hooks/use-type-scale'
import { DIALOG_ID, TOAST_ID } from '@/services/feedback'
import { currentPersonaId, isLocalDemo, personaOf } from '@/services/persona'
import './index.css'

export const PERSONA_PAGE = PAGES.persona

interface PageShellProps {
  children: ReactNode
  className?: string
  /** the persona picker itself hides the demo bar */
  hideDemoBar?: boolean
}

export function PageShell({ children, className, hideDemoBar }: PageShellProps) {
  const { params } = useRouter()
  // `?elder=1` / `?elder=0` on any URL wins at once (screenshots, tests) and is remembered.
  const forced = params.elder === '1' ? true : params.elder === '0' ? false : null
  const scale = useTypeScale(forced)

  useEffect(() => {
    if (forced !== null) setElderMode(forced)
  }, [forced])

  const classes = [
    'page-shell',
    scale.elder ? 'page-shell--elder' : '',
    scale.large ? 'page-shell--large' : '',
    className ?? '',
  ]
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      style={`--fs-k: ${scale.k}`}
      data-elder={scale.elder ? '1' : '0'}
      data-font-scale={String(scale.k)}
    >
      {isLocalDemo && !hideDemoBar && <DemoBar />}
      <View className="page-shell__body">{children}</View>
      <Toast id={TOAST_ID} className="app-toast" />
      <Dialog id={DIALOG_ID} className="app-dialog" />
    </View>
  )
}

function DemoBar() {
  const [name] = useState(() => personaOf(currentPersonaId()).name)
  return (
    <View
      className="demo-bar"
      onClick={() => void Taro.navigateTo({ url: PERSONA_PAGE })}
      ariaRole="button"
      ariaLabel="切换演示身份"
    >
      <Text className="demo-bar__text">本地演示 · 当前身份：{name}</Text>
      <Text className="demo-bar__link">切换</Text>
    </View>
  )
}
