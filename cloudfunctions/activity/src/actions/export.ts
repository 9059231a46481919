import { randomBytes } from 'node:crypto'
import { getCloud } from '../../../../server/cloud'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { activity } from '../../../../src/contract/activity'
import { positionOf } from '../lib/model'
import { managedActivity } from '../lib/scope'
import { attendeeWorkbook } from '../lib/workbook'
import { allSignUps } from './attendees'

interface Storage {
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(p: {
    fileList: { fileID: string; maxAge: number }[]
  }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>
}

/** The attendee list as an .xlsx in cloud storage, with a link valid for a day. */
export const exportList = handler(activity.export, ['staff'], async ({ activityId }, ctx) => {
  const a = await managedActivity(ctx, activityId)
  const signUps = await allSignUps(ctx, a._id)
  const positions = new Map(
    signUps
      .filter((s) => s.status === 'waitlisted' && s.token)
      .map((s) => [s._id, positionOf(s.token ?? '', a.queue, a.left)]),
  )
  const order = (s: (typeof signUps)[number]) =>
    ['checked_in', 'confirmed', 'no_show', 'waitlisted', 'withdrawn', 'cancelled'].indexOf(s.status)
  const sorted = [...signUps].sort(
    (x, y) =>
      order(x) - order(y) ||
      (positions.get(x._id) ?? 0) - (positions.get(y._id) ?? 0) ||
      x.createdAt.getTime() - y.createdAt.getTime(),
  )
  const buffer = await attendeeWorkbook(a, sorted, positions)
  const fileName = `报名名单-${a.title}-${dayKey(a.startAt)}.xlsx`
  const cloudPath = `exports/activities/${a._id}/${dayKey(ctx.now)}-${randomBytes(4).toString('hex')}.xlsx`
  const storage = getCloud() as unknown as Storage
  const { fileID } = await storage.uploadFile({ cloudPath, fileContent: buffer })
  const res = await storage.getTempFileURL({ fileList: [{ fileID, maxAge: 24 * 3600 }] })
  return { fileID, url: res.fileList[0]?.tempFileURL ?? '', fileName, rows: sorted.length }
})
