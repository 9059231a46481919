// One building chooser for every page that asks "which building": the estate first (the same
// building numbers exist in many estates; skipped when there is only one), then its buildings as
// large tiles. Reads the directory itself and says so when it cannot.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { DirectoryCommunity } from '@/contract/account'
import { LoadState } from '@/components/load-state'
import { useLoad } from '@/hooks/use-load'
import { accountService } from '@/services/account'
import './index.css'

export interface BuildingChoice {
  id: string
  name: string
  units: number
  estateId: string
  estateName: string
  communityId: string
  communityName: string
}

interface EstateChoice {
  id: string
  name: string
  communityName: string
  buildings: BuildingChoice[]
}

/** Estates (小区) with their buildings, each knowing its community. */
export function estatesOf(directory: DirectoryCommunity[]): EstateChoice[] {
  return directory.flatMap((c) =>
    c.estates.map((e) => ({
      id: e.id,
      name: e.name,
      communityName: c.name,
      buildings: e.buildings.map((b) => ({
        ...b,
        estateId: e.id,
        estateName: e.name,
        communityId: c.id,
        communityName: c.name,
      })),
    })),
  )
}

interface BuildingChooserProps {
  /** the building chosen so far (highlighted), if any */
  selectedId?: string | null
  /** open on this estate (e.g. the chosen building's, when changing it) */
  estateId?: string | null
  onChoose: (b: BuildingChoice) => void
  /** the directory, when the page has read it already (else the chooser reads it) */
  directory?: DirectoryCommunity[] | null
  /** the question above it, while the estate and then the building is being chosen */
  heading: { estate: string; building: string }
  hint?: string
}

export function BuildingChooser(props: BuildingChooserProps) {
  const { selectedId, estateId, onChoose, directory, heading, hint } = props
  const own = useLoad(() => accountService.directory({ silent: true }), {
    fallback: '没能读到楼栋名单，请检查网络后再试',
    onShow: false,
  })
  const given = directory !== undefined
  useEffect(() => {
    if (!given) own.reload()
    // Reads once per chooser: the directory does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const load = given ? { data: directory, error: null, reload: () => undefined } : own
  const [picked, setPicked] = useState<string | null>(estateId ?? null)

  return (
    <View data-testid="building-chooser">
      <LoadState load={load} what="楼栋">
        {(dir) => {
          const estates = estatesOf(dir)
          const estate =
            estates.find((e) => e.id === picked) ?? (estates.length === 1 ? estates[0] : null)
          const head = (
            <>
              <Text className="section-title">{estate ? heading.building : heading.estate}</Text>
              {hint && <Text className="chooser__hint">{hint}</Text>}
            </>
          )
          if (!estate) {
            return (
              <>
                {head}
                {estates.map((e) => (
                  <View
                    key={e.id}
                    className="card chooser__estate"
                    ariaRole="button"
                    ariaLabel={e.name}
                    onClick={() => setPicked(e.id)}
                  >
                    <Text className="chooser__estate-name">{e.name}</Text>
                    <Text className="chooser__estate-community">{e.communityName}</Text>
                  </View>
                ))}
              </>
            )
          }
          return (
            <View className="chooser__group">
              {head}
              <View className="chooser__group-head">
                <Text className="chooser__group-title">
                  {estate.name}
                  <Text className="chooser__group-community">（{estate.communityName}）</Text>
                </Text>
                {estates.length > 1 && (
                  <View
                    className="chooser__change"
                    ariaRole="button"
                    onClick={() => setPicked(null)}
                  >
                    换小区
                  </View>
                )}
              </View>
              <View className="choice-grid">
                {estate.buildings.map((b) => (
                  <View
                    key={b.id}
                    className={b.id === selectedId ? 'choice choice--on' : 'choice'}
                    ariaRole="button"
                    ariaLabel={`${estate.name} ${b.name}`}
                    onClick={() => onChoose(b)}
                  >
                    {b.name}
                  </View>
                ))}
              </View>
            </View>
          )
        }}
      </LoadState>
    </View>
  )
}
