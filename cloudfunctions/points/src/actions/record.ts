import { readInTransaction, inContendedTransaction } from '../../../../server/db'
import { forbidden, invalid } from '../../../../server/errors'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { dayKey, HOUR } from '../../../../server/time'
import { requireOwnImages } from '../../../../server/uploads'
import {
  CLOCK_SKEW_MINUTES,
  LATE_LIMIT_HOURS,
  points,
  type RecordResult,
} from '../../../../src/contract/points'
import { newRecord, recordId, SORTING_RECORDS, type SortingRecordDoc } from '../lib/model'
import { applyChange } from '../lib/sorting'
import { findHousehold, labelOf, pointsPerDay, requireSupervisor } from '../lib/scope'
import { recordView } from '../lib/views'

/**
 * A supervisor records a household's sorting for the day the phone made the recording. Once per
 * household and day: the record's id is sorting-<household>-<day>, written with the ledger entry
 * of the same key in one transaction, so a second scan, a retry or the offline queue's resend
 * answers 今天已记录 ✓ and changes nothing. A household of another point is recorded too (and
 * counted in its own point's statistics); one of another community is not the supervisor's.
 */
export const record = handler(points.record, ['supervisor'], async (input, ctx) => {
  const grant = requireSupervisor(ctx.user)
  const madeAt = input.madeAt ? new Date(input.madeAt) : ctx.now
  if (madeAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MINUTES * 60_000) {
    throw invalid('记录时间比现在还晚，请检查手机时间')
  }
  if (ctx.now.getTime() - madeAt.getTime() > LATE_LIMIT_HOURS * HOUR) {
    throw invalid(`这条记录是 ${LATE_LIMIT_HOURS} 小时以前的，已经不能补记了`)
  }
  if (input.photo) requireOwnImages([input.photo], ctx.openid)
  const household = await findHousehold(ctx.db, input)
  if (household.communityId !== grant.communityId) throw forbidden('这户不在您的社区')
  const day = dayKey(madeAt)
  const id = recordId(household._id, day)

  const already = (r: SortingRecordDoc): RecordResult => ({
    status: 'already',
    record: recordView(r, ctx.openid, ctx.now),
    message: r.correct ? '今天已记录 ✓ 分类正确' : `今天已记录 ✓ ${r.reason ?? '分类不正确'}`,
  })

  // A repeat scan is the common case at the morning queue: answer it without a transaction.
  const [existing, perDay] = await Promise.all([
    getById<SortingRecordDoc>(ctx.db, SORTING_RECORDS, id),
    pointsPerDay(ctx.db, household.communityId),
  ])
  if (existing && !existing.void) return already(existing)

  return inContendedTransaction(ctx.db, async (t): Promise<RecordResult> => {
    const prev = await readInTransaction<SortingRecordDoc>(t, SORTING_RECORDS, id)
    if (prev && !prev.void) return already(prev)
    const next = newRecord({
      household: { ...household, label: labelOf(household) },
      day,
      correct: input.correct,
      reason: input.reason,
      note: input.note,
      photo: input.photo,
      points: input.correct ? perDay : 0,
      madeAt,
      now: ctx.now,
      by: ctx.openid,
      atPoint: grant.pointId,
      clientId: input.clientId,
      version: prev ? prev.version + 1 : 0,
      history: prev?.history ?? [],
    })
    await applyChange(t, prev, next, '垃圾分类', ctx.openid, ctx.now)
    return {
      status: 'recorded',
      record: recordView(next, ctx.openid, ctx.now),
      message: input.correct
        ? `已记录 分类正确 +${perDay} 分`
        : `已记录 ${input.reason ?? '分类不正确'}`,
    }
  })
})
