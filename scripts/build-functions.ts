// Bundles each cloud function (cloudfunctions/<fn>/src/index.ts + the shared code it imports)
// into cloudfunctions/<fn>/index.js, the file WeChat deploys. wx-server-sdk (and whatever else a
// function's package.json depends on, e.g. exceljs) stays external: WeChat installs it from there.
import { buildSync } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export const FUNCTIONS_DIR = resolve(__dirname, '..', 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR).filter((name) =>
    existsSync(join(FUNCTIONS_DIR, name, 'src', 'index.ts')),
  )
}

/**
 * Files a function reads at run time, copied beside its index.js (and deployed with it): the
 * account function draws the household cards' PDF with Noto Sans SC (SIL OFL 1.1, its licence
 * travels with it).
 */
const ASSETS: Record<string, { from: string; to: string }[]> = {
  account: [
    {
      from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      to: 'fonts/NotoSansSC-Regular.ttf',
    },
    { from: '@expo-google-fonts/noto-sans-sc/LICENSE_FONT', to: 'fonts/OFL.txt' },
  ],
}

function copyAssets(name: string): void {
  for (const { from, to } of ASSETS[name] ?? []) {
    const target = join(FUNCTIONS_DIR, name, to)
    const source = require.resolve(from)
    if (existsSync(target) && statSync(target).size === statSync(source).size) continue
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(source, target)
  }
}

export function buildFunctions(opts: { quiet?: boolean } = {}): { name: string; bytes: number }[] {
  return functionNames().map((name) => {
    copyAssets(name)
    const outfile = join(FUNCTIONS_DIR, name, 'index.js')
    const pkg = JSON.parse(readFileSync(join(FUNCTIONS_DIR, name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
    }
    buildSync({
      entryPoints: [join(FUNCTIONS_DIR, name, 'src', 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk', ...Object.keys(pkg.dependencies ?? {})],
      outfile,
      logLevel: opts.quiet ? 'silent' : 'warning',
      legalComments: 'none',
    })
    return { name, bytes: statSync(outfile).size }
  })
}

if (require.main === module) {
  for (const { name, bytes } of buildFunctions()) {
    console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB`)
  }
}
