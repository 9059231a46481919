// Who the caller is to the points domain: a supervisor of one point, staff of communities, or a
// household's member — and the documents every action reads first.
import { staffCommunities } from '../../../../server/access'
import { first, rows } from '../../../../server/db'
import { forbidden, invalid, notFound } from '../../../../server/errors'
import type { HouseholdDoc, UserDoc } from '../../../../server/models'
import { getById, householdView } from '../../../../server/places'
import type { ActionContext, Database } from '../../../../server/router'
import { DEFAULT_POINTS_PER_DAY } from '../../../../src/contract/points'
import {
  COLLECTION_POINTS,
  POINTS_RULES,
  rulesId,
  type CollectionPointDoc,
  type RulesDoc,
} from './model'

export interface SupervisorGrant {
  communityId: string
  pointId: string
}

export function supervisorOf(user: UserDoc): SupervisorGrant | null {
  const r = user.roles.find((g) => g.role === 'supervisor' && g.collectionPointId)
  return r && r.collectionPointId
    ? { communityId: r.communityId, pointId: r.collectionPointId }
    : null
}

export function requireSupervisor(user: UserDoc): SupervisorGrant {
  const s = supervisorOf(user)
  if (!s) throw forbidden('只有投放点督导员可以记录')
  return s
}

/** The one community a staff caller works in (the first, when they serve several). */
export function staffCommunity(user: UserDoc): string {
  const c = staffCommunities(user)[0]
  if (!c) throw forbidden('只有社区两委可以做这件事')
  return c
}

/** The community whose points the caller reads: their household's, else their role's. */
export async function callerCommunity(ctx: ActionContext): Promise<string> {
  if (ctx.user.householdId) {
    const h = await getById<HouseholdDoc>(ctx.db, 'households', ctx.user.householdId)
    if (h) return h.communityId
  }
  const role = ctx.user.roles[0]
  if (role) return role.communityId
  throw forbidden('请先绑定您家的房屋')
}

export async function callerHousehold(ctx: ActionContext): Promise<HouseholdDoc> {
  if (!ctx.user.householdId) throw forbidden('请先绑定您家的房屋')
  const h = await getById<HouseholdDoc>(ctx.db, 'households', ctx.user.householdId)
  if (!h) throw notFound('您绑定的房屋')
  return h
}

export const labelOf = (h: HouseholdDoc): string => householdView(h).label

/** A household by its card's id or by building, unit and room (the recording screen's pad). */
export async function findHousehold(
  db: Database,
  who: { householdId?: string; place?: { buildingId: string; unit: number; room: string } },
): Promise<HouseholdDoc> {
  const h = who.householdId
    ? await getById<HouseholdDoc>(db, 'households', who.householdId)
    : who.place
      ? await first<HouseholdDoc>(
          db
            .collection('households')
            .where({ ...who.place })
            .limit(1),
        )
      : null
  if (!h) throw notFound('这户，请核对楼栋、单元和房号')
  return h
}

export async function pointsPerDay(db: Database, communityId: string): Promise<number> {
  const r = await getById<RulesDoc>(db, POINTS_RULES, rulesId(communityId))
  return r?.pointsPerDay ?? DEFAULT_POINTS_PER_DAY
}

export async function getPoint(db: Database, id: string): Promise<CollectionPointDoc | null> {
  return getById<CollectionPointDoc>(db, COLLECTION_POINTS, id)
}

export async function communityPoints(
  db: Database,
  communityId: string,
): Promise<CollectionPointDoc[]> {
  return rows<CollectionPointDoc>(
    db.collection(COLLECTION_POINTS).where({ communityId }).orderBy('_id', 'asc').limit(100),
  )
}

/** YYYY-MM → YYYYMM, refusing months far from now. */
export function monthKey(month: string | undefined, fallback: string): string {
  if (!month) return fallback
  const key = month.replace('-', '')
  if (key > fallback) throw invalid('还没有到这个月')
  return key
}
