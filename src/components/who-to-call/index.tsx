// 有事找谁: the building's 民情速递员 and the community office's phone, tap to call. Shown where a
// resident may want to ask a person (home, 提交成功, a suggestion's detail). Given the building's
// whoToCall when the page has it, else reads it by the building's id.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { WhoToCall as Contact } from '@/contract/account'
import { LoadState } from '@/components/load-state'
import { useLoad } from '@/hooks/use-load'
import { accountService } from '@/services/account'
import './index.css'

interface WhoToCallProps {
  /** what the page already has (a scanned building's whoToCall) */
  contact?: Contact | null
  /** else: the building to read it for */
  buildingId?: string | null
  /** the sentence above the names, e.g. 打电话问进度时，报上面的编号 */
  note?: string
}

export function WhoToCall({ contact, buildingId, note }: WhoToCallProps) {
  const read = useLoad(
    async (): Promise<Contact | null> => {
      if (!buildingId) return null
      const target = await accountService.resolveScene(`b=${buildingId}`, { silent: true })
      return target.building.whoToCall ?? null
    },
    { onShow: false, fallback: '没能读到社区电话' },
  )
  useEffect(() => {
    if (!contact && buildingId) read.reload()
    // reads once per building
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contact, buildingId])

  if (!contact && !buildingId) return null
  const load = contact ? { data: contact, error: null, reload: () => undefined } : read
  return (
    <View className="card who-to-call" data-testid="who-to-call">
      <Text className="card__label">有事找谁</Text>
      <LoadState load={load} what="社区电话" bare>
        {(c) => (c ? <Names contact={c} note={note} /> : null)}
      </LoadState>
    </View>
  )
}

function Names({ contact, note }: { contact: Contact; note?: string }) {
  const { liaisonName, communityName, phone } = contact
  return (
    <View>
      {note && <Text className="who-to-call__note">{note}</Text>}
      {liaisonName && (
        <Text className="who-to-call__line">
          本楼民情速递员：<Text className="who-to-call__name">{liaisonName}</Text>
        </Text>
      )}
      {phone ? (
        <View
          className="who-to-call__phone"
          ariaRole="button"
          ariaLabel={`打电话给${communityName}，${phone}`}
          onClick={() => void Taro.makePhoneCall({ phoneNumber: phone.replace(/-/g, '') })}
        >
          <Text className="who-to-call__phone-label">{communityName}电话</Text>
          <Text className="who-to-call__phone-number nobreak">📞 {phone}</Text>
          <Text className="who-to-call__phone-hint">点这里直接打</Text>
        </View>
      ) : (
        <Text className="who-to-call__line">社区电话还没登记，请到{communityName}问一问。</Text>
      )}
    </View>
  )
}
