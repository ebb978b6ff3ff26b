import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdBuiltApp } from '../helpers/buildLock'
import { useCleanup } from '../helpers/cleanup'
import { findRow, readSheet } from '../helpers/reportFiles'

/**
 * The command line as a user runs it: the built out/main/cli.js under plain Node, on a data
 * folder of its own. Exit codes: 0 done, 1 refused by the core, 2 bad arguments.
 */

const ROOT = join(__dirname, '../..')
const cleanup = useCleanup()

// Others build out/ on this machine too: build, and keep it as built while these tests run it.
let release: (() => void) | undefined
beforeAll(async () => {
  release = await holdBuiltApp()
}, 900_000) // waits for the lock while others build
afterAll(() => release?.())

// The history key of these runs: a folder of their own, not this computer's user profile.
const KEY_DIR = mkdtempSync(join(tmpdir(), 'akimat-cli-keys-'))
afterAll(() => rmSync(KEY_DIR, { recursive: true, force: true }))

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, AKIMAT_KEY_DIR: KEY_DIR },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A data folder holding the sample district. */
function sampleData(): string {
  const data = join(cleanup.tempDir(), 'data')
  const loaded = cli('sample', '--data', data)
  expect(loaded.stderr).toBe('')
  expect(loaded.status).toBe(0)
  expect(loaded.stdout).toContain('22 report meetings, 326 questions')
  return data
}

describe('npm run cli', () => {
  it('loads the sample, then reproduces the reference totals 115/71/140 in a ru workbook', async () => {
    const data = sampleData()
    const out = join(cleanup.tempDir(), 'reports', 'sectors.xlsx') // its folder does not exist yet
    const run = cli(
      'report',
      'sector-by-year',
      '--lang',
      'ru',
      '--format',
      'xlsx',
      '--out',
      out,
      '--from',
      '2021',
      '--to',
      '2023',
      '--data',
      data,
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe(`Wrote ${out}`)

    const sheet = await readSheet(readFileSync(out))
    expect(sheet.getCell('A1').value).toBe('Информация об отчетных встречах акима с населением за 2021-2023 годы')
    const total = sheet.getRow(findRow(sheet, 'Итого', 2))
    expect([3, 5, 7].map((c) => total.getCell(c).result)).toEqual([115, 71, 140])

    // the other reports, from the same data
    const pdf = join(cleanup.tempDir(), 'press.pdf')
    expect(
      cli('report', 'press-summary', '--lang', 'kk', '--format', 'pdf', '--out', pdf, '--year', '2023', '--data', data)
        .status,
    ).toBe(0)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const register = join(cleanup.tempDir(), 'register.xlsx')
    expect(
      cli(
        'report',
        'register',
        '--lang',
        'en',
        '--format',
        'xlsx',
        '--out',
        register,
        '--from',
        '2022',
        '--to',
        '2022-06-30',
        '--data',
        data,
      ).status,
    ).toBe(0)
    expect(existsSync(register)).toBe(true)

    // the core refuses what the app refuses, naming the flag: exit code 1
    const backwards = cli(
      'report',
      'sector-by-year',
      '--lang',
      'kk',
      '--format',
      'pdf',
      '--out',
      pdf,
      '--from',
      '2023',
      '--to',
      '2021',
      '--data',
      data,
    )
    expect(backwards.status).toBe(1)
    expect(backwards.stderr).toContain('--to: Invalid range of years')
    const quarter = cli(
      'report',
      'quarterly',
      '--lang',
      'kk',
      '--format',
      'pdf',
      '--out',
      pdf,
      '--quarter',
      '2025-Q5',
      '--data',
      data,
    )
    expect(quarter.status).toBe(1)
    expect(quarter.stderr).toContain('--quarter: Quarter format: 2025-Q1')
    const again = cli('sample', '--data', data)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('Sample data loads only into an empty database')
  }, 300_000)

  it.each([
    [
      ['report', 'bogus'],
      'the report kind must be one of sector-by-year, quarterly, register, press-summary, got "bogus"',
    ],
    [
      ['report', 'quarterly', '--format', 'pdf', '--out', 'x.pdf', '--quarter', '2025-Q1'],
      '--lang must be one of kk, ru, en',
    ],
    [
      ['report', 'quarterly', '--lang', 'kk', '--format', 'docx', '--out', 'x'],
      '--format must be one of xlsx, pdf, got "docx"',
    ],
    [['report', 'quarterly', '--lang', 'kk', '--format', 'pdf', '--quarter', '2025-Q1'], '--out FILE is required'],
    [
      ['report', 'sector-by-year', '--lang', 'kk', '--format', 'pdf', '--out', 'x.pdf', '--from', '2021'],
      '--to is required for this report',
    ],
    [
      [
        'report',
        'sector-by-year',
        '--lang',
        'kk',
        '--format',
        'pdf',
        '--out',
        'x.pdf',
        '--from',
        'last',
        '--to',
        '2023',
      ],
      '--from must be a whole number, got "last"',
    ],
    [
      [
        'report',
        'register',
        '--lang',
        'kk',
        '--format',
        'pdf',
        '--out',
        'x.pdf',
        '--from',
        '2025-02-30',
        '--to',
        '2025',
      ],
      '--from must be a date like 2025-01-31 or a year',
    ],
    [
      ['report', 'press-summary', '--lang', 'kk', '--format', 'pdf', '--out', 'x.pdf'],
      'press-summary needs --year YEAR or --meeting ID',
    ],
    [['report', 'quarterly', '--frm', '2025'], "Unknown option '--frm'"],
    [['sample'], 'sample needs --data DIR'],
    [['export'], 'unknown command: export'],
    [[], 'a command is required'],
  ])(
    'refuses %j with a clear message and exit code 2',
    (args, message) => {
      const run = cli(...args)
      expect(run.status).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain(`Error: ${message}`)
      expect(run.stderr).toContain('Usage:')
    },
    60_000,
  )

  it('refuses a report on a data folder that holds no database, creating nothing', () => {
    const data = join(cleanup.tempDir(), 'typo')
    const run = cli(
      'report',
      'quarterly',
      '--lang',
      'kk',
      '--format',
      'xlsx',
      '--out',
      join(data, 'q.xlsx'),
      '--quarter',
      '2025-Q1',
      '--data',
      data,
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(`no database at ${join(data, 'akimat.sqlite')}`)
    expect(existsSync(data)).toBe(false)
  }, 60_000)

  it('runs through npm (scripts/cli.mjs: build when stale, then out/main/cli.js)', () => {
    // the lock is ours already (see beforeAll), so npm's own ensure-build finds the build fresh
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('npm run cli -- report <kind> --lang kk|ru|en --format xlsx|pdf --out FILE')
  }, 300_000)
})

describe('npm run cli -- users', () => {
  const withStdin = (input: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input,
      timeout: 180_000,
    })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('adds, lists, resets a password and deactivates, on a new data folder; the password only from stdin', async () => {
    const data = join(cleanup.tempDir(), 'data')
    const add = (username: string, role: string, fullName: string, password: string) =>
      withStdin(
        `${password}\n`,
        'users',
        'add',
        '--username',
        username,
        '--role',
        role,
        '--full-name',
        fullName,
        '--password-stdin',
        '--data',
        data,
      )

    const admin = add('admin', 'administrator', 'Жұмағалиева Әсем', 'birinshi-kupiya')
    expect(admin.stderr).toBe('')
    expect(admin.status).toBe(0)
    expect(admin.stdout).toBe('Added admin\tadministrator\tЖұмағалиева Әсем\n')
    expect(add('bolat', 'clerk', 'Ахметов Болат', 'ekinshi-kupiya').status).toBe(0)

    // Refusals: a taken username (exit 1, the core's words), a role outside the set and no --password-stdin (exit 2).
    const taken = add('BOLAT', 'clerk', 'Басқа Болат', 'ekinshi-kupiya')
    expect(taken.status).toBe(1)
    expect(taken.stderr).toContain('This username is taken')
    expect(add('x1', 'akim', 'Біреу', 'password-123').status).toBe(2)
    const noStdin = cli('users', 'add', '--username', 'x2', '--role', 'clerk', '--full-name', 'Біреу', '--data', data)
    expect(noStdin.status).toBe(2)
    expect(noStdin.stderr).toContain('--password-stdin')

    const reset = withStdin(
      'jana-kupiya-soz\n',
      'users',
      'reset-password',
      '--username',
      'bolat',
      '--password-stdin',
      '--data',
      data,
    )
    expect(reset.status).toBe(0)
    expect(cli('users', 'deactivate', '--username', 'bolat', '--data', data).status).toBe(0)
    // The last active administrator stays.
    const last = cli('users', 'deactivate', '--username', 'admin', '--data', data)
    expect(last.status).toBe(1)
    expect(last.stderr).toContain('At least one active administrator must remain')

    const list = cli('users', 'list', '--data', data)
    expect(list.status).toBe(0)
    expect(list.stdout).toBe('admin\tadministrator\tЖұмағалиева Әсем\nbolat\tclerk\tАхметов Болат\t(deactivated)\n')

    // Only hashes in the file, and the history names the command line.
    const Database = (await import('better-sqlite3')).default
    const db = new Database(join(data, 'akimat.sqlite'), { readonly: true })
    try {
      const file = JSON.stringify(db.prepare('SELECT * FROM users').all())
      expect(file).not.toContain('kupiya')
      const history = db
        .prepare("SELECT operator, action, field FROM audit_entries WHERE entity = 'user' ORDER BY id")
        .all() as {
        operator: string
        action: string
        field: string | null
      }[]
      expect(history.map((h) => `${h.action}:${h.field ?? ''}`)).toEqual([
        'create:',
        'create:',
        'password_reset:password',
        'deactivate:active',
      ])
      expect(history.every((h) => h.operator.startsWith('CLI ('))).toBe(true)
    } finally {
      db.close()
    }
  }, 300_000)
})
