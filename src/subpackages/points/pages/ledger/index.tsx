// 积分明细: every earn and spend of the household, with its reason and date, newest first.
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import type { LedgerEntryView } from '@/contract/points'
import { ListFooter } from '@/components/list-footer'
import { Loading } from '@/components/loading'
import { PageShell } from '@/components/page-shell'
import { usePaged } from '@/hooks/use-paged'
import { pointsService } from '@/services/points'
import '../../points.css'

export default function LedgerPage() {
  const list = usePaged<LedgerEntryView>((cursor) =>
    pointsService.ledger({ cursor, limit: 20 }, { silent: true }),
  )
  useDidShow(() => list.reload())
  return (
    <PageShell className="pts-ledger">
      <View className="card" data-testid="ledger">
        {list.items === null && !list.error && <Loading what="积分明细" />}
        {list.items?.length === 0 && <Text className="muted">还没有积分记录</Text>}
        {list.items?.map((e) => (
          <View key={e.id} className="pts-list-item">
            <View>
              <Text className="pts-line">{e.reason}</Text>
              <Text className="pts-line muted">
                {dayjs(e.at).format('M月D日 HH:mm')} · 余额 {e.balanceAfter}
              </Text>
            </View>
            <Text className={`pts-hero ${e.delta > 0 ? 'pts-ok' : 'pts-bad'}`}>
              {e.delta > 0 ? `+${e.delta}` : e.delta}
            </Text>
          </View>
        ))}
      </View>
      <ListFooter list={list} />
    </PageShell>
  )
}
