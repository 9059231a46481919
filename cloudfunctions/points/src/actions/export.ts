import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { pointStats } from '../lib/stats'
import { rankBuildings } from '../lib/ranking'
import { staffCommunity } from '../lib/scope'
import { rows } from '../../../../server/db'
import type { EstateDoc } from '../../../../server/models'

const pct = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10)

/** The statistics of a range and the month's building ranking as an .xlsx workbook (Excel, WPS). */
export const exportStats = handler(points.export, ['staff'], async (input, ctx) => {
  const communityId = staffCommunity(ctx.user)
  const s = await pointStats(ctx.db, communityId, input.from, input.to, null)
  const estates = await rows<EstateDoc>(
    ctx.db.collection('estates').where({ communityId }).limit(20),
  )
  const month = input.to.slice(0, 7).replace('-', '')
  // Required on the first export only, so no other action's cold start pays for exceljs (which
  // WeChat installs from package.json; the bundle keeps it external).
  // eslint-disable-next-line @typescript-eslint/no-var-requires, import/no-commonjs -- see above
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '民情速递站'
  wb.created = ctx.now

  const byPoint = wb.addWorksheet('投放点统计')
  byPoint.columns = [
    { header: '投放点', key: 'name', width: 14 },
    { header: '户数', key: 'households', width: 8 },
    { header: '记录户次', key: 'recorded', width: 10 },
    { header: '分类正确', key: 'correct', width: 10 },
    { header: '参与率(%)', key: 'participation', width: 11 },
    { header: '正确率(%)', key: 'correctRate', width: 11 },
  ]
  for (const p of s.points) {
    byPoint.addRow({
      ...p,
      name: p.pointName,
      participation: pct(p.participation),
      correctRate: pct(p.correctRate),
    })
  }

  const names = new Map(s.points.map((p) => [p.pointId, p.pointName]))
  const byDay = wb.addWorksheet('每日明细')
  byDay.columns = [
    { header: '日期', key: 'day', width: 12 },
    { header: '投放点', key: 'point', width: 14 },
    { header: '记录户数', key: 'recorded', width: 10 },
    { header: '分类正确', key: 'correct', width: 10 },
    { header: '分类不正确', key: 'incorrect', width: 11 },
  ]
  for (const d of s.byDay) byDay.addRow({ ...d, point: names.get(d.pointId) ?? d.pointId })

  const mistakes = wb.addWorksheet('常见问题')
  mistakes.columns = [
    { header: '问题', key: 'reason', width: 20 },
    { header: '次数', key: 'count', width: 8 },
  ]
  for (const m of s.mistakes) mistakes.addRow(m)

  for (const e of estates) {
    const ranking = await rankBuildings(ctx.db, e._id, month)
    const sheet = wb.addWorksheet(`${e.name}楼栋排名`.slice(0, 31))
    sheet.columns = [
      { header: '名次', key: 'rank', width: 6 },
      { header: '楼栋', key: 'buildingName', width: 10 },
      { header: '户数', key: 'households', width: 8 },
      { header: '分类正确户数', key: 'correctHouseholds', width: 14 },
      { header: '正确户占比(%)', key: 'share', width: 14 },
      { header: '户均正确天数', key: 'averageDays', width: 14 },
    ]
    for (const r of ranking) sheet.addRow({ ...r, share: pct(r.share) })
  }
  for (const sheet of wb.worksheets) sheet.getRow(1).font = { bold: true }

  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  return {
    fileName: `垃圾分类统计_${input.from}_${input.to}.xlsx`,
    dataUrl: `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${buffer.toString('base64')}`,
    bytes: buffer.length,
  }
})
