// Days as the points function counts them: Asia/Shanghai (UTC+8), whatever the phone's zone.
const CST = 8 * 3600_000

/** YYYY-MM-DD of `daysAgo` days before today, in China Standard Time. */
export function cstDay(daysAgo = 0): string {
  return new Date(Date.now() + CST - daysAgo * 86400_000).toISOString().slice(0, 10)
}
