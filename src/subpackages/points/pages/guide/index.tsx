// 分类指南: type an item — characters, or pinyin initials such as dc for 电池 — and see which
// bin, its colour and a tip. The list ships with the subpackage and works without a connection.
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { CATEGORIES } from '../../guide/categories'
import { GUIDE_SIZE, searchGuide } from '../../guide/search'
import '../../points.css'

export default function GuidePage() {
  // ?q= opens the guide on an item (a link from elsewhere, a poster's QR code)
  const { params } = useRouter()
  const [query, setQuery] = useState(() => decodeURIComponent(params.q ?? ''))
  const hits = searchGuide(query, 30)
  return (
    <PageShell className="pts-guide">
      <View className="card">
        <Text className="card__label">输入物品名称或拼音首字母（如 dc = 电池）</Text>
        <Input
          className="pts-input"
          value={query}
          placeholder="例如：电池、剩菜、klp"
          focus
          data-testid="guide-input"
          onInput={(e) => setQuery(e.detail.value)}
        />
      </View>
      {query.trim() && hits.length === 0 && (
        <View className="card">
          <Text className="pts-line">
            没有找到“{query.trim()}”。分不清的，可以问投放点的督导员，或投其他垃圾。
          </Text>
        </View>
      )}
      {hits.map((h) => (
        <View key={h.name} className="card" data-testid="guide-hit">
          <View className="pts-row">
            <Text className="section-title">{h.name}</Text>
            <Text className="pts-bin" style={{ background: h.info.hex, color: h.info.ink }}>
              {h.info.name} · {h.info.colour}
            </Text>
          </View>
          <Text className="pts-line">{h.tip}</Text>
        </View>
      ))}
      {!query.trim() &&
        CATEGORIES.map((c) => (
          <View key={c.name} className="card" style={{ borderLeft: `16px solid ${c.hex}` }}>
            <Text className="section-title">
              {c.name} · {c.colour}
            </Text>
            <Text className="pts-line">{c.tip}</Text>
          </View>
        ))}
      {!query.trim() && (
        <Text className="muted">共收录 {GUIDE_SIZE} 种常见物品，按郑州市四分类</Text>
      )}
    </PageShell>
  )
}
