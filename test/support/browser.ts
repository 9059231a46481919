// The one place tests and scripts get a headless Chromium. It comes from npm alone: the
// @sparticuz/chromium package ships the binary (unpacked into the temp folder on first use, ~1 s),
// and @expo-google-fonts/noto-sans-sc a CJK font, copied where that Chromium's fontconfig looks,
// so Chinese renders in screenshots. Debian's Chromium is used instead when CHROMIUM_PATH names
// it; nothing requires it.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

interface Binary {
  executablePath: string
  args: string[]
  env: Record<string, string>
}

let cached: Binary | null = null

const FONT_FILES = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf']

function installFonts(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const pkg = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
  for (const file of FONT_FILES) {
    const target = join(dir, file.split('/')[1])
    if (!existsSync(target)) copyFileSync(join(pkg, file), target)
  }
}

/**
 * @sparticuz/chromium is an ES module and jest runs CommonJS: ask a plain node process for the
 * unpacked binary's path and its recommended flags.
 */
function npmChromium(): Binary {
  const script = [
    "const { default: c } = await import('@sparticuz/chromium')",
    'const executablePath = await c.executablePath()',
    'process.stdout.write(JSON.stringify({ executablePath, args: c.args }))',
  ].join('\n')
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  })
  const parsed = JSON.parse(out) as { executablePath: string; args: string[] }
  const fonts = join(tmpdir(), 'fonts')
  installFonts(fonts)
  // its own --headless/--single-process style flags are for AWS Lambda: keep the rendering ones
  const args = parsed.args.filter(
    (a) =>
      !/^--(headless|single-process|no-zygote|use-gl|use-angle|enable-unsafe-swiftshader)/.test(a),
  )
  return {
    executablePath: parsed.executablePath,
    args,
    env: { FONTCONFIG_PATH: fonts, HOME: process.env.HOME ?? tmpdir() },
  }
}

function binary(): Binary {
  if (cached) return cached
  const debian = process.env.CHROMIUM_PATH
  cached =
    debian && existsSync(debian) ? { executablePath: debian, args: [], env: {} } : npmChromium()
  return cached
}

/** A headless Chromium, from npm unless CHROMIUM_PATH names another. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const b = binary()
  return chromium.launch({
    executablePath: b.executablePath,
    headless: true,
    args: [...new Set([...b.args, ...COMMON_ARGS, ...extraArgs])],
    env: { ...process.env, ...b.env } as Record<string, string>,
  })
}
