// `npm start`: the app in a browser on the local cloud with demo data.
// Builds the cloud functions, builds the h5 app when it is missing or older than its sources,
// seeds an empty store, and serves everything on http://127.0.0.1:$PORT (default 10086).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startLocalCloud, Store } from '../local-cloud/src'
import { mayUpload } from '../server/uploads'
import { readTimerTriggers, runTimerTriggers } from '../local-cloud/src/triggers'
import { seedIfEmpty } from '../seed'
import { PERSONAS } from '../src/contract/personas'
import { buildFunctions } from './build-functions'

const ROOT = resolve(__dirname, '..')
const H5_DIR = join(ROOT, 'dist', 'h5')

function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    st.mtimeMs,
  )
}

function h5IsStale(): boolean {
  const index = join(H5_DIR, 'index.html')
  if (!existsSync(index)) return true
  const sources = ['src', 'config', 'babel.config.js', 'package.json'].map((p) => join(ROOT, p))
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime))
  return newest > statSync(index).mtimeMs
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 10086)
  const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data')
  const manifestPath = join(ROOT, 'database', 'manifest.json')

  for (const f of buildFunctions()) console.log(`built cloudfunctions/${f.name}`)
  if (process.env.SKIP_H5_BUILD !== '1' && h5IsStale()) {
    console.log('building the h5 app (about a minute the first time)…')
    // NODE_ENV must be production: under any other value (jest sets `test`) Taro's babel preset
    // adds React Refresh, whose runtime the build does not ship.
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (r.status !== 0) throw new Error('h5 build failed')
  }

  const store = Store.open(dataDir, { manifest: manifestPath, fsync: true })
  if (seedIfEmpty(store)) console.log(`seeded demo data into ${dataDir}`)
  store.close()

  const cloud = await startLocalCloud({
    dataDir,
    port,
    manifestPath,
    staticDir: H5_DIR,
    authorizeUpload: mayUpload,
    log: console.log,
  })
  console.log(`\n民情速递站 (local cloud) is running at ${cloud.url}\n`)
  console.log('Demo personas — open a link to act as one, or pick one in the app:')
  for (const p of PERSONAS) {
    console.log(
      `  ${p.openid.padEnd(16)} ${p.name}  ${p.role}\n    ${cloud.url}/pages/index/index?as=${p.openid}`,
    )
  }
  console.log(
    `\nScan a building's box: ${cloud.url}/pages/index/index?scene=b%3DLH-1&as=demo-newcomer`,
  )

  // Timed triggers from each function's config.json (the hourly overdue reminder), as WeChat runs them.
  const triggers = readTimerTriggers(join(ROOT, 'cloudfunctions'))
  const stopTriggers = runTimerTriggers(triggers, async (t, event) => {
    try {
      const res = await fetch(`${cloud.url}/api/${t.functionName}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      })
      console.log(`trigger ${t.functionName}.${t.name}: ${(await res.text()).slice(0, 200)}`)
    } catch (err) {
      console.error(`trigger ${t.functionName}.${t.name} failed`, err)
    }
  })
  for (const t of triggers) console.log(`timed trigger ${t.functionName}.${t.name}: "${t.config}"`)
  console.log('Press Ctrl+C to stop.')

  const stop = () => {
    stopTriggers()
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
