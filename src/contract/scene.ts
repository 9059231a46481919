// The scene of a mini-program code (≤ 32 chars): `b=<buildingId>` or `h=<householdId>`.
// Kept free of the schema library so the main package can read codes without loading it.
export const SCENE_PATTERN = /^[bh]=[A-Za-z0-9_-]{1,30}$/

/** An activity's check-in code: `a=<activityId>`. */
export const ACTIVITY_SCENE_PATTERN = /^a=[A-Za-z0-9_-]{1,30}$/
