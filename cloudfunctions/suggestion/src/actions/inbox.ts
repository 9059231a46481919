import { aggregated } from '../../../../server/db'
import { handler } from '../../../../server/router'
import {
  STATUSES,
  suggestion,
  type InboxPage,
  type Status,
} from '../../../../src/contract/suggestion'
import { newestFirst } from '../../../../server/paging'
import { SUGGESTIONS, WORKING_STATUSES, type SuggestionDoc } from '../lib/model'
import { all, handlerScope, overdueCondition, type Condition } from '../lib/query'
import { toSummary } from '../lib/views'

interface StatusGroup {
  _id: Status
  n: number
  lateAccept: number
  lateResolve: number
}

/** The handler's suggestions, newest first, with counts per status for the filter chips. */
export const inbox = handler(suggestion.inbox, ['staff', 'liaison'], async (input, ctx) => {
  const _ = ctx.db.command
  const scope = handlerScope(_, ctx.user)
  const empty: InboxPage = { items: [], cursor: null, counts: { total: 0, overdue: 0 } }
  if (!scope) return empty

  const filters: Condition[] = [scope]
  if (input.buildingId) filters.push({ buildingId: input.buildingId })
  if (input.category) filters.push({ category: input.category })
  if (input.overdue) filters.push(overdueCondition(_, ctx.now))
  const shown: Condition[] = [...filters]
  if (input.status) shown.push({ status: input.status })
  if (input.open) shown.push({ status: _.in(['submitted', ...WORKING_STATUSES]) })

  const [page, groups] = await Promise.all([
    newestFirst<SuggestionDoc>(ctx.db, SUGGESTIONS, all(_, shown), 'createdAt', input),
    aggregated<StatusGroup>(
      ctx.db
        .collection(SUGGESTIONS)
        .aggregate()
        .match(all(_, filters))
        .group({
          _id: '$status',
          n: { $sum: 1 },
          lateAccept: { $sum: { $cond: [{ $lt: ['$acceptDueAt', ctx.now] }, 1, 0] } },
          lateResolve: { $sum: { $cond: [{ $lt: ['$resolveDueAt', ctx.now] }, 1, 0] } },
        })
        .end(),
    ),
  ])

  const counts: InboxPage['counts'] = { total: 0, overdue: 0 }
  for (const g of groups) {
    if (!STATUSES.includes(g._id)) continue
    counts[g._id] = g.n
    counts.total += g.n
    if (g._id === 'submitted') counts.overdue += g.lateAccept
    else if (WORKING_STATUSES.includes(g._id)) counts.overdue += g.lateResolve
  }
  return { items: page.docs.map((d) => toSummary(d, ctx.now)), cursor: page.cursor, counts }
})
