// The account function through the real wx-server-sdk against a seeded local cloud.
import fc from 'fast-check'
import { PDFDocument } from 'pdf-lib'
import type {
  DirectoryCommunity,
  HouseholdCardsPdf,
  Profile,
  QrCode,
  SceneTarget,
} from '../../src/contract/account'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const users = () => t.cloud.store.find('users', {}, { sort: { _id: 1 } })

describe('router', () => {
  it('refuses a call without identity', async () => {
    const res = await t.call('account', undefined, 'login', {})
    expect(res).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    })
  })

  it('answers an unknown action explicitly', async () => {
    const res = await t.call('account', 'demo-resident', 'dropTables', {})
    expect(res.ok || res.error.code).toBe('UNKNOWN_ACTION')
  })

  it('rejects events that are not objects', async () => {
    for (const event of [null, 42, 'login', [], { action: 42 }]) {
      const res = await t.callRaw('account', 'demo-resident', event)
      expect(res.body.ok).toBe(false)
    }
  })

  it('never takes identity from the request body', async () => {
    const res = await t.call('account', 'stranger-1', 'login', { openid: 'demo-staff' })
    expect(res.ok || res.error.code).toBe('INVALID_INPUT')
    const me = ok(await t.call<Profile>('account', 'stranger-1', 'login'))
    expect(me.openid).toBe('stranger-1')
    expect(me.roles).toEqual([])
  })

  it('reports database round trips per call', async () => {
    const res = await t.callRaw('account', 'demo-resident', { action: 'login' })
    expect(res.body.ok).toBe(true)
    // one read of the user, one of the household
    expect(res.roundTrips).toBe(2)
  })
})

describe('login', () => {
  it('creates a new user on first login, once', async () => {
    const before = users().length
    const [a, b] = await Promise.all([
      t.call<Profile>('account', 'new-person-1', 'login'),
      t.call<Profile>('account', 'new-person-1', 'login'),
    ])
    expect(ok(a).household).toBeNull()
    expect(ok(b).openid).toBe('new-person-1')
    expect(users().length).toBe(before + 1)
  })

  it.each([
    ['demo-resident', '陇海安居 1号楼 2单元 301', [], '二十里铺社区'],
    ['demo-neighbour', '陇海安居 3号楼 1单元 502', [], '二十里铺社区'],
    ['demo-newcomer', null, [], null],
    ['demo-liaison', '陇海安居 2号楼 1单元 201', ['liaison'], '二十里铺社区'],
    ['demo-staff', null, ['staff'], '二十里铺社区'],
    ['demo-supervisor', null, ['supervisor'], '政通路社区'],
    ['demo-staff-zt', null, ['staff'], '政通路社区'],
  ])('%s sees their household, roles and community', async (openid, label, roles, community) => {
    const me = ok(await t.call<Profile>('account', openid, 'login'))
    expect(me.household?.label ?? null).toBe(label)
    expect(me.roles.map((r) => r.role)).toEqual(roles)
    expect(me.community?.name ?? null).toBe(community)
  })

  it('scopes roles', async () => {
    const liaison = ok(await t.call<Profile>('account', 'demo-liaison', 'login'))
    expect(liaison.roles[0]).toMatchObject({ communityId: 'ESLP', buildingIds: ['LH-1', 'LH-2'] })
    const supervisor = ok(await t.call<Profile>('account', 'demo-supervisor', 'login'))
    expect(supervisor.roles[0]).toMatchObject({ communityId: 'ZTL', collectionPointId: 'DF-P01' })
  })
})

describe('resolveScene', () => {
  it('names the building of a box code', async () => {
    const res = ok(
      await t.call<SceneTarget>('account', 'demo-newcomer', 'resolveScene', { scene: 'b=LH-1' }),
    )
    expect(res.kind).toBe('building')
    expect(res.building).toMatchObject({
      name: '1号楼',
      estateName: '陇海安居',
      communityName: '二十里铺社区',
      households: 48,
    })
  })

  it('names the household of a card code', async () => {
    const res = ok(
      await t.call<SceneTarget>('account', 'x-1', 'resolveScene', { scene: 'h=DF-7-2-1503' }),
    )
    expect(res.kind === 'household' && res.household.label).toBe('东方现代城 7号楼 2单元 1503')
    expect(res.building.communityName).toBe('政通路社区')
  })

  it.each([
    ['b=NOPE', 'NOT_FOUND'],
    ['h=LH-1-9-901', 'NOT_FOUND'],
    ['x=LH-1', 'INVALID_INPUT'],
    ['b=' + 'A'.repeat(40), 'INVALID_INPUT'],
    ['b=LH 1', 'INVALID_INPUT'],
  ])('%s → %s', async (scene, code) => {
    const res = await t.call('account', 'demo-resident', 'resolveScene', { scene })
    expect(res.ok || res.error.code).toBe(code)
  })
})

describe('directory', () => {
  it('lists communities, estates and buildings in order', async () => {
    const dir = ok(await t.call<DirectoryCommunity[]>('account', 'demo-newcomer', 'directory'))
    expect(dir.map((c) => c.name).sort()).toEqual(['二十里铺社区', '政通路社区'].sort())
    const lh = dir.flatMap((c) => c.estates).find((e) => e.name === '陇海安居')
    expect(lh?.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼'])
    const df = dir.flatMap((c) => c.estates).find((e) => e.name === '东方现代城')
    expect(df?.buildings).toHaveLength(23)
    expect(df?.buildings[9].name).toBe('10号楼')
  })
})

describe('seed', () => {
  it('has the households of the reports', () => {
    expect(t.cloud.store.count('households', { estateId: 'LHAJ' })).toBe(224)
    expect(t.cloud.store.count('households', { estateId: 'DFXDC' })).toBe(3281)
    expect(t.cloud.store.count('collectionPoints', { estateId: 'DFXDC' })).toBe(12)
  })
})

describe('bindHousehold / unbindHousehold', () => {
  it('binds by building, unit and room, then unbinds', async () => {
    const me = ok(
      await t.call<Profile>('account', 'binder-1', 'bindHousehold', {
        buildingId: 'LH-4',
        unit: 3,
        room: '201',
      }),
    )
    expect(me.household?.label).toBe('陇海安居 4号楼 3单元 201')
    expect(me.community?.name).toBe('二十里铺社区')
    const again = ok(await t.call<Profile>('account', 'binder-1', 'login'))
    expect(again.household?.id).toBe('LH-4-3-201')
    const off = ok(await t.call<Profile>('account', 'binder-1', 'unbindHousehold'))
    expect(off.household).toBeNull()
    const twice = await t.call('account', 'binder-1', 'unbindHousehold')
    expect(twice.ok || twice.error.code).toBe('CONFLICT')
  })

  it('binds by a household card scene; several members share a household', async () => {
    const a = ok(
      await t.call<Profile>('account', 'member-a', 'bindHousehold', { scene: 'h=LH-1-2-301' }),
    )
    expect(a.household?.id).toBe('LH-1-2-301')
    const resident = ok(await t.call<Profile>('account', 'demo-resident', 'login'))
    expect(resident.household?.id).toBe('LH-1-2-301')
  })

  it('binds a household whatever its id looks like, found by building, unit and room', async () => {
    t.cloud.store.insertMany('households', [
      {
        ...(t.cloud.store.get('households', 'LH-5-1-101') as object),
        _id: 'register-000731',
        unit: 1,
        room: '1901',
      },
    ])
    const me = ok(
      await t.call<Profile>('account', 'binder-3', 'bindHousehold', {
        buildingId: 'LH-5',
        unit: 1,
        room: '1901',
      }),
    )
    expect(me.household?.id).toBe('register-000731')
  })

  it('reads a household removed from the register as unbound, so login still works', async () => {
    ok(await t.call('account', 'binder-4', 'bindHousehold', { scene: 'h=LH-5-1-102' }))
    t.cloud.store.remove('households', { _id: 'LH-5-1-102' }, { multi: false })
    const me = ok(await t.call<Profile>('account', 'binder-4', 'login'))
    expect(me.household).toBeNull()
    const again = ok(
      await t.call<Profile>('account', 'binder-4', 'bindHousehold', { scene: 'h=LH-5-1-201' }),
    )
    expect(again.household?.id).toBe('LH-5-1-201')
  })

  it('refuses a building code as a household card', async () => {
    const res = await t.call('account', 'binder-2', 'bindHousehold', { scene: 'b=LH-1' })
    expect(res.ok || res.error.code).toBe('INVALID_INPUT')
  })

  it('refuses a room that does not exist and changes nothing', async () => {
    const before = users()
    const res = await t.call('account', 'demo-resident', 'bindHousehold', {
      buildingId: 'LH-1',
      unit: 2,
      room: '901',
    })
    expect(res.ok || res.error.code).toBe('NOT_FOUND')
    if (!res.ok) expect(res.error.message).toMatch(/房号/)
    expect(users()).toEqual(before)
  })

  it('rejects any malformed input with INVALID_INPUT and writes nothing', async () => {
    const before = users()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ buildingId: fc.anything(), unit: fc.anything(), room: fc.anything() }),
          fc.record({
            buildingId: fc.string(),
            unit: fc.double(),
            room: fc.string({ maxLength: 8 }),
          }),
          fc.record({ scene: fc.string({ maxLength: 40 }) }),
        ),
        async (data) => {
          const res = await t.call('account', 'fuzz-1', 'bindHousehold', data)
          // Either the input is refused outright or names a household that does not exist.
          expect(res.ok).toBe(false)
          if (!res.ok) expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(res.error.code)
        },
      ),
      { numRuns: 150 },
    )
    expect(users()).toEqual(before)
  })
})

describe('qrCode', () => {
  it('gives staff of the community a box code and a card code', async () => {
    const box = ok(await t.call<QrCode>('account', 'demo-staff', 'qrCode', { scene: 'b=LH-3' }))
    expect(box.label).toBe('陇海安居 3号楼 民意信箱')
    expect(box.page).toBe('pages/index/index')
    expect(box.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    const card = ok(
      await t.call<QrCode>('account', 'demo-staff', 'qrCode', { scene: 'h=LH-3-1-502' }),
    )
    expect(card.label).toContain('意见征集服务卡')
    expect(card.dataUrl).not.toBe(box.dataUrl)
  })

  it.each([
    ['demo-liaison', 'b=LH-2', true],
    ['demo-liaison', 'b=LH-3', false],
    ['demo-staff', 'b=DF-1', false],
    ['demo-staff-zt', 'b=DF-1', true],
    ['demo-staff-zt', 'h=LH-1-2-301', false],
    ['demo-supervisor', 'b=DF-1', false],
    ['demo-resident', 'b=LH-1', false],
    ['demo-newcomer', 'b=LH-1', false],
  ])('%s for %s → allowed %s', async (openid, scene, allowed) => {
    const res = await t.call('account', openid, 'qrCode', { scene })
    expect(res.ok || res.error.code).toBe(allowed ? true : 'FORBIDDEN')
  })
})

describe('householdCards', () => {
  it("puts every household's card of a building into one small A4 PDF, eight to a page", async () => {
    const res = ok(
      await t.call<HouseholdCardsPdf>('account', 'demo-staff', 'householdCards', {
        buildingId: 'LH-1',
      }),
    )
    expect(res).toMatchObject({ label: '陇海安居 1号楼 意见征集服务卡', cards: 48, pages: 6 })
    const path = res.fileId.replace(/^cloud:\/\/[^/]+\//, '')
    expect(path).toMatch(/^cards\/LH-1-[0-9a-f]{12}\.pdf$/)
    const bytes = Buffer.from(await (await fetch(`${t.url}/storage/${path}`)).arrayBuffer())
    expect(bytes.length).toBe(res.bytes)
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPageCount()).toBe(6)
    const { width, height } = pdf.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]) // A4 in points
    // the font is subset to the characters used: the whole Noto Sans SC is 10.5 MB
    expect(bytes.length).toBeLessThan(400 * 1024)
    // one QR image a card
    const images = bytes.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []
    expect(images.length).toBe(48)
  }, 30_000)

  it.each([
    ['demo-liaison', 'LH-2', true],
    ['demo-liaison', 'LH-3', false],
    ['demo-staff', 'DF-1', false],
    ['demo-resident', 'LH-1', false],
  ])(
    '%s for %s → allowed %s',
    async (openid, buildingId, allowed) => {
      const res = await t.call('account', openid, 'householdCards', { buildingId })
      expect(res.ok || res.error.code).toBe(allowed ? true : 'FORBIDDEN')
    },
    30_000,
  )
})
