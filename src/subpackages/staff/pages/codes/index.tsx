// 二维码: staff and liaisons print the codes of 一箱一卡 — the box on each building and the
// service card of each household. Scanning either opens the home page with the place filled in.
import { Image, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Profile, QrCode } from '@/contract/account'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { errorMessage } from '@/services/cloud'
import { Loading } from '@/components/loading'
import './index.css'

interface BuildingChoice {
  id: string
  label: string
  units: number
}

/** The buildings the caller may print codes for: their community's (staff) or their own (liaison). */
async function buildingsFor(profile: Profile): Promise<BuildingChoice[]> {
  const directory = await accountService.directory()
  const out: BuildingChoice[] = []
  for (const community of directory) {
    const staff = profile.roles.some((r) => r.role === 'staff' && r.communityId === community.id)
    for (const estate of community.estates) {
      for (const b of estate.buildings) {
        const liaison = profile.roles.some(
          (r) => r.role === 'liaison' && (r.buildingIds ?? []).includes(b.id),
        )
        if (staff || liaison)
          out.push({ id: b.id, label: `${estate.name} ${b.name}`, units: b.units })
      }
    }
  }
  return out
}

export default function CodesPage() {
  const [buildings, setBuildings] = useState<BuildingChoice[] | null>(null)
  const [building, setBuilding] = useState<BuildingChoice | null>(null)
  const [unit, setUnit] = useState(1)
  const [room, setRoom] = useState('')
  const [code, setCode] = useState<QrCode | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)

  useLoad(() => {
    accountService
      .login()
      .then(buildingsFor)
      .then((list) => {
        setBuildings(list)
        if (list[0]) void show(list[0], null)
      })
      .catch(() => setBuildings([]))
  })

  // Never show a code other than the one last asked for: it could be printed for the wrong box
  // or door. Each request has a number; a reply to an older one is dropped.
  const latest = useRef(0)
  const show = async (b: BuildingChoice, householdRoom: string | null) => {
    const ticket = ++latest.current
    if (b.id !== building?.id) setUnit((u) => Math.min(u, b.units))
    setBuilding(b)
    setBusy(true)
    setCode(null)
    setFailed(null)
    try {
      const scene = householdRoom ? `h=${b.id}-${unit}-${householdRoom}` : `b=${b.id}`
      const next = await accountService.qrCode(scene, { silent: true })
      if (ticket === latest.current) setCode(next)
    } catch (err) {
      // said where the code would have been, so it stays on screen until the next try
      if (ticket === latest.current) {
        setFailed(errorMessage(err, '没能生成二维码，请稍后再试'))
      }
    } finally {
      if (ticket === latest.current) setBusy(false)
    }
  }

  // A household card on screen stops matching once the unit or room changes: take it off.
  const changeHousehold = (nextUnit: number, nextRoom: string) => {
    setUnit(nextUnit)
    setRoom(nextRoom)
    if (code?.scene.startsWith('h=')) setCode(null)
  }

  const save = () => {
    if (!code) return
    if (process.env.TARO_ENV === 'h5') {
      // In the browser: open the PNG so it can be printed or saved.
      const w = window.open()
      w?.document.write(
        `<title>${code.label}</title><h2>${code.label}</h2><img src="${code.dataUrl}" width="360">`,
      )
      return
    }
    const fs = Taro.getFileSystemManager()
    const filePath = `${Taro.env.USER_DATA_PATH}/qrcode-${Date.now()}.png`
    fs.writeFile({
      filePath,
      data: code.dataUrl.replace(/^data:image\/png;base64,/, ''),
      encoding: 'base64',
      success: () => void Taro.saveImageToPhotosAlbum({ filePath }),
    })
  }

  return (
    <PageShell className="codes">
      {buildings === null ? (
        <Loading className="codes__hint" />
      ) : buildings.length === 0 ? (
        <Text className="codes__hint">您没有可以管理的楼栋</Text>
      ) : (
        <>
          <View className="codes__buildings">
            {buildings.map((b) => (
              <View
                key={b.id}
                className={`codes__chip ${building?.id === b.id ? 'codes__chip--on' : ''}`}
                onClick={() => void show(b, null)}
              >
                {b.label}
              </View>
            ))}
          </View>
          {building && (
            <View className="codes__household">
              <Text className="codes__step">户卡码：选单元，填房号</Text>
              <View className="codes__units">
                {Array.from({ length: building.units }, (_, i) => i + 1).map((u) => (
                  <View
                    key={u}
                    ariaRole="button"
                    className={`codes__chip ${unit === u ? 'codes__chip--on' : ''}`}
                    onClick={() => changeHousehold(u, room)}
                  >
                    {u}单元
                  </View>
                ))}
              </View>
              <View className="codes__room">
                <Input
                  className="codes__input codes__input--room"
                  type="number"
                  value={room}
                  maxlength={5}
                  placeholder="房号，如 301"
                  aria-label="房号"
                  onInput={(e) => changeHousehold(unit, e.detail.value)}
                />
                <BigButton
                  variant="plain"
                  disabled={!/^\d{2,5}$/.test(room)}
                  onClick={() => void show(building, room)}
                >
                  生成户卡码
                </BigButton>
              </View>
            </View>
          )}
          {failed && (
            <Text className="error-text codes__failed" data-testid="codes-failed">
              {failed}
            </Text>
          )}
          {code && (
            <View className="codes__card" data-testid="qr-card">
              <Text className="codes__label">{code.label}</Text>
              <Image className="codes__image" src={code.dataUrl} />
              <Text className="codes__hint">
                {code.scene.startsWith('h=')
                  ? '贴在户卡上：扫码打开民情速递站，一步绑定这户'
                  : '贴在楼道信箱上：扫码直接打开本楼的民情速递站'}
              </Text>
              <BigButton busy={busy} onClick={save}>
                {process.env.TARO_ENV === 'h5' ? '打开图片去打印' : '保存到相册'}
              </BigButton>
            </View>
          )}
        </>
      )}
    </PageShell>
  )
}
