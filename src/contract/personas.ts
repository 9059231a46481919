// Demo identities of the local cloud (fixed openids so links, demos and tests can name them).
// The seeder gives each its household and roles; the h5 persona picker lists them.
export interface Persona {
  openid: string
  /** who this is, as shown in the picker */
  name: string
  /** one line: what this persona can do */
  role: string
}

export const PERSONAS: readonly Persona[] = [
  { openid: 'demo-resident', name: '张秀兰', role: '居民 · 陇海安居 1号楼 2单元 301' },
  { openid: 'demo-neighbour', name: '李建国', role: '居民 · 陇海安居 3号楼 1单元 502' },
  { openid: 'demo-newcomer', name: '陈晓', role: '新住户 · 还没有绑定房屋' },
  { openid: 'demo-liaison', name: '王丽', role: '民情速递员 · 陇海安居 1号楼、2号楼' },
  { openid: 'demo-staff', name: '刘书记', role: '社区两委 · 二十里铺社区' },
  { openid: 'demo-supervisor', name: '赵师傅', role: '垃圾分类督导员 · 东方现代城 1号投放点' },
  { openid: 'demo-staff-zt', name: '孙主任', role: '社区两委 · 政通路社区' },
  { openid: 'demo-resident-zt', name: '马桂芳', role: '居民 · 东方现代城 1号楼 2单元 1203' },
]

/** Households the seeder binds to personas (ids are `<building>-<unit>-<room>`). */
export const PERSONA_HOUSEHOLDS: Record<string, string> = {
  'demo-resident': 'LH-1-2-301',
  'demo-neighbour': 'LH-3-1-502',
  'demo-liaison': 'LH-2-1-201',
  'demo-resident-zt': 'DF-1-2-1203',
}
