// The local stand-in for WeChat's content security check: obviously abusive or illegal terms.
// Labels follow msgSecCheck v2: 10001 ad, 20001 politics, 20002 porn, 20003 abuse,
// 20006 illegal, 20008 fraud, 20012 vulgar. 100 means normal.

export interface BlockedTerm {
  term: string
  label: number
}

export const BLOCKED_TERMS: readonly BlockedTerm[] = [
  { term: '赌博', label: 20006 },
  { term: '赌场', label: 20006 },
  { term: '网赌', label: 20006 },
  { term: '博彩', label: 20006 },
  { term: '六合彩', label: 20006 },
  { term: '色情', label: 20002 },
  { term: '黄色网站', label: 20002 },
  { term: '裸聊', label: 20002 },
  { term: '约炮', label: 20002 },
  { term: '招嫖', label: 20002 },
  { term: '卖淫', label: 20002 },
  { term: '代开发票', label: 20006 },
  { term: '发票代开', label: 20006 },
  { term: '办假证', label: 20006 },
  { term: '假证件', label: 20006 },
  { term: '枪支', label: 20006 },
  { term: '买枪', label: 20006 },
  { term: '弹药', label: 20006 },
  { term: '炸药', label: 20006 },
  { term: '毒品', label: 20006 },
  { term: '冰毒', label: 20006 },
  { term: '大麻', label: 20006 },
  { term: '海洛因', label: 20006 },
  { term: '洗钱', label: 20006 },
  { term: '高利贷', label: 20006 },
  { term: '套现', label: 20006 },
  { term: '刷单', label: 20008 },
  { term: '兼职刷信誉', label: 20008 },
  { term: '传销', label: 20008 },
  { term: '诈骗', label: 20008 },
  { term: '杀人', label: 20006 },
  { term: '去死', label: 20003 },
  { term: '傻逼', label: 20003 },
  { term: '煞笔', label: 20003 },
  { term: '脑残', label: 20003 },
  { term: '贱人', label: 20003 },
  { term: '王八蛋', label: 20003 },
  { term: '操你妈', label: 20003 },
  { term: '草泥马', label: 20012 },
  { term: '加微信领红包', label: 10001 },
  { term: '免费领取iphone', label: 10001 },
]

/** Spaces and punctuation between the characters of a term do not hide it. */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
}

const SQUEEZED = BLOCKED_TERMS.map((t) => ({ ...t, squeezed: squeeze(t.term) }))

/** The first blocked term found in `text`, if any. */
export function findBlockedTerm(text: string): BlockedTerm | null {
  const s = squeeze(text)
  const hit = SQUEEZED.find((t) => s.includes(t.squeezed))
  return hit ? { term: hit.term, label: hit.label } : null
}
