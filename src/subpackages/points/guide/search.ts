// Searching the sorting guide on the phone: by characters (电池, 池) or by pinyin — initials
// (dc) or the whole spelling (dianchi). Plain data, no network, no pinyin library.
import { CATEGORIES, type CategoryInfo, type GuideCategory } from './categories'
import { GUIDE_ROWS } from './data'

export interface GuideHit {
  name: string
  category: GuideCategory
  info: CategoryInfo
  tip: string
}

const hit = ([name, category, , , tip]: (typeof GUIDE_ROWS)[number]): GuideHit => ({
  name,
  category,
  info: CATEGORIES[category],
  tip: tip || CATEGORIES[category].tip,
})

/** Best matches first: the exact name, then names that start with it, then the rest. */
export function searchGuide(query: string, limit = 20): GuideHit[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '')
  if (!q) return []
  const latin = /^[a-z0-9]+$/.test(q)
  const scored: [number, number, (typeof GUIDE_ROWS)[number]][] = []
  GUIDE_ROWS.forEach((row, i) => {
    const [name, , initials, spelled] = row
    let score = -1
    if (latin) {
      if (initials === q || spelled === q) score = 0
      else if (initials.startsWith(q)) score = 1
      else if (spelled.startsWith(q)) score = 2
      else if (initials.includes(q) || spelled.includes(q)) score = 3
    } else if (name === q) score = 0
    else if (name.startsWith(q)) score = 1
    else if (name.includes(q)) score = 2
    else if (Array.from(q).every((ch) => name.includes(ch))) score = 3
    if (score >= 0) scored.push([score, i, row])
  })
  scored.sort((a, b) => a[0] - b[0] || a[2][0].length - b[2][0].length || a[1] - b[1])
  return scored.slice(0, limit).map(([, , row]) => hit(row))
}

export const GUIDE_SIZE = GUIDE_ROWS.length
