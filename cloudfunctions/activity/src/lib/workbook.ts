// The attendee list as an .xlsx that opens cleanly in Excel and WPS: Chinese headers, phones as
// text (no 1.38E+10), dates as real dates in China time, one row per person with companions listed.
import { SIGN_UP_LABELS } from '../../../../src/contract/activity'
import type { ActivityDoc, SignUpDoc } from './model'

const CST = 8 * 3600_000
/** Excel has no time zones: write the wall-clock time of Asia/Shanghai. */
const wall = (d: Date) => new Date(d.getTime() + CST)

export const HEADERS = [
  '序号',
  '姓名',
  '手机号',
  '状态',
  '同行人数',
  '同行人',
  '报名时间',
  '候补位次',
  '签到时间',
  '志愿时长(小时)',
]

export async function attendeeWorkbook(
  a: ActivityDoc,
  signUps: SignUpDoc[],
  positions: Map<string, number>,
): Promise<Buffer> {
  // Required on the first export only, so no other action's cold start pays for exceljs. (A
  // dynamic import() would do the same in WeChat cloud, but not where jest loads the function.)
  // eslint-disable-next-line @typescript-eslint/no-var-requires, import/no-commonjs -- see above
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '民情速递站'
  wb.created = new Date()
  const ws = wb.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.mergeCells(1, 1, 1, HEADERS.length)
  ws.getCell(1, 1).value = `${a.title}（${a.place}）`
  ws.getCell(1, 1).font = { bold: true, size: 14 }
  const header = ws.getRow(2)
  HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h))
  header.font = { bold: true }
  ws.columns = [
    { width: 6 },
    { width: 12 },
    { width: 16, style: { numFmt: '@' } },
    { width: 10 },
    { width: 10 },
    { width: 28 },
    { width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { width: 10 },
    { width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { width: 14 },
  ]
  signUps.forEach((s, i) => {
    const row = ws.getRow(i + 3)
    row.values = [
      i + 1,
      s.name,
      s.phone,
      SIGN_UP_LABELS[s.status],
      s.companions.length,
      s.companions.map((c) => c.name).join('、'),
      wall(s.createdAt),
      positions.get(s._id) ?? null,
      s.checkedInAt ? wall(s.checkedInAt) : null,
      s.hours,
    ]
    row.getCell(3).numFmt = '@'
    row.getCell(7).numFmt = 'yyyy-mm-dd hh:mm'
    row.getCell(9).numFmt = 'yyyy-mm-dd hh:mm'
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
