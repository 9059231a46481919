// The one place tests and scripts get a headless Chromium. It comes from npm alone: the
// @sparticuz/chromium package ships the binary (unpacked into the temp folder on first use, ~1 s),
// and @expo-google-fonts/noto-sans-sc a CJK font, copied into the temp folder's `fonts`, which
// that Chromium's fontconfig reads, so Chinese renders in screenshots. Another Chromium (e.g.
// Debian's /usr/bin/chromium) is used instead when CHROMIUM_PATH names one; nothing requires it.
//
// What this Chromium is: chrome-headless-shell built for AWS Lambda. It runs headless only (no
// headed mode, no extensions) and without the sandbox. The end-to-end tests need nothing more:
// photos are picked through the file chooser and painted on a canvas (toBlob JPEG works), no
// camera or microphone is used; should one be, --use-fake-device-for-media-stream and
// --use-fake-ui-for-media-stream (pass them to launchChromium) work with it too.
import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { chromium, type Browser } from 'playwright-core'

const run = promisify(execFile)
const ROOT = join(__dirname, '..', '..')

/** Flags for any Chromium here: a container (no sandbox, no GPU) that talks to nobody but the app. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * @sparticuz/chromium's flags that are for AWS Lambda, not for a test: playwright sets headless
 * itself; one process and no zygote would put every page of a run in one process; its WebGL
 * stack and switched-off web security would make the browser less like a phone's.
 */
const LAMBDA_ONLY =
  /^--(headless|single-process|no-zygote|use-gl|use-angle|enable-unsafe-swiftshader|disable-web-security|allow-running-insecure-content)(=|$)/

const FONT_FILES = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf']

interface Binary {
  executablePath: string
  args: string[]
  env: Record<string, string>
}

/** Writes a file so that a concurrent reader sees the old content or the new, never a part. */
function writeAtomically(target: string, write: (tmp: string) => void): void {
  const tmp = `${target}.${process.pid}.tmp`
  write(tmp)
  renameSync(tmp, target)
}

/**
 * The CJK fonts into `<tmp>/fonts`, and a fontconfig file naming that folder. The package's own
 * fonts.conf names /tmp/fonts whatever the temp folder is, so it is not used.
 */
function installFonts(tmp: string): string {
  const dir = join(tmp, 'fonts')
  mkdirSync(dir, { recursive: true })
  const pkg = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
  for (const file of FONT_FILES) {
    const target = join(dir, file.split('/')[1])
    if (!existsSync(target)) writeAtomically(target, (t) => copyFileSync(join(pkg, file), t))
  }
  const conf = join(tmp, 'fonts.npm.conf')
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${dir}</dir>`,
    `  <cachedir>${join(tmp, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n')
  if (!existsSync(conf) || readFileSync(conf, 'utf8') !== xml) {
    writeAtomically(conf, (t) => writeFileSync(t, xml))
  }
  return conf
}

/**
 * Asks a plain node process (the package is an ES module; jest runs CommonJS) for its flags and,
 * with `unpackInto`, to unpack the binary there (it unpacks into its process's temp folder).
 */
async function askPackage(
  unpackInto?: string,
): Promise<{ executablePath?: string; args: string[] }> {
  const script = [
    "const { default: c } = await import('@sparticuz/chromium')",
    `const executablePath = ${unpackInto ? 'await c.executablePath()' : 'undefined'}`,
    'process.stdout.write(JSON.stringify({ executablePath, args: c.args }))',
  ].join('\n')
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: unpackInto ? { ...process.env, TMPDIR: unpackInto } : process.env,
  })
  return JSON.parse(stdout) as { executablePath?: string; args: string[] }
}

/**
 * The package's Chromium in `<tmp>/chromium`. A first run unpacks it into a private folder and
 * moves it in, the binary last, so a concurrent run (another jest worker) sees no binary or a
 * whole one, never one still being written ("spawn ETXTBSY").
 */
async function npmChromium(): Promise<Binary> {
  const tmp = tmpdir()
  const executablePath = join(tmp, 'chromium')
  const unpacked = existsSync(executablePath)
  const stage = unpacked ? undefined : mkdtempSync(join(tmp, 'chromium-unpack-'))
  let args: string[]
  try {
    const answer = await askPackage(stage)
    args = answer.args
    if (stage) {
      const entries = readdirSync(stage).filter((e) => e !== 'chromium')
      for (const entry of [...entries, 'chromium']) {
        try {
          renameSync(join(stage, entry), join(tmp, entry))
        } catch (err) {
          // a folder (fonts, locales) another run moved in first: theirs is as good
          const code = (err as NodeJS.ErrnoException).code
          if (entry === 'chromium' || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw err
        }
      }
    }
  } finally {
    if (stage) rmSync(stage, { recursive: true, force: true })
  }
  const fontconfig = installFonts(tmp)
  return {
    executablePath,
    args: args.filter((a) => !LAMBDA_ONLY.test(a)),
    env: { FONTCONFIG_FILE: fontconfig, HOME: process.env.HOME ?? tmp },
  }
}

let binary: Promise<Binary> | null = null

function findBinary(): Promise<Binary> {
  const other = process.env.CHROMIUM_PATH
  if (other && existsSync(other))
    return Promise.resolve({ executablePath: other, args: [], env: {} })
  binary ??= npmChromium().catch((err: unknown) => {
    binary = null
    throw err
  })
  return binary
}

/** A headless Chromium, from npm unless CHROMIUM_PATH names another. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const b = await findBinary()
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  return chromium.launch({
    executablePath: b.executablePath,
    headless: true,
    args: [...new Set([...b.args, ...COMMON_ARGS, ...extraArgs])],
    env: { ...env, ...b.env },
  })
}
