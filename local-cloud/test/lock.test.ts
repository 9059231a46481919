// The data dir's LOCK: a live process holds it; a dead one, or a zombie (exited after `kill -9`,
// not yet reaped by its parent), does not, so restarting at once after a crash opens the store.
import { spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Store } from '../src'
import { tempDir } from './helpers'

const dirs: string[] = []
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
})

/** A data dir whose LOCK names `pid`, as a store opened by that process leaves it. */
function lockedDir(pid: number): string {
  const dir = tempDir()
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'LOCK'), String(pid))
  return dir
}

function procState(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.charAt(stat.lastIndexOf(')') + 2)
  } catch {
    return null
  }
}

/**
 * A zombie and its living parent: `sh` starts a short `sleep` in the background, prints its pid
 * and becomes a long `sleep` (exec), which never waits for children, so the short one exits and
 * stays a zombie. (The short one outlives the exec, or `sh` itself might reap it.)
 */
async function zombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 60'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(parent)
  const pid = await new Promise<number>((resolve, reject) => {
    let out = ''
    parent.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve(Number(out.trim()))
    })
    parent.once('error', reject)
  })
  for (let i = 0; i < 500 && procState(pid) !== 'Z'; i++) {
    await new Promise((r) => setTimeout(r, 10))
  }
  return { pid, parent }
}

const linux = process.platform === 'linux' ? test : test.skip

linux('a zombie does not hold the data dir: the store opens at once', async () => {
  const { pid, parent } = await zombie()
  expect(procState(pid)).toBe('Z')
  // the zombie still answers kill(pid, 0), which is what made the old check take it for alive
  expect(() => process.kill(pid, 0)).not.toThrow()

  const store = Store.open(lockedDir(pid), { fsync: false })
  store.close()

  // its parent, alive and well, does hold a data dir
  const parentPid = parent.pid as number
  expect(() => Store.open(lockedDir(parentPid), { fsync: false })).toThrow(
    `is in use by process ${parentPid}`,
  )
})

test('a dead process does not hold the data dir', async () => {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  const pid = child.pid as number
  await new Promise((r) => child.once('exit', r))
  // node reaps its own children: by now the pid is gone
  const store = Store.open(lockedDir(pid), { fsync: false })
  store.close()
})

test('a live process holds the data dir', () => {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' })
  children.push(child)
  const pid = child.pid as number
  const dir = lockedDir(pid)
  expect(() => Store.open(dir, { fsync: false })).toThrow(
    `data dir ${path.resolve(dir)} is in use by process ${pid}`,
  )
})
