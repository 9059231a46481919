// `npm run build`: cloud functions, the weapp build (production) and the h5 build (local demo),
// then the weapp package sizes against WeChat's limits (main and each subpackage ≤ 2 MB).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { buildFunctions } from './build-functions'

const ROOT = resolve(__dirname, '..')
const WEAPP = join(ROOT, 'dist', 'weapp')
const LIMIT = 2 * 1024 * 1024

function taro(type: 'weapp' | 'h5'): void {
  const started = Date.now()
  const r = spawnSync('npx', ['taro', 'build', '--type', type], {
    cwd: ROOT,
    stdio: process.env.VERBOSE ? 'inherit' : ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) throw new Error(`taro build --type ${type} failed`)
  console.log(`built dist/${type} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

function sizeOf(path: string, skip: Set<string> = new Set()): number {
  if (skip.has(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name), skip), 0)
}

/** Main package = everything in dist/weapp except the subpackage roots named in app.json. */
export function weappPackageSizes(): { name: string; bytes: number }[] {
  const appJson = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => join(WEAPP, p.root))
  const mainBytes = sizeOf(WEAPP, new Set(roots))
  return [
    { name: 'main', bytes: mainBytes },
    ...roots.filter(existsSync).map((r) => ({ name: relative(WEAPP, r), bytes: sizeOf(r) })),
  ]
}

function main(): void {
  const only = process.argv[2]
  for (const f of buildFunctions())
    console.log(`built cloudfunctions/${f.name}/index.js (${(f.bytes / 1024).toFixed(1)} KB)`)
  if (!only || only === 'weapp') taro('weapp')
  if (!only || only === 'h5') taro('h5')
  if (existsSync(join(WEAPP, 'app.json'))) {
    let over = false
    console.log('\nweapp packages (WeChat limit 2048 KB each):')
    for (const p of weappPackageSizes()) {
      over ||= p.bytes > LIMIT
      console.log(`  ${p.name.padEnd(28)} ${(p.bytes / 1024).toFixed(1).padStart(8)} KB`)
    }
    if (over) throw new Error('a weapp package is over 2 MB')
  }
}

if (require.main === module) {
  try {
    main()
  } catch (err) {
    console.error(String(err))
    process.exit(1)
  }
}
