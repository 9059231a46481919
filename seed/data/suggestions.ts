// The demo suggestions, as data: the 28 problems 陇海安居's 民情速递站 collected in its first round
// (seed report 004), in every state with believable timelines relative to "now", plus three from
// 东方现代城. seed/suggestions.ts turns each plan into documents with the domain's own builders.
import type { Category, Status } from '../../src/contract/suggestion'

export type Handler = 'liaison' | 'staff'

/** One step of a plan, `h` hours after the suggestion was submitted. */
export type Step =
  | { h: number; to: Status; note?: string; by?: Handler }
  | { h: number; reply: string; by: Handler | 'resident' }
  | { h: number; reopen: string }
  | { h: number; publish: true }
  | { h: number; rate: number; comment: string }
  | { h: number; golden: number }

export interface Plan {
  household: string
  openid: string
  anonymous?: boolean
  phone?: string
  /** where the problem is; defaults to the household's building */
  building?: string
  category: Category
  text: string
  /** submitted this many hours before now */
  age: number
  steps?: Step[]
  /** residents (openids) who seconded it, when published */
  seconds?: number
  seconders?: string[]
  comments?: { h: number; household: string; text: string }[]
  /** the scheduler already reminded the liaison of this overdue kind */
  reminded?: 'accept' | 'resolve'
}

const D = 24

/** 陇海安居's first round: leaking roofs, blocked pipes, no lights, no greenery, no parking … */
export const LONGHAI: Plan[] = [
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    phone: '13838112301',
    category: '漏水',
    text: '我家301卫生间顶上一直往下滴水，楼上401说不是他家的管子，问了好几次也没人管，墙皮都泡起来了。',
    age: 5 * D,
    steps: [
      { h: 3, to: 'accepted', note: '收到，已联系维修师傅，明天上午上门查看。' },
      {
        h: 20,
        reply: '师傅看过了，是4楼到3楼之间的下水主管接口老化渗水，需要停水更换。',
        by: 'liaison',
      },
      { h: 21, reply: '好的，谢谢王姐，换的时候提前告诉我一声。', by: 'resident' },
      {
        h: 26,
        to: 'in_progress',
        note: '管件已订好，本周四上午停水半天更换，请2单元住户提前储水。',
      },
    ],
  },
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    category: '照明',
    text: '小区里没有路灯，晚上从东门进来黑乎乎一片，上个月2单元的王大爷就在台阶那儿摔了一跤。希望能装几盏路灯。',
    age: 30 * D,
    steps: [
      { h: 4, to: 'accepted', note: '已记录，这个问题好几户都反映了，报社区统一解决。' },
      {
        h: 26,
        to: 'in_progress',
        note: '社区已申请老旧小区整治资金，先在主路安装太阳能路灯。',
        by: 'staff',
      },
      {
        h: 9 * D,
        to: 'resolved',
        note: '东门到5号楼的主路已装好8盏太阳能路灯，天黑自动亮，台阶处加装了反光条。',
        by: 'staff',
      },
      { h: 9 * D + 2, publish: true },
      { h: 10 * D, rate: 5, comment: '亮堂多了，晚上出来遛弯放心了。' },
    ],
    seconds: 23,
    seconders: ['demo-neighbour', 'demo-liaison'],
    comments: [
      {
        h: 9 * D + 5,
        household: 'LH-3-1-502',
        text: '路灯装上以后晚上下班回来踏实多了，感谢社区！',
      },
      { h: 9 * D + 9, household: 'LH-5-2-401', text: '5号楼后面那条小路也能装一盏吗？' },
      { h: 9 * D + 30, household: 'LH-2-3-102', text: '台阶上的反光条这个细节好，老人看得清。' },
    ],
  },
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    category: '管网堵塞',
    text: '1号楼2单元的下水管经常堵，一楼家里往上返水，整个楼道都是味道，夏天更受不了。',
    age: 60,
    steps: [
      { h: 2, to: 'accepted', note: '收到，今天下午先去一楼看看情况。' },
      { h: 5, to: 'in_progress', note: '已联系管道疏通队，明天一早来。' },
      {
        h: 48,
        to: 'resolved',
        note: '已用高压水车疏通主管道，清出大量油污和杂物。请大家不要往下水道倒剩饭和油渣。',
      },
    ],
  },
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    anonymous: true,
    category: '其他',
    text: '1号楼北侧绿化带里有住户私搭了一个铁皮车棚，占了公共的地方，还挡住了一楼两户的窗户采光。',
    age: 6 * D,
    steps: [
      { h: 5, to: 'accepted', note: '已到现场看过，情况属实。' },
      {
        h: 2 * D,
        to: 'deliberating',
        note: '涉及多户和公共用地，提交社区两委和楼院自管会商议，征求本楼居民意见。',
        by: 'staff',
      },
    ],
  },
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    category: '停车',
    text: '希望在1号楼门口划几个固定车位给本楼住户，现在外面的车经常停进来。',
    age: 20 * D,
    steps: [
      {
        h: 22,
        to: 'declined',
        note: '楼前道路是消防通道，按规定不能划固定车位。社区正和村组协商把西侧空地改成停车场，建成后统一安排。',
      },
    ],
  },
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    category: '安全隐患',
    text: '单元门的门禁坏了一个多星期了，门一直关不上，晚上常有不认识的人进出，老人心里害怕。',
    age: 3,
  },
  {
    household: 'LH-1-2-301',
    openid: 'demo-resident',
    category: '绿化',
    text: '小区里的门球场废弃好多年了，杂草比人还高，还招蚊子。建议改成带座椅和健身器材的小游园，老人孩子都有个去处。',
    age: 38 * D,
    steps: [
      { h: 6, to: 'accepted', note: '好建议，报社区两委。' },
      {
        h: 26,
        to: 'deliberating',
        note: '按“一征三议”办理：支部提议、两委商议，下周召开居民代表会议。',
        by: 'staff',
      },
      {
        h: 5 * D,
        to: 'in_progress',
        note: '居民代表会议通过：门球场改造为小游园，保留一块硬地供大家跳广场舞，座椅颜色由居民投票决定。',
        by: 'staff',
      },
      { h: 5 * D + 3, publish: true },
      {
        h: 30 * D,
        to: 'resolved',
        note: '小游园已建成：新种紫藤、月季，安装座椅8组、健身器材6件。',
        by: 'staff',
      },
      { h: 31 * D, rate: 5, comment: '天天带孙子去玩，比以前强太多了。' },
      { h: 31 * D + 4, golden: 100 },
    ],
    seconds: 31,
    seconders: ['demo-neighbour'],
    comments: [
      { h: 5 * D + 6, household: 'LH-4-2-501', text: '支持！座椅最好选木头的，冬天不凉。' },
      { h: 6 * D, household: 'LH-2-1-401', text: '能不能留一块地方给孩子们踢毽子？' },
      { h: 30 * D + 5, household: 'LH-3-1-502', text: '建好了，晚上散步的人可多了。' },
      { h: 30 * D + 20, household: 'LH-5-1-101', text: '紫藤开花的时候真好看，拍了好多照片。' },
    ],
  },
  {
    household: 'LH-3-1-502',
    openid: 'demo-neighbour',
    category: '停车',
    text: '小区车位太少，晚上回来车只能停在路边和楼道口，消防车根本进不来。小区西边那几间废旧仓库周围全是杂草，能不能改成停车场？',
    age: 40 * D,
    steps: [
      { h: 3, to: 'accepted', note: '停车难是这次大家反映最集中的问题，已报社区。' },
      {
        h: 26,
        to: 'deliberating',
        note: '社区组织楼院自管会、居民代表开沟通会，听听大家的想法。',
        by: 'staff',
      },
      {
        h: 3 * D,
        reply:
          '仓库是二十里铺村组建的，出租收入是年长村民年末福利的来源，部分村民不愿拆。社区正在挨家挨户走访做工作。',
        by: 'staff',
      },
      { h: 3 * D + 1, publish: true },
      {
        h: 12 * D,
        to: 'in_progress',
        note: '经“一征三议”：支部提议、两委商议、居民代表会议决议，拆除西侧废旧仓库改建停车场，村组福利由联建项目补足。',
        by: 'staff',
      },
      {
        h: 33 * D,
        to: 'resolved',
        note: '西侧停车场已建成，新增车位46个；社区与中医院签订党建联建项目，白天为看病群众提供错时停车，中医院定期来小区义诊。',
        by: 'staff',
      },
      { h: 34 * D, rate: 5, comment: '再也不用半夜转圈找车位了，谢谢社区和村里。' },
    ],
    seconds: 48,
    seconders: ['demo-resident', 'demo-liaison'],
    comments: [
      { h: 3 * D + 4, household: 'LH-1-2-301', text: '太需要了，我家孩子周末回来都没地方停车。' },
      { h: 3 * D + 9, household: 'LH-4-1-201', text: '仓库那边晚上黑，建停车场的话记得装灯。' },
      { h: 4 * D, household: 'LH-2-2-501', text: '村里老人的福利也要照顾到，别让人家吃亏。' },
      { h: 12 * D + 3, household: 'LH-5-3-201', text: '决议公开了就好，大家心里有数。' },
      {
        h: 33 * D + 6,
        household: 'LH-3-2-201',
        text: '停车场建好了，车都停进去了，楼道口终于清爽了。',
      },
    ],
  },
  {
    household: 'LH-3-1-502',
    openid: 'demo-neighbour',
    category: '安全隐患',
    text: '3号楼顶上的外墙皮大块大块往下掉，前几天差点砸到楼下停的电动车，孩子们还在那儿玩。',
    age: 10 * D,
    steps: [
      { h: 2, to: 'accepted', note: '已在楼下拉了警戒线，请大家绕行。' },
      { h: 26, to: 'in_progress', note: '已报修，等施工队排期搭脚手架。' },
    ],
    reminded: 'resolve',
  },
  {
    household: 'LH-2-3-102',
    openid: 'seed-lh-2-3-102',
    category: '管网堵塞',
    text: '2号楼的化粪池满了，一下雨就往外冒，整个楼道都是臭味，一楼都不敢开窗。',
    age: 20 * D,
    steps: [
      { h: 1, to: 'accepted', note: '马上联系抽粪车。' },
      { h: 4, to: 'in_progress', note: '抽粪车明早到。' },
      { h: 5 * D, to: 'resolved', note: '已清掏化粪池并疏通出水管，检查井盖已更换。' },
      { h: 6 * D, rate: 4, comment: '处理挺快的，就是味道散了好几天。' },
    ],
  },
  {
    household: 'LH-2-1-401',
    openid: 'seed-lh-2-1-401',
    category: '照明',
    text: '2号楼1单元的楼道灯坏了好几盏，三楼到五楼一片黑，老人上下楼只能摸着扶手走。',
    age: 8 * D,
    steps: [
      { h: 2, to: 'accepted' },
      { h: 3, to: 'in_progress', note: '灯泡和声控开关已买好。' },
      { h: 26, to: 'resolved', note: '1单元楼道灯全部换成声控LED灯，一共换了7盏。' },
      { h: 2 * D, rate: 5, comment: '当天就修好了，王姐办事利索。' },
    ],
  },
  {
    household: 'LH-2-4-302',
    openid: 'seed-lh-2-4-302',
    anonymous: true,
    phone: '13937125302',
    category: '环境卫生',
    text: '有人在4单元楼道里堆了很多纸箱和旧家具，堵住半个楼梯，万一着火了跑都跑不出来。',
    age: 9 * D,
    steps: [{ h: 6, to: 'accepted', note: '已看过现场，先贴通知限期清理，逾期由社区统一清运。' }],
  },
  {
    household: 'LH-2-2-501',
    openid: 'seed-lh-2-2-501',
    category: '漏水',
    text: '2号楼西边的雨水管断了半截，下雨时水直接冲到墙根，墙角都长青苔了，一楼家里返潮。',
    age: 40,
    reminded: 'accept',
  },
  {
    household: 'LH-2-4-601',
    openid: 'seed-lh-2-4-601',
    category: '安全隐患',
    text: '能不能在2号楼门口装几个电动车充电桩？现在好多人从楼上扯电线下来充电，太危险了。',
    age: 10,
  },
  {
    household: 'LH-3-2-201',
    openid: 'seed-lh-3-2-201',
    category: '环境卫生',
    text: '3号楼后面那排私搭的小车棚早就没人用了，破破烂烂的，里面堆满垃圾，还有老鼠。',
    age: 35 * D,
    steps: [
      { h: 4, to: 'accepted' },
      {
        h: 2 * D,
        to: 'deliberating',
        note: '车棚涉及几户的东西，先征求车棚使用户和本楼居民意见。',
        by: 'staff',
      },
      {
        h: 6 * D,
        to: 'in_progress',
        note: '车棚使用户同意拆除，改建为本楼的“后花园”。',
        by: 'staff',
      },
      { h: 6 * D + 2, publish: true },
      {
        h: 20 * D,
        to: 'resolved',
        note: '车棚已拆除，改建为“后花园”，种上了月季和冬青，安装了两组座椅。',
      },
      { h: 21 * D, rate: 5, comment: '以前的垃圾堆变成了花园，大家都说好。' },
    ],
    seconds: 17,
    comments: [{ h: 20 * D + 8, household: 'LH-3-4-302', text: '月季开了，特别漂亮。' }],
  },
  {
    household: 'LH-3-4-302',
    openid: 'seed-lh-3-4-302',
    category: '环境卫生',
    text: '垃圾场就在3号楼窗户底下，夏天臭气熏天，苍蝇蚊子多得不敢开窗。',
    age: 36 * D,
    steps: [
      { h: 3, to: 'accepted' },
      {
        h: 2 * D,
        to: 'in_progress',
        note: '社区计划把露天垃圾场改建为封闭的垃圾分类站。',
        by: 'staff',
      },
      { h: 2 * D + 1, publish: true },
      {
        h: 25 * D,
        to: 'resolved',
        note: '露天垃圾场已拆除，新建垃圾分类站投入使用，每天定时清运、消杀。',
        by: 'staff',
      },
      { h: 27 * D, rate: 4, comment: '不臭了，就是投放时间再长一点就好了。' },
    ],
    seconds: 26,
    seconders: ['demo-liaison'],
    comments: [
      { h: 2 * D + 6, household: 'LH-3-1-502', text: '早该改了，夏天路过都得捂着鼻子。' },
      { h: 25 * D + 3, household: 'LH-1-2-301', text: '分类站干净整洁，比以前强多了。' },
    ],
  },
  {
    household: 'LH-3-1-302',
    openid: 'seed-lh-3-1-302',
    category: '绿化',
    text: '小区的绿地没人管，杂草丛生，还有人在里面种菜、堆杂物，一点也不像个小区。',
    age: 30 * D,
    steps: [
      { h: 5, to: 'accepted' },
      { h: 3 * D, to: 'in_progress', note: '组织志愿者和种菜的住户一起清理，绿地重新规划。' },
      {
        h: 18 * D,
        to: 'resolved',
        note: '绿地已清理改造成“微庭院”，铺了石子小路，种了海棠和竹子。',
      },
      { h: 19 * D, rate: 5, comment: '像个公园了。' },
    ],
  },
  {
    household: 'LH-3-3-601',
    openid: 'seed-lh-3-3-601',
    anonymous: true,
    category: '其他',
    text: '建议小区大门改成刷脸门禁，外来人员一律登记，现在谁都能随便进来。',
    age: 25 * D,
    steps: [
      { h: 6, to: 'accepted' },
      { h: 2 * D, to: 'deliberating', note: '费用较大，提交居民代表会议讨论。', by: 'staff' },
      {
        h: 9 * D,
        to: 'declined',
        note: '居民代表会议表决未通过：刷脸门禁费用需住户分摊，多数老人不同意。先修复现有大门门禁，夜间由志愿者巡逻。',
        by: 'staff',
      },
      { h: 9 * D + 2, publish: true },
    ],
    seconds: 4,
  },
  {
    household: 'LH-4-2-501',
    openid: 'seed-lh-4-2-501',
    category: '漏水',
    text: '书记，我们4号楼房顶又漏水了！顶楼防水层老化开裂，一下雨屋里就漏，客厅接了三个盆，被褥都湿了。',
    age: 25 * D,
    steps: [
      { h: 2, to: 'accepted', note: '下午上楼顶查看。' },
      { h: 26, to: 'in_progress', note: '楼顶防水层多处开裂，先做局部修补。' },
      { h: 10 * D, to: 'resolved', note: '已对开裂处做了防水修补。' },
      {
        h: 13 * D,
        reopen: '昨天又下了一场雨，还是漏，修补的地方根本没起作用，希望整个楼顶重做防水。',
      },
      { h: 13 * D + 5, reply: '已向街道申请整楼屋面防水改造资金，批下来马上施工。', by: 'staff' },
    ],
  },
  {
    household: 'LH-4-1-201',
    openid: 'seed-lh-4-1-201',
    category: '管网堵塞',
    text: '4号楼1单元厨房的下水管上下不通，楼上一放水，我家水池就往上冒脏水。',
    age: 3 * D,
    steps: [{ h: 4, to: 'accepted', note: '已约管道师傅后天上门。' }],
  },
  {
    household: 'LH-4-3-102',
    openid: 'seed-lh-4-3-102',
    category: '照明',
    text: '4号楼3单元楼道的声控灯不灵了，拍手跺脚都不亮，晚上下楼倒垃圾只能打手电。',
    age: 3 * D,
  },
  {
    household: 'LH-4-4-402',
    openid: 'seed-lh-4-4-402',
    category: '其他',
    text: '路两边要装的座椅能不能选木纹的？铁椅子夏天晒得烫、冬天冰得凉，老人坐不住。',
    age: 22 * D,
    steps: [
      { h: 5, to: 'accepted' },
      {
        h: 2 * D,
        to: 'in_progress',
        note: '座椅的样式和颜色请居民投票，结果在议事长廊公布。',
        by: 'staff',
      },
      { h: 2 * D + 1, publish: true },
      {
        h: 15 * D,
        to: 'resolved',
        note: '投票结果：木纹座椅、深绿色扶手，已安装20组。',
        by: 'staff',
      },
      { h: 16 * D, rate: 4, comment: '颜色挺好看的，就是再多几个带靠背的更好。' },
    ],
    seconds: 9,
    comments: [{ h: 3 * D, household: 'LH-1-2-301', text: '投木纹一票！' }],
  },
  {
    household: 'LH-5-1-302',
    openid: 'seed-lh-5-1-302',
    category: '物业服务',
    text: '小区一直没有物业，垃圾没人清、楼道没人扫、坏了东西也没人修，能不能引进个物业？',
    age: 40 * D,
    steps: [
      { h: 6, to: 'accepted' },
      {
        h: 2 * D,
        to: 'deliberating',
        note: '召开居民代表会议，讨论引进物业和收费标准。',
        by: 'staff',
      },
      {
        h: 8 * D,
        to: 'in_progress',
        note: '会议决定引进“红色物业”，党支部牵头，收费标准公示一周。',
        by: 'staff',
      },
      {
        h: 15 * D,
        to: 'resolved',
        note: '“红色物业”已进驻，保洁每天两次，报修电话贴在每个单元门口。',
        by: 'staff',
      },
      { h: 17 * D, rate: 4, comment: '干净多了，希望能一直坚持。' },
    ],
  },
  {
    household: 'LH-5-2-401',
    openid: 'seed-lh-5-2-401',
    category: '其他',
    text: '小区里没有个议事、下棋、聊天的地方，南边那片拆了一半的废墟能不能收拾出来？',
    age: 4 * D,
    steps: [
      { h: 3, to: 'accepted', note: '好主意，报社区商量。' },
      {
        h: 30,
        to: 'deliberating',
        note: '拟将南侧废墟改建为集学习、议事、娱乐于一体的居民议事广场，正在征求意见。',
        by: 'staff',
      },
      // 一征: put on the board for the whole community to second and comment before it is decided
      { h: 31, publish: true },
    ],
    seconds: 12,
    comments: [
      { h: 40, household: 'LH-1-2-301', text: '支持！最好放几张石桌石凳，老人能坐下歇歇。' },
      { h: 52, household: 'LH-2-1-402', text: '希望晚上有灯，别太吵就行。' },
    ],
  },
  {
    household: 'LH-5-3-201',
    openid: 'seed-lh-5-3-201',
    category: '安全隐患',
    text: '5号楼有人从三楼窗户吊电线下来给电动车充电，电线就挂在单元门口，下雨天太吓人了。',
    age: 4 * D,
    steps: [
      { h: 1, to: 'accepted', note: '马上去看。' },
      { h: 3, to: 'in_progress', note: '已劝说住户拆除飞线，正在联系安装集中充电桩。' },
      { h: 5, publish: true },
    ],
    seconds: 7,
  },
  {
    household: 'LH-5-4-502',
    openid: 'seed-lh-5-4-502',
    category: '绿化',
    text: '5号楼前那棵大树长得太高了，把我们低楼层的光全挡了，建议砍掉。',
    age: 18 * D,
    steps: [
      {
        h: 28,
        to: 'declined',
        note: '这棵树是小区仅有的几棵大树，征求本楼居民意见后决定不砍伐，已安排园林工人修剪靠窗的枝杈。',
      },
    ],
  },
  {
    household: 'LH-5-1-101',
    openid: 'seed-lh-5-1-101',
    category: '其他',
    text: '能不能在小区里设个家电维修点？老人家里电视、洗衣机坏了，不知道找谁修，怕被人坑。',
    age: 6 * D,
    steps: [
      { h: 8, to: 'accepted' },
      {
        h: 2 * D,
        to: 'in_progress',
        note: '社区正在对接家电维修企业，在小区设公益服务站点。',
        by: 'staff',
      },
    ],
  },
  {
    household: 'LH-2-2-202',
    openid: 'seed-lh-2-2-202',
    category: '绿化',
    text: '新建的紫藤廊架建议刷成深绿色，和周围的树协调一些，现在的大红色太扎眼了。',
    age: 28 * D,
    steps: [
      { h: 3, to: 'accepted', note: '转给施工方和居民代表一起商量。' },
      { h: 2 * D, to: 'in_progress' },
      { h: 8 * D, to: 'resolved', note: '居民投票选了深绿色，廊架已重新刷漆。' },
      { h: 9 * D, rate: 5, comment: '现在看着舒服多了。' },
    ],
  },
]

/** A few from 政通路社区's 东方现代城, so the scoping shows (another community's inbox and board). */
export const DONGFANG: Plan[] = [
  {
    household: 'DF-7-2-1503',
    openid: 'seed-df-7-2-1503',
    category: '环境卫生',
    text: '7号楼下的垃圾桶每天早上都满出来，厨余垃圾撒一地，能不能多清运一次？',
    age: 5,
  },
  {
    household: 'DF-12-1-802',
    openid: 'seed-df-12-1-802',
    category: '照明',
    text: '12号楼地下车库有一排灯不亮，晚上停车看不清，已经有人剐蹭了。',
    age: 3 * D,
    steps: [
      { h: 5, to: 'accepted', by: 'staff' },
      { h: 30, to: 'in_progress', note: '物业已报修，等灯管到货。', by: 'staff' },
    ],
  },
  {
    household: 'DF-3-1-604',
    openid: 'seed-df-3-1-604',
    category: '停车',
    text: '3号楼门口总有车占着消防通道，救护车上次都开不进来。',
    age: 15 * D,
    steps: [
      { h: 2, to: 'accepted', by: 'staff' },
      { h: 5, to: 'in_progress', by: 'staff' },
      { h: 3 * D, to: 'resolved', note: '消防通道已划黄线、装隔离桩，物业每天巡查。', by: 'staff' },
      { h: 3 * D + 1, publish: true },
    ],
    seconds: 6,
  },
]

/** 王妍哲, the 民情速递员 of the report, serves the three buildings the demo liaison does not. */
export const SEED_LIAISON = {
  openid: 'seed-liaison-lh345',
  householdId: 'LH-4-1-102',
  communityId: 'ESLP',
  buildingIds: ['LH-3', 'LH-4', 'LH-5'],
  title: '民情速递员 · 陇海安居 3号楼、4号楼、5号楼',
}
