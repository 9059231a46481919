// Opens a store directory in a process of its own and prints how long it took and how much
// memory the process then holds (bench/points.ts runs it for the year of 东方现代城).
import { resolve } from 'node:path'
import { Store } from '../local-cloud/src'

const dir = process.argv[2]
const started = Date.now()
const store = Store.open(dir, { manifest: resolve(__dirname, '..', 'database', 'manifest.json') })
const seconds = (Date.now() - started) / 1000
const rss = process.memoryUsage().rss
store.close()
process.stdout.write(JSON.stringify({ seconds, rss }))
