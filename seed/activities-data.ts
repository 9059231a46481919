// Demo activities, drawn from the reports of 二十里铺社区 (陇海安居) and 政通路社区 (东方现代城):
// plain data, days relative to "now". seed/activities.ts turns them into documents with the
// activity function's own builders.
import type { Audience, SignUpStatus, Theme } from '../src/contract/activity'

export interface SeedSignUp {
  openid: string
  name: string
  /** its last digits; the seed makes an 11-digit mobile number of it */
  phone: number
  householdId: string | null
  companions?: string[]
  status: Exclude<SignUpStatus, 'withdrawn' | 'cancelled'> | 'withdrawn'
  /** checked in by a staff member instead of scanning */
  byStaff?: string
}

export interface SeedActivity {
  id: string
  community: 'ESLP' | 'ZTL'
  title: string
  theme: Theme
  description: string
  place: string
  /** start, in days from now (negative: past), and the hour of day (UTC+8) */
  day: number
  hour: number
  durationHours: number
  capacity: number
  hours: number
  points: number
  audience: Audience
  audienceLabel: string
  maxCompanions: number
  contactPhone: string
  staff: string
  /** a weekly series: this many weeks, starting at `day` */
  weeks?: number
  signUps: SeedSignUp[]
}

const ESLP_PHONE = '0371-68921234'
const ZTL_PHONE = '0371-64351234'

/** The demo personas who sign up, and neighbours of theirs. */
const ZHANG = { openid: 'demo-resident', name: '张秀兰', phone: 1, householdId: 'LH-1-2-301' }
const LI = { openid: 'demo-neighbour', name: '李建国', phone: 2, householdId: 'LH-3-1-502' }
const CHEN = { openid: 'demo-newcomer', name: '陈晓', phone: 3, householdId: null }
const WANG = { openid: 'demo-liaison', name: '王丽', phone: 4, householdId: 'LH-2-1-201' }

const NAMES = [
  '刘桂芳',
  '赵德胜',
  '孙玉梅',
  '周建华',
  '吴秀英',
  '郑国强',
  '冯淑珍',
  '陈志刚',
  '褚金凤',
  '卫红旗',
  '蒋丽华',
  '沈长林',
  '韩素琴',
  '杨振东',
  '朱翠兰',
  '秦守业',
]

/** `n` neighbours of 陇海安居 (or 东方现代城), each with their own household. */
function neighbours(
  prefix: 'LH' | 'DF',
  from: number,
  n: number,
  status: SeedSignUp['status'],
  companions: (i: number) => string[] = () => [],
): SeedSignUp[] {
  return Array.from({ length: n }, (_x, k) => {
    const i = from + k
    const building = (i % 5) + 1
    return {
      openid: `seed-vol-${prefix}-${String(i).padStart(2, '0')}`,
      name: NAMES[i % NAMES.length],
      phone: 100 + i,
      householdId: `${prefix}-${building}-1-10${(i % 2) + 1}`,
      companions: companions(i),
      status,
    }
  })
}

export const SEED_ACTIVITIES: SeedActivity[] = [
  // ---- 二十里铺社区, upcoming -------------------------------------------------------------
  {
    id: 'seed-a01',
    community: 'ESLP',
    title: '爱眼日免费义诊',
    theme: '健康义诊',
    description:
      '联合明德眼科医院，开展“关注眼健康，让‘视’界更精彩”爱眼日活动：免费查视力、量眼压、看眼底，医生现场解答老花眼、白内障问题。请带上平时戴的眼镜。',
    place: '二十里铺社区党群服务中心一楼',
    day: 3,
    hour: 9,
    durationHours: 3,
    capacity: 40,
    hours: 0,
    points: 5,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 2,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [
      { ...ZHANG, companions: ['老伴 王师傅'], status: 'confirmed' },
      ...neighbours('LH', 0, 9, 'confirmed', (i) => (i % 3 === 0 ? ['家人'] : [])),
    ],
  },
  {
    id: 'seed-a02',
    community: 'ESLP',
    title: '应急救护培训：心肺复苏',
    theme: '携手放心',
    description:
      '矿山救护队的队员手把手教心肺复苏、海姆立克急救法和止血包扎，练完发放学习证明。适合家里有老人、孩子的居民。',
    place: '陇海安居小游园',
    day: 5,
    hour: 15,
    durationHours: 2,
    capacity: 30,
    hours: 2,
    points: 10,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 1,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: neighbours('LH', 10, 6, 'confirmed'),
  },
  {
    id: 'seed-a03',
    community: 'ESLP',
    title: '豆贴画手工课',
    theme: '文体活动',
    description:
      '和美手工坊的老师教大家用五谷杂粮粘出一幅豆贴画，材料社区准备，做好的作品可以带回家。名额有限，报满可排队候补。',
    place: '和美手工坊（社区二楼）',
    day: 2,
    hour: 14,
    durationHours: 2,
    capacity: 12,
    hours: 0,
    points: 3,
    audience: { kind: 'estate', estateId: 'LHAJ' },
    audienceLabel: '陇海安居居民',
    maxCompanions: 1,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [
      ...neighbours('LH', 20, 8, 'confirmed', (i) => (i % 2 === 0 ? ['孙女'] : [])),
      ...neighbours('LH', 28, 1, 'waitlisted'),
      { ...LI, status: 'waitlisted' },
      ...neighbours('LH', 29, 1, 'waitlisted', () => ['外孙']),
    ],
  },
  {
    id: 'seed-a04',
    community: 'ESLP',
    title: '守望孝心：我陪老人看电影',
    theme: '守望孝心',
    description:
      '“五心”志愿服务队本周主题守望孝心：志愿者陪社区独居、空巢老人看一场老电影，放映前帮老人量血压。志愿者请提前 30 分钟到场签到。',
    place: '二十里铺社区多功能厅',
    day: 1,
    hour: 9,
    durationHours: 3,
    capacity: 20,
    hours: 3,
    points: 10,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 0,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [
      { ...ZHANG, status: 'confirmed' },
      { ...WANG, status: 'confirmed' },
      ...neighbours('LH', 30, 5, 'confirmed'),
    ],
  },
  {
    id: 'seed-a05',
    community: 'ESLP',
    title: '书绘堂书画义卖',
    theme: '文体活动',
    description:
      '书绘堂的书画爱好者展出作品并开启义卖，所得用于社区困难家庭。需要志愿者布展、登记和维持秩序。',
    place: '二十里铺社区书绘堂',
    day: 9,
    hour: 9,
    durationHours: 4,
    capacity: 15,
    hours: 4,
    points: 10,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 0,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: neighbours('LH', 40, 3, 'confirmed'),
  },
  {
    id: 'seed-a06',
    community: 'ESLP',
    title: '绿色舒心：清洁家园周末行',
    theme: '绿色舒心',
    description:
      '“五心”志愿服务队每周一个主题，本系列为绿色舒心：清理楼道杂物、捡拾小游园垃圾、劝导垃圾分类。工具社区提供。',
    place: '陇海安居南门集合',
    day: 4,
    hour: 8,
    durationHours: 2,
    capacity: 25,
    hours: 2,
    points: 5,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 1,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    weeks: 3,
    signUps: neighbours('LH', 50, 4, 'confirmed'),
  },
  // ---- 二十里铺社区, past ------------------------------------------------------------------
  {
    id: 'seed-p01',
    community: 'ESLP',
    title: '腊八节：共熬一锅粥',
    theme: '节日民俗',
    description: '志愿者和居民一起淘米、熬粥，给社区老人和环卫工人送上一碗热腊八粥。',
    place: '二十里铺社区党群服务中心',
    day: -400,
    hour: 7,
    durationHours: 4,
    capacity: 20,
    hours: 4,
    points: 0,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 0,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [{ ...ZHANG, status: 'checked_in' }, ...neighbours('LH', 60, 8, 'checked_in')],
  },
  {
    id: 'seed-p02',
    community: 'ESLP',
    title: '重阳节包饺子',
    theme: '守望孝心',
    description:
      '重阳节和社区 70 岁以上的老人一起包饺子、吃饺子，志愿者负责和面、擀皮、送饺子上门。',
    place: '二十里铺社区多功能厅',
    day: -45,
    hour: 9,
    durationHours: 3,
    capacity: 30,
    hours: 3,
    points: 0,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 1,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [
      { ...ZHANG, status: 'checked_in', byStaff: 'demo-staff' },
      { ...WANG, status: 'checked_in' },
      ...neighbours('LH', 70, 10, 'checked_in'),
      ...neighbours('LH', 80, 2, 'no_show'),
    ],
  },
  {
    id: 'seed-p03',
    community: 'ESLP',
    title: '戏曲进社区',
    theme: '文体活动',
    description: '戏曲志愿服务队为居民演出豫剧选段，需要志愿者搬椅子、引导老人入座。',
    place: '陇海安居小游园',
    day: -12,
    hour: 15,
    durationHours: 2,
    capacity: 20,
    hours: 2,
    points: 0,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 0,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [
      { ...ZHANG, status: 'no_show' },
      ...neighbours('LH', 90, 7, 'checked_in'),
      { ...CHEN, status: 'checked_in' },
    ],
  },
  {
    id: 'seed-p04',
    community: 'ESLP',
    title: '新时代文明实践科普进社区',
    theme: '绿色舒心',
    description:
      '联合科协设立咨询台，围绕低碳环保、科学辟谣、垃圾分类开展科普宣传，志愿者发放资料。',
    place: '二十里铺社区广场',
    day: -20,
    hour: 9,
    durationHours: 3,
    capacity: 15,
    hours: 3,
    points: 0,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 0,
    contactPhone: ESLP_PHONE,
    staff: 'demo-staff',
    signUps: [{ ...ZHANG, status: 'checked_in' }, ...neighbours('LH', 100, 6, 'checked_in')],
  },
  // ---- 政通路社区 ------------------------------------------------------------------------
  {
    id: 'seed-z01',
    community: 'ZTL',
    title: '垃圾分类桶边值守',
    theme: '垃圾分类',
    description:
      '东方现代城 12 个垃圾收集点早晚高峰桶边值守：引导居民破袋投放、分类投放，一次 2 小时。督导员从 300 名报名者中选出，欢迎更多居民加入值守。',
    place: '东方现代城各垃圾收集点（到岗前在 1 号投放点集合）',
    day: 2,
    hour: 7,
    durationHours: 2,
    capacity: 24,
    hours: 2,
    points: 10,
    audience: { kind: 'estate', estateId: 'DFXDC' },
    audienceLabel: '东方现代城居民',
    maxCompanions: 0,
    contactPhone: ZTL_PHONE,
    staff: 'demo-staff-zt',
    weeks: 2,
    signUps: neighbours('DF', 0, 10, 'confirmed'),
  },
  {
    id: 'seed-z02',
    community: 'ZTL',
    title: '应急救护演练',
    theme: '携手放心',
    description: '矿山救护队来社区演示火灾逃生和心肺复苏，志愿者协助组织居民分组练习。',
    place: '政通路社区服务中心',
    day: -25,
    hour: 9,
    durationHours: 2,
    capacity: 30,
    hours: 2,
    points: 0,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 1,
    contactPhone: ZTL_PHONE,
    staff: 'demo-staff-zt',
    signUps: neighbours('DF', 20, 12, 'checked_in'),
  },
  {
    id: 'seed-z03',
    community: 'ZTL',
    title: '携手放心：夜间平安巡逻',
    theme: '携手放心',
    description:
      '“五心”志愿服务队携手放心主题周：晚饭后沿东方现代城巡逻一圈，查看楼道消防通道、路灯。',
    place: '东方现代城北门',
    day: 6,
    hour: 19,
    durationHours: 1,
    capacity: 10,
    hours: 1,
    points: 5,
    audience: { kind: 'community' },
    audienceLabel: '本社区居民和志愿者',
    maxCompanions: 0,
    contactPhone: ZTL_PHONE,
    staff: 'demo-staff-zt',
    signUps: neighbours('DF', 40, 4, 'confirmed'),
  },
]
