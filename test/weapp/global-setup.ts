// globalSetup of the weapp project: the tests drive dist/weapp, so it must be the build of the
// sources as they are. `npm test` builds first (then this finds it fresh); `npm run test:weapp`
// alone rebuilds here when dist/weapp is missing or older than src/, config/, .env* …
// Then the shared local cloud (test-cloud-global.ts).
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { setup } from '../support/test-cloud-global'
import { FRESH_BUILD_ENV, staleWeappBuild } from '../support/weapp'

const ROOT = resolve(__dirname, '..', '..')

function rebuildWeapp(why: string): void {
  const started = Date.now()
  process.stderr.write(`\n[weapp tests] ${why}: running \`taro build --type weapp\` …\n`)
  // as scripts/build.ts builds it: production
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n')
    throw new Error(`the weapp build failed (exit ${r.status ?? r.signal}):\n${output}`)
  }
  const still = staleWeappBuild()
  if (still) throw new Error(`rebuilt dist/weapp, and still: ${still}`)
  process.stderr.write(
    `[weapp tests] built dist/weapp in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  )
}

export default async function globalSetup(): Promise<void> {
  const stale = staleWeappBuild()
  if (stale) rebuildWeapp(stale)
  process.env[FRESH_BUILD_ENV] = '1'
  await setup()
}
