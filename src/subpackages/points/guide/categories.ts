// Zhengzhou's four categories of household waste, their bin colours and what to do.
export type GuideCategory = 0 | 1 | 2 | 3

export interface CategoryInfo {
  name: string
  /** the bin's colour, as residents say it */
  colour: string
  /** CSS colour of the bin */
  hex: string
  /** the words' colour on the bin's colour, 4.5:1 or more (white on the yellow bin read 1.9:1) */
  ink: string
  tip: string
}

export const CATEGORIES: readonly CategoryInfo[] = [
  {
    name: '有害垃圾',
    colour: '红色桶',
    hex: '#c62828',
    ink: '#ffffff',
    tip: '轻拿轻放，保持完整；药品连包装、灯管连盒子一起投，不要混进其他垃圾。',
  },
  {
    name: '可回收物',
    colour: '蓝色桶',
    hex: '#1565c0',
    ink: '#ffffff',
    tip: '清洁、干燥、压扁；瓶罐倒空冲净，纸箱拆平，碎玻璃用纸包好。',
  },
  {
    name: '厨余垃圾',
    colour: '绿色桶',
    hex: '#2e7d32',
    ink: '#ffffff',
    tip: '沥干水分，去掉包装袋，破袋投放，塑料袋投其他垃圾。',
  },
  {
    name: '其他垃圾',
    colour: '黄色桶',
    hex: '#f9a825',
    ink: '#1a1a1a',
    tip: '分不清、不可回收又没有害的投这里；尽量沥干水分。',
  },
]
