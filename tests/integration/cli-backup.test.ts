import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAGIC } from '../../src/main/encryption/format'
import { fileKeyProvider } from '../../src/main/services/auditKey'
import { ADMIN } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { holdBuiltApp } from '../helpers/buildLock'
import { useCleanup } from '../helpers/cleanup'

/**
 * `npm run cli -- backup|restore` as a user runs it (the built out/main/cli.js under plain
 * Node): the passphrase only from standard input; a refusal is exit code 1 with the reason,
 * and nothing changed.
 */
const ROOT = join(__dirname, '../..')
const cleanup = useCleanup()

let release: (() => void) | undefined
beforeAll(async () => {
  release = await holdBuiltApp()
}, 900_000) // waits for the lock while others build
afterAll(() => release?.())

const KEY_DIR = mkdtempSync(join(tmpdir(), 'akimat-cli-keys-'))
afterAll(() => rmSync(KEY_DIR, { recursive: true, force: true }))

function cli(input: string | null, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: input ?? '',
    timeout: 180_000,
    env: { ...process.env, AKIMAT_KEY_DIR: KEY_DIR },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const users = (data: string) => cli(null, 'users', 'list', '--data', data).stdout

describe('npm run cli -- backup / restore', () => {
  it('writes an encrypted backup with the passphrase from stdin and restores it only with that passphrase', () => {
    const data = join(cleanup.tempDir(), 'data')
    const usb = cleanup.tempDir('usb-')
    const admin = (username: string) =>
      cli(
        'birinshi-kupiya\n',
        'users',
        'add',
        '--username',
        username,
        '--role',
        'administrator',
        '--full-name',
        'Жұмағалиева Әсем',
        '--password-stdin',
        '--data',
        data,
      )
    expect(admin('admin').status).toBe(0)

    const copy = join(usb, 'akimat.sqlite.enc')
    const made = cli('Қарқаралы 2026 көктем\n', 'backup', '--out', copy, '--passphrase-stdin', '--data', data)
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    expect(made.stdout).toContain('(encrypted)')
    expect(readFileSync(copy).subarray(0, MAGIC.length)).toEqual(MAGIC)

    const plain = join(usb, 'plain.sqlite')
    expect(cli(null, 'backup', '--out', plain, '--data', data).status).toBe(0)
    expect(readFileSync(plain).subarray(0, 15).toString()).toBe('SQLite format 3')

    expect(admin('later').status).toBe(0) // a change after the backup
    expect(users(data)).toContain('later')

    const flipped = join(usb, 'flipped.enc')
    const bytes = readFileSync(copy)
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01
    writeFileSync(flipped, bytes)
    const refusals: [string, string | null, string][] = [
      [copy, null, '--passphrase-stdin: Enter the office passphrase'],
      [copy, 'not the passphrase\n', '--passphrase-stdin: The passphrase does not fit this file'],
      [flipped, 'Қарқаралы 2026 көктем\n', '--from: The encrypted file is damaged or cut short'],
    ]
    for (const [file, input, message] of refusals) {
      const run = cli(input, 'restore', '--from', file, ...(input ? ['--passphrase-stdin'] : []), '--data', data)
      expect(run.status, message).toBe(1)
      expect(run.stderr).toContain(message)
      expect(users(data)).toContain('later') // nothing changed
    }

    const restored = cli('Қарқаралы 2026 көктем\n', 'restore', '--from', copy, '--passphrase-stdin', '--data', data)
    expect(restored.stderr).toBe('')
    expect(restored.status).toBe(0)
    expect(restored.stdout).toContain(`Restored ${copy}`)
    expect(users(data)).not.toContain('later')
    expect(users(data)).toContain('admin')

    // arguments missing: a usage mistake, exit code 2
    expect(cli(null, 'restore', '--data', data).status).toBe(2)
    expect(cli(null, 'backup', '--out', plain).status).toBe(2)
  }, 300_000)

  it('with an office passphrase set, a backup needs it from stdin and refuses another (exit 1)', async () => {
    const data = join(cleanup.tempDir(), 'data')
    const usb = cleanup.tempDir('usb-')
    // the office passphrase is set through the API on the data folder, as Settings does
    const made = cli(
      'birinshi-kupiya\n',
      'users',
      'add',
      '--username',
      'admin',
      '--role',
      'administrator',
      '--full-name',
      'Әсем',
      '--password-stdin',
      '--data',
      data,
    )
    expect(made.status).toBe(0)
    const core = await startTestCore(join(data, 'akimat.sqlite'), { auditKeys: fileKeyProvider(KEY_DIR) })
    const set = await core.dispatch('backup.setPassphrase', { current: null, passphrase: 'office passphrase 1' }, ADMIN)
    expect(set.ok).toBe(true)
    await core.close()

    const out = join(usb, 'copy.enc')
    const none = cli(null, 'backup', '--out', out, '--data', data)
    expect(none.status).toBe(1)
    expect(none.stderr).toContain('Enter the office passphrase')
    const other = cli('another passphrase\n', 'backup', '--out', out, '--passphrase-stdin', '--data', data)
    expect(other.status).toBe(1)
    expect(other.stderr).toContain('This is not the office passphrase')
    const right = cli('office passphrase 1\n', 'backup', '--out', out, '--passphrase-stdin', '--data', data)
    expect(right.status).toBe(0)
    expect(readFileSync(out).subarray(0, MAGIC.length)).toEqual(MAGIC)
  }, 300_000)
})
