// Which building a new suggestion is for: the code just scanned, the link's buildingId, the
// building remembered from the last scan, or the resident's own household — in that order.
import type { BuildingView } from '@/contract/account'
import { accountService } from '@/services/account'
import { currentBuilding } from '@/services/current-building'
import { readScene } from '@/services/scene'

export interface PlaceChoice {
  id: string
  name: string
  estateName: string
  communityName: string
}

const ID = /^[A-Za-z0-9_-]{1,64}$/

export function placeOfBuilding(b: BuildingView): PlaceChoice {
  return { id: b.id, name: b.name, estateName: b.estateName, communityName: b.communityName }
}

export async function resolvePlace(params: {
  scene?: string
  buildingId?: string
}): Promise<PlaceChoice | null> {
  const scene =
    readScene(params.scene) ??
    (params.buildingId && ID.test(params.buildingId) ? `b=${params.buildingId}` : null)
  if (scene) {
    const target = await accountService.resolveScene(scene, { silent: true })
    currentBuilding.set(target.building)
    return placeOfBuilding(target.building)
  }
  const profile = await accountService.login({ silent: true })
  if (profile.household) {
    const h = profile.household
    return {
      id: h.buildingId,
      name: h.buildingName,
      estateName: h.estateName,
      communityName: h.communityName,
    }
  }
  const remembered = currentBuilding.get()
  return remembered ? placeOfBuilding(remembered) : null
}
