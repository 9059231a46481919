import { handler } from '../../../../server/router'
import { suggestion } from '../../../../src/contract/suggestion'
import { detailOf, load } from '../lib/load'

/** The submitter, the building's handlers, and (once published) the community's residents. */
export const detail = handler(suggestion.detail, 'anyone', async ({ id }, ctx) => {
  const { s, v } = await load(ctx, id)
  return detailOf(ctx, s, v)
})
