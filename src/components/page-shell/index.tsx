// Every page's root: applies 大字模式 and, in the h5 local demo, shows who "I" am.
import { PAGES } from '@/contract/pages'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { setElderMode, useElderMode } from '@/hooks/use-elder-mode'
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
  const [stored] = useElderMode()
  // `?elder=1` / `?elder=0` on any URL wins at once (screenshots, tests) and is remembered.
  const forced = params.elder === '1' ? true : params.elder === '0' ? false : null
  const elder = forced ?? stored

  useEffect(() => {
    if (forced !== null) setElderMode(forced)
  }, [forced])

  const classes = ['page-shell', elder ? 'page-shell--elder' : '', className ?? '']
  return (
    <View className={classes.filter(Boolean).join(' ')} data-elder={elder ? '1' : '0'}>
      {isLocalDemo && !hideDemoBar && <DemoBar />}
      <View className="page-shell__body">{children}</View>
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
