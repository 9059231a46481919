// The demo personas' user documents: households and scoped roles.
import { PERSONA_HOUSEHOLDS } from '../src/contract/personas'
import type { UserDoc } from '../server/models'

export function personaUsers(now: Date): UserDoc[] {
  const user = (openid: string, roles: UserDoc['roles'] = []): UserDoc => ({
    _id: openid,
    openid,
    householdId: PERSONA_HOUSEHOLDS[openid] ?? null,
    roles,
    createdAt: now,
    updatedAt: now,
  })
  return [
    user('demo-resident'),
    user('demo-neighbour'),
    user('demo-newcomer'),
    user('demo-liaison', [
      {
        role: 'liaison',
        communityId: 'ESLP',
        buildingIds: ['LH-1', 'LH-2'],
        title: '民情速递员 · 陇海安居 1号楼、2号楼',
      },
    ]),
    user('demo-staff', [{ role: 'staff', communityId: 'ESLP', title: '社区两委 · 二十里铺社区' }]),
    user('demo-supervisor', [
      {
        role: 'supervisor',
        communityId: 'ZTL',
        collectionPointId: 'DF-P01',
        title: '垃圾分类督导员 · 东方现代城 1号投放点',
      },
    ]),
    user('demo-staff-zt', [{ role: 'staff', communityId: 'ZTL', title: '社区两委 · 政通路社区' }]),
    user('demo-resident-zt'),
  ]
}
