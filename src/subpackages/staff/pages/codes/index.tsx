// 二维码: staff and liaisons print the codes of 一箱一卡 — the box on each building and the
// service card of each household. Scanning either opens the home page with the place filled in.
import { Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { DirectoryCommunity, HouseholdCardsPdf, Profile, QrCode } from '@/contract/account'
import { BigButton } from '@/components/big-button'
import { PageShell } from '@/components/page-shell'
import { accountService } from '@/services/account'
import { errorMessage } from '@/services/cloud'
import { DocumentError, openPdf, pdfUrl } from '@/services/document'
import { BuildingChooser } from '@/components/building-chooser'
import { LoadState } from '@/components/load-state'
import { useLoad } from '@/hooks/use-load'
import './index.css'

interface BuildingChoice {
  id: string
  label: string
  units: number
}

interface Scope {
  /** the directory cut down to the buildings the caller may print codes for */
  directory: DirectoryCommunity[]
  buildings: BuildingChoice[]
}

/** The buildings the caller may print codes for: their community's (staff) or their own (liaison). */
async function scopeOf(profile: Profile): Promise<Scope> {
  const all = await accountService.directory({ silent: true })
  const mayPrint = (communityId: string, buildingId: string) =>
    profile.roles.some(
      (r) =>
        (r.role === 'staff' && r.communityId === communityId) ||
        (r.role === 'liaison' && (r.buildingIds ?? []).includes(buildingId)),
    )
  const directory = all
    .map((c) => ({
      ...c,
      estates: c.estates
        .map((e) => ({ ...e, buildings: e.buildings.filter((b) => mayPrint(c.id, b.id)) }))
        .filter((e) => e.buildings.length > 0),
    }))
    .filter((c) => c.estates.length > 0)
  const buildings = directory.flatMap((c) =>
    c.estates.flatMap((e) =>
      e.buildings.map((b) => ({ id: b.id, label: `${e.name} ${b.name}`, units: b.units })),
    ),
  )
  return { directory, buildings }
}

export default function CodesPage() {
  const scope = useLoad(
    async () => {
      const s = await scopeOf(await accountService.login({ silent: true }))
      if (s.buildings[0] && !building) void show(s.buildings[0], null)
      return s
    },
    { onShow: false, fallback: '没能读到您管理的楼栋，请检查网络后再试' },
  )
  useEffect(() => {
    scope.reload()
    // once per page: who may print what does not change while it is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const [choosing, setChoosing] = useState(false)
  const [building, setBuilding] = useState<BuildingChoice | null>(null)
  const [unit, setUnit] = useState(1)
  const [room, setRoom] = useState('')
  const [code, setCode] = useState<QrCode | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)

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
      <LoadState load={scope} what="楼栋">
        {({ directory, buildings }) =>
          buildings.length === 0 ? (
            <Text className="codes__hint">您没有可以管理的楼栋</Text>
          ) : (
            <>
              {choosing || !building ? (
                <BuildingChooser
                  directory={directory}
                  heading={{ estate: '打印哪个小区的码？', building: '打印哪栋楼的码？' }}
                  selectedId={building?.id ?? null}
                  onChoose={(b) => {
                    setChoosing(false)
                    const chosen = buildings.find((x) => x.id === b.id)
                    if (chosen) void show(chosen, null)
                  }}
                />
              ) : (
                <View className="card codes__chosen" data-testid="codes-building">
                  <Text className="codes__chosen-name">{building.label}</Text>
                  {buildings.length > 1 && (
                    <View
                      className="codes__change"
                      ariaRole="button"
                      onClick={() => setChoosing(true)}
                    >
                      换一栋
                    </View>
                  )}
                </View>
              )}
              {building && <CardsPdf building={building} />}
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
                      placeholder="房号"
                      placeholderClass="codes__placeholder"
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
          )
        }
      </LoadState>
    </PageShell>
  )
}

/** 整栋楼的户卡: one PDF of every household's card, made by the account function, opened here. */
function CardsPdf({ building }: { building: BuildingChoice }) {
  const [made, setMade] = useState<HouseholdCardsPdf | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  // another building chosen: the file on screen is not for it
  useEffect(() => {
    setMade(null)
    setFailed(null)
  }, [building.id])

  const make = async () => {
    setBusy(true)
    setFailed(null)
    try {
      const pdf = made ?? (await accountService.householdCards(building.id, { silent: true }))
      setMade(pdf)
      await openPdf(pdf.fileId)
    } catch (err) {
      setFailed(
        err instanceof DocumentError ? err.message : errorMessage(err, '没能生成 PDF，请稍后再试'),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card codes__pdf" data-testid="codes-pdf">
      <Text className="codes__step">整栋楼的户卡：一次打印</Text>
      <Text className="codes__hint">
        {made
          ? `${made.label}：${made.cards} 户，${made.pages} 页 A4（${Math.ceil(made.bytes / 1024)} KB）`
          : '每户一张意见征集服务卡，带二维码和地址，A4 纸每页 8 张，剪开发到各户。'}
      </Text>
      <BigButton busy={busy} onClick={() => void make()}>
        {made ? '再打开 PDF' : '生成本楼全部户卡（PDF）'}
      </BigButton>
      {made && process.env.TARO_ENV === 'h5' && (
        <View
          className="codes__pdf-link"
          ariaRole="link"
          data-href={pdfUrl(made.fileId)}
          onClick={() => window.open(pdfUrl(made.fileId), '_blank')}
        >
          打不开？点这里用浏览器打开 PDF
        </View>
      )}
      {failed && (
        <View className="error-text" ariaRole="alert">
          {failed}
        </View>
      )}
    </View>
  )
}
