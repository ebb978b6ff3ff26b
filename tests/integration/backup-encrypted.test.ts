import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HEADER_BYTES, MAGIC, TAG_BYTES } from '../../src/main/encryption/format'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { addOkrug, openOffice, packageInput, snapshot } from '../helpers/consolidation'

/**
 * The office passphrase and encrypted copies through the API, on real files: a backup taken
 * off the computer and a consolidation package are encrypted with it, open only with it, and
 * a wrong passphrase or an altered or cut file is refused with nothing changed.
 */
const cleanup = useCleanup()
const PASSPHRASE = 'Қарқаралы 2026 көктем'
const CHUNK = 1024 * 1024

async function desk(): Promise<Desk> {
  return openDesk(cleanup, '2026-11-27T10:00:00')
}

async function register(d: Desk, summary: string, receivedAt = '2026-11-26T10:00'): Promise<number> {
  const sector = await d.sector('housing')
  return (await d.ok('appeals.create', appealInput(sector, { summary, receivedAt }))).id
}

const backupsOf = (d: Desk) => join(dirname(d.core.database.file), 'backups')
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : [])

function flip(file: string, at: number): string {
  const copy = file.replace(/\.enc$/, `-flipped-${at}.enc`)
  const bytes = readFileSync(file)
  bytes[at]! ^= 0x01
  writeFileSync(copy, bytes)
  return copy
}

describe('the office passphrase', () => {
  it('is set, changed with the current one and cleared; only a verifier is kept, and the history says so', async () => {
    const d = await desk()
    expect(await d.ok('backup.passphrase', {})).toEqual({ set: false, setAt: null })
    expect((await d.fail('backup.setPassphrase', { current: null, passphrase: 'short' })).issues[0]).toMatchObject({
      path: ['passphrase'],
      messageKey: 'validation.passwordShort',
    })
    expect(await d.ok('backup.setPassphrase', { current: null, passphrase: PASSPHRASE })).toMatchObject({ set: true })
    const stored = JSON.stringify(await d.sql('SELECT * FROM settings'))
    expect(stored).not.toContain(PASSPHRASE)
    const [verifier] = await d.sql<{ value: string }>("SELECT value FROM settings WHERE key = 'office.passphrase'")
    expect(Object.keys(JSON.parse(verifier!.value)).sort()).toEqual(['hash', 'kdf', 'salt', 'setAt'])
    expect(JSON.parse(verifier!.value).kdf).toEqual({ log2N: 15, r: 8, p: 1 })

    for (const current of [null, 'not the one set']) {
      const error = await d.fail('backup.setPassphrase', { current, passphrase: 'another passphrase' })
      expect(error.issues[0]).toMatchObject({
        path: ['current'],
        messageKey: current ? 'passphraseUi.errors.notOffice' : 'passphraseUi.errors.required',
      })
    }
    await d.ok('backup.setPassphrase', { current: PASSPHRASE, passphrase: 'another passphrase' })
    await d.ok('backup.setPassphrase', { current: 'another passphrase', passphrase: null })
    expect(await d.ok('backup.passphrase', {})).toEqual({ set: false, setAt: null })

    const history = await d.sql<{ old_value: string; new_value: string }>(
      "SELECT old_value, new_value FROM audit_entries WHERE entity = 'office' AND field = 'passphrase' ORDER BY id",
    )
    expect(history.map((h) => [JSON.parse(h.old_value), JSON.parse(h.new_value)])).toEqual([
      ['none', 'set'],
      ['set', 'changed'],
      ['set', 'cleared'],
    ])
    expect(JSON.stringify(await d.sql('SELECT * FROM audit_entries'))).not.toContain('another passphrase')
  })
})

describe('encrypted backups', () => {
  it('round trip: a backup to a USB drive is encrypted, opens with the passphrase, and restores every row', async () => {
    const d = await desk()
    await d.ok('sample.load', {}) // megabytes: a file of several chunks
    await d.ok('backup.setPassphrase', { current: null, passphrase: PASSPHRASE })
    const usb = cleanup.tempDir('usb-')

    // the passphrase is asked for a copy leaving the data folder, and checked
    expect((await d.fail('backup.create', { folder: usb })).issues[0]).toMatchObject({
      path: ['passphrase'],
      messageKey: 'passphraseUi.errors.required',
    })
    expect((await d.fail('backup.create', { folder: usb, passphrase: 'wrong one!' })).issues[0]).toMatchObject({
      path: ['passphrase'],
      messageKey: 'passphraseUi.errors.notOffice',
    })
    expect(files(usb)).toEqual([])

    const made = await d.ok('backup.create', { folder: usb, passphrase: PASSPHRASE })
    expect(made.file.endsWith('.sqlite.enc')).toBe(true)
    const bytes = readFileSync(made.file)
    expect(bytes.subarray(0, MAGIC.length)).toEqual(MAGIC)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(bytes.includes(Buffer.from('Ауыз су', 'utf8'))).toBe(false)
    expect(bytes.length).toBeGreaterThan(HEADER_BYTES + CHUNK + TAG_BYTES) // more than one chunk
    // no plain copy left behind in the data folder
    expect(files(backupsOf(d)).filter((f) => f.includes('crypting'))).toEqual([])

    // a backup into the data folder's own backups folder stays plain, as the daily ones
    const inside = await d.ok('backup.create', { folder: null })
    expect(readFileSync(inside.file).subarray(0, 15).toString()).toBe('SQLite format 3')

    const appeals = async () => (await d.ok('appeals.list', {})).total // the restore opens a new connection
    const before = await appeals()
    const added = await register(d, 'Көше жарығы')

    expect(await d.ok('backup.inspect', { file: made.file })).toMatchObject({ ok: false, problem: 'encrypted' })
    expect(await d.ok('backup.inspect', { file: made.file, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      counts: { appeals: before },
    })
    expect((await d.fail('backup.restore', { file: made.file })).issues[0]).toMatchObject({
      path: ['passphrase'],
      messageKey: 'passphraseUi.errors.required',
    })

    const restored = await d.ok('backup.restore', { file: made.file, passphrase: PASSPHRASE })
    expect(restored.restored.counts.appeals).toBe(before)
    expect(await appeals()).toBe(before)
    expect((await d.call('appeals.get', { id: added })).ok).toBe(false)
    expect(files(backupsOf(d)).filter((f) => f.includes('crypting'))).toEqual([])
  }, 120_000)

  it('refuses a wrong passphrase, a flipped byte (header, middle, last chunk) and a cut file, changing nothing', async () => {
    const d = await desk()
    await d.ok('sample.load', {})
    await d.ok('backup.setPassphrase', { current: null, passphrase: PASSPHRASE })
    const usb = cleanup.tempDir('usb-')
    const made = await d.ok('backup.create', { folder: usb, passphrase: PASSPHRASE })
    await register(d, 'Кейін тіркелген')
    const size = readFileSync(made.file).length
    const cut = made.file.replace(/\.enc$/, '-cut.enc')
    writeFileSync(cut, readFileSync(made.file).subarray(0, HEADER_BYTES + CHUNK + TAG_BYTES + 100))
    const lastWhole = made.file.replace(/\.enc$/, '-no-last.enc')
    const chunks = Math.ceil((size - HEADER_BYTES) / (CHUNK + TAG_BYTES))
    writeFileSync(lastWhole, readFileSync(made.file).subarray(0, HEADER_BYTES + (chunks - 1) * (CHUNK + TAG_BYTES)))

    const state = async () => ({ rows: await snapshotOf(d), backups: files(backupsOf(d)) })
    const before = await state()
    const cases: [string, string | null, { path: string[]; messageKey: string }][] = [
      [made.file, 'not the passphrase', { path: ['passphrase'], messageKey: 'passphraseUi.errors.wrong' }],
      [flip(made.file, MAGIC.length + 5), PASSPHRASE, { path: ['file'], messageKey: 'passphraseUi.errors.damaged' }],
      [
        flip(made.file, Math.floor(size / 2)),
        PASSPHRASE,
        { path: ['file'], messageKey: 'passphraseUi.errors.damaged' },
      ],
      [flip(made.file, size - 40), PASSPHRASE, { path: ['file'], messageKey: 'passphraseUi.errors.damaged' }],
      [cut, PASSPHRASE, { path: ['file'], messageKey: 'passphraseUi.errors.damaged' }],
      [lastWhole, PASSPHRASE, { path: ['file'], messageKey: 'passphraseUi.errors.damaged' }],
    ]
    for (const [file, passphrase, issue] of cases) {
      for (const method of ['backup.inspect', 'backup.restore']) {
        const error = await d.fail(method, { file, passphrase })
        expect(error.issues[0], `${method} ${file}`).toMatchObject(issue)
      }
    }
    expect(await state()).toEqual(before) // no row, no history entry, no before-restore copy, no temp file
  }, 120_000)
})

describe('encrypted consolidation packages', () => {
  it('a package leaves encrypted with the office passphrase and is imported only with it', async () => {
    const okrug = await openOffice(cleanup, 'Қарабас ауылдық округі әкімінің аппараты', 'Аппарат акима Карабаса')
    const district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
    await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
    await register(okrug, 'Ауыз су жоқ', '2026-04-09T10:00')
    await okrug.ok('backup.setPassphrase', { current: null, passphrase: PASSPHRASE })

    expect((await okrug.fail('consolidation.exportPackage', {})).issues[0]).toMatchObject({
      path: ['passphrase'],
      messageKey: 'passphraseUi.errors.required',
    })
    const exported = await okrug.ok('consolidation.exportPackage', { passphrase: PASSPHRASE })
    expect(exported.fileName.endsWith('.json.gz.enc')).toBe(true)
    const file = join(cleanup.tempDir('akimat-flash-'), exported.fileName)
    writeFileSync(file, Buffer.from(exported.base64, 'base64'))
    expect(readFileSync(file).subarray(0, MAGIC.length)).toEqual(MAGIC)

    const before = await snapshot(district)
    const altered = flip(file, HEADER_BYTES + 10)
    const refusals: [string, string | null, { path: string[]; messageKey: string }][] = [
      [file, null, { path: ['passphrase'], messageKey: 'passphraseUi.errors.required' }],
      [file, 'not the passphrase', { path: ['passphrase'], messageKey: 'passphraseUi.errors.wrong' }],
      [altered, PASSPHRASE, { path: ['base64'], messageKey: 'passphraseUi.errors.damaged' }],
    ]
    for (const [input, passphrase, issue] of refusals) {
      const error = await district.fail('consolidation.importPackage', { ...packageInput(input), passphrase })
      expect(error.issues[0]).toMatchObject(issue)
    }
    expect(await snapshot(district)).toEqual(before)

    // the district has no passphrase of its own: the package's is typed at import
    const summary = await district.ok('consolidation.importPackage', { ...packageInput(file), passphrase: PASSPHRASE })
    expect(summary.appeals).toMatchObject({ added: 1 })
  }, 120_000)
})

async function snapshotOf(d: Desk): Promise<unknown[]> {
  return Promise.all(['appeals', 'audit_entries', 'settings'].map((t) => d.sql(`SELECT * FROM ${t} ORDER BY 1`)))
}
