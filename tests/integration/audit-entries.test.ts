import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { CallContext } from '../../src/main/services/context'
import { appealInput, editInput, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { exportToFile, openOffice, packageInput } from '../helpers/consolidation'

/**
 * What the history records besides edits: a restore (in the database put aside and in the
 * restored one), every file made with personal data in it (register report, receipt, package),
 * package imports, and an IIN changed, kept masked. Each says who acted: the signed-in account
 * (`ctx.user`, which the doors fill), never the data itself.
 */
const cleanup = useCleanup()

/** An administrator: restores and packages are theirs alone. */
const ACTOR: CallContext = {
  operator: null,
  door: 'web',
  user: { id: 7, username: 'asem', fullName: 'Жұмағалиева Әсем', role: 'administrator', staffId: null },
}
const BY = { username: 'asem', fullName: 'Жұмағалиева Әсем' }

interface Entry {
  operator: string | null
  entity: string
  entity_id: string
  action: string
  field: string | null
  old_value: string | null
  new_value: string | null
}

async function as<T>(desk: Desk, method: string, input: unknown): Promise<T> {
  const result = await desk.core.dispatch(method, input, ACTOR)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

const entries = (desk: Desk, where: string) =>
  desk.sql<Entry>(
    `SELECT operator, entity, entity_id, action, field, old_value, new_value FROM audit_entries WHERE ${where} ORDER BY id`,
  )

describe('the history of personal data', () => {
  it('keeps a changed IIN masked: that it changed, not the numbers', async () => {
    const desk = await openDesk(cleanup, '2026-04-20T10:00:00')
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    await desk.ok('appeals.update', await editInput(desk, appeal, { applicant: person({ iin: IIN.aigul }) }))
    expect(await entries(desk, "field = 'applicantIdNumber'")).toEqual([
      expect.objectContaining({ old_value: '"900515•••••4"', new_value: '"851203•••••6"' }),
    ])
    const raw = new Database(desk.core.database.file, { readonly: true })
    const text = JSON.stringify(raw.prepare('SELECT * FROM audit_entries').all())
    raw.close()
    expect(text).not.toContain(IIN.nurlan)
    expect(text).not.toContain(IIN.aigul)
    expect((await desk.ok('audit.verify', {})).firstBroken).toBeNull()
  })

  it('records each file made with personal data, with who made it and for what, and no data', async () => {
    const desk = await openDesk(cleanup, '2026-04-20T10:00:00')
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    const params = { kind: 'register', from: '2026-01-01', to: '2026-03-31', localityId: null }
    await as(desk, 'reports.export', { lang: 'kk', format: 'xlsx', params })
    // counts only: no entry
    await as(desk, 'reports.export', {
      lang: 'kk',
      format: 'xlsx',
      params: { kind: 'sector-by-year', from: 2025, to: 2026, source: 'all', localityId: null },
    })
    await as(desk, 'appeals.receipt', { id: appeal.id, lang: 'ru' })

    const exports = await entries(desk, "action = 'export'")
    expect(exports.map((e) => [e.entity, e.entity_id, e.operator])).toEqual([
      ['export', 'register', BY.fullName],
      ['export', 'receipt', BY.fullName],
    ])
    expect(JSON.parse(exports[0]!.new_value!)).toMatchObject({ by: BY, params, format: 'xlsx', lang: 'kk', rows: 1 })
    expect(JSON.parse(exports[1]!.new_value!)).toMatchObject({
      by: BY,
      appealId: appeal.id,
      regNumber: appeal.regNumber,
    })
    for (const e of exports) {
      expect(e.new_value).not.toContain(IIN.nurlan)
      expect(e.new_value).not.toContain('Жұмабеков')
    }
  }, 30_000) // an xlsx, a second one and a PDF receipt

  it('records a package taken out and brought in, with the file and who did it', async () => {
    const okrug = await openOffice(cleanup, 'Қоянды ауылдық округі', 'Коядинский сельский округ')
    await okrug.ok('appeals.create', appealInput(await okrug.sector('housing')))
    const result = await as<{ fileName: string; base64: string }>(okrug, 'consolidation.exportPackage', {})
    const [exported] = await entries(okrug, "entity = 'export' AND entity_id = 'package'")
    expect(JSON.parse(exported!.new_value!)).toMatchObject({
      by: BY,
      fileName: result.fileName,
      counts: { appeals: 1 },
    })

    const district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
    const { file } = await exportToFile(okrug, cleanup.tempDir('usb-'))
    await as(district, 'consolidation.importPackage', packageInput(file))
    const [imported] = await entries(district, "entity = 'package' AND action = 'import'")
    expect(imported!.operator).toBe(BY.fullName)
    expect(JSON.parse(imported!.new_value!)).toMatchObject({ by: BY, fileName: packageInput(file).fileName })
    // the same package again changes nothing and writes nothing
    const before = await district.count('audit_entries')
    await as(district, 'consolidation.importPackage', packageInput(file))
    expect(await district.count('audit_entries')).toBe(before)
  })
})

describe('a restore in the history', () => {
  it('is written into the database put aside and into the restored one, with who and which file', async () => {
    const desk = await openDesk(cleanup, '2026-04-20T10:00:00')
    const usb = cleanup.tempDir('usb-')
    const backup = await desk.ok('backup.create', { folder: usb })
    await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    const restored = await as<{ aside: string }>(desk, 'backup.restore', { file: backup.file })

    // the restored history ends with the restore: who, from which file, where the replaced one ended
    const [restore] = await entries(desk, "entity = 'database'")
    expect(restore).toMatchObject({ action: 'restore', operator: BY.fullName })
    expect(JSON.parse(restore!.new_value!)).toMatchObject({
      by: BY,
      file: backup.file,
      aside: restored.aside,
      replaced: { id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    })
    // and it verifies whole, its head now the restored file's (no finding: the swap was the program's)
    expect(await desk.ok('audit.verify', {})).toMatchObject({ firstBroken: null, findings: [], head: { state: 'ok' } })

    // the database put aside ends with who replaced it by which file
    const aside = new Database(restored.aside, { readonly: true })
    const last = aside
      .prepare('SELECT entity, action, new_value FROM audit_entries ORDER BY id DESC LIMIT 1')
      .get() as Entry
    aside.close()
    expect(last).toMatchObject({ entity: 'database', action: 'replace' })
    expect(JSON.parse(last.new_value!)).toEqual({ by: BY, file: backup.file })

    // undone: the database put back says so too
    await as(desk, 'backup.undoRestore', {})
    const history = await entries(desk, "entity = 'database'")
    expect(history.map((e) => e.action)).toEqual(['replace', 'undoRestore'])
    expect(JSON.parse(history[1]!.new_value!)).toMatchObject({ by: BY, file: restored.aside })
    expect(await desk.ok('audit.verify', {})).toMatchObject({ firstBroken: null, findings: [], head: { state: 'ok' } })
  })
})
