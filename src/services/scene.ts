// What a scanned mini-program code says: `b=<buildingId>` (a building's box) or `h=<householdId>`
// (a household's card). WeChat hands `options.scene` over URL-encoded; read it here only.
import { ACTIVITY_SCENE_PATTERN, SCENE_PATTERN } from '@/contract/scene'

/** `options.scene` decoded; null when it is not one of ours (e.g. another kind of code). */
export function readScene(raw: string | undefined): string | null {
  const scene = decodeScene(raw)
  return scene && SCENE_PATTERN.test(scene) ? scene : null
}

/** The activity id of an activity's check-in code (`a=<activityId>`), else null. */
export function readActivityScene(raw: string | undefined): string | null {
  const scene = decodeScene(raw)
  return scene && ACTIVITY_SCENE_PATTERN.test(scene) ? scene.slice(2) : null
}

/** The activity id in a scanned code's path or text (see sceneOfScan), else null. */
export function activityOfScan(scan: { path?: string; result?: string }): string | null {
  for (const text of [scan.path, scan.result]) {
    const m = text ? /[?&]scene=(.+)$/.exec(text) : null
    const id = m ? readActivityScene(m[1]) : null
    if (id) return id
  }
  return null
}

function decodeScene(raw: string | undefined): string | null {
  if (!raw) return null
  let scene = raw
  // Decode until stable: WeChat encodes once; a hand-typed h5 URL may be encoded twice.
  for (let i = 0; i < 3 && scene.includes('%'); i++) {
    try {
      scene = decodeURIComponent(scene)
    } catch {
      return null
    }
  }
  return scene.trim()
}

/**
 * The scene in a scanned code's `path` (`wx.scanCode` gives it for our own mini-program codes:
 * 'pages/index/index?scene=b%3DLH-1'; Android leaves the scene unencoded, 'scene=b=LH-1'), or in
 * its text (a plain QR code of the same link). Null when the code is not one of ours.
 */
export function sceneOfScan(scan: { path?: string; result?: string }): string | null {
  for (const text of [scan.path, scan.result]) {
    const m = text ? /[?&]scene=(.+)$/.exec(text) : null
    const scene = m ? readScene(m[1]) : null
    if (scene) return scene
  }
  return null
}
