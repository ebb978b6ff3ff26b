import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { openDesk, type Desk } from '../helpers/appeals'
import { fileInput, messyRegisterXlsx } from '../helpers/importFiles'

/** All or none; sector choices remembered for the next file. */
const cleanup = useCleanup()
const TODAY = '2026-04-10'

/** Everything an import writes, to show that a failed one wrote none of it. */
async function snapshot(desk: Desk) {
  const n = async (table: string) => Number((await desk.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n)
  return {
    appeals: await n('appeals'),
    audit: await n('audit_entries'),
    fingerprints: await n('import_fingerprints'),
    counters: await desk.sql('SELECT year, last_number FROM appeal_counters ORDER BY year'),
    settings: await desk.sql("SELECT value FROM settings WHERE key = 'import.sectorMappings'"),
    search: await n('appeals_fts'),
  }
}

describe('import commit', () => {
  it('writes nothing at all when one row fails inside the transaction, and everything once it can', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const housing = await desk.sector('housing')
    // one appeal registered before, so that counters and audit are not empty
    await desk.ok('import.commit', { file: fileInput('first.xlsx', await messyRegisterXlsx()), sectorMapping: {} })
    const file = fileInput(
      'Журнал 2026.xlsx',
      await messyRegisterXlsx([
        [
          10,
          '20.03.2026',
          'Нұрланов Асқар',
          null,
          null,
          null,
          'Басқа салалар',
          'BOOM: жазу кезінде құлайтын жол',
          null,
        ],
      ]),
    )
    const input = { file, sectorMapping: { жкх: housing } }
    expect((await desk.ok('import.preview', input)).counts.valid).toBe(2) // the water row and the last one

    // the database refuses the last row while the import is writing (after the rows before it)
    await desk.sql(`CREATE TRIGGER refuse_boom BEFORE INSERT ON appeals WHEN NEW.summary LIKE 'BOOM%'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`)
    const before = await snapshot(desk)
    const error = await desk.fail('import.commit', { ...input, importId: 'failing-1' })
    expect(error.code).toBe('internal')
    expect(await snapshot(desk)).toEqual(before)
    expect(await desk.ok('import.progress', { importId: 'failing-1' })).toMatchObject({ phase: 'failed' })

    await desk.sql('DROP TRIGGER refuse_boom')
    const result = await desk.ok('import.commit', input)
    expect(result).toMatchObject({ imported: 2, alreadyImported: 3 })
    const after = await snapshot(desk)
    expect(after.appeals).toBe(before.appeals + 2)
    expect(after.fingerprints).toBe(before.fingerprints + 2)
    expect(after.search).toBe(after.appeals)
  })

  it('does not offer a deactivated sector: its rows have problems, and it is refused as a default', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const housing = await desk.sector('housing')
    const file = fileInput('r.xlsx', await messyRegisterXlsx())
    const { nameKk, nameRu, nameEn } = (await desk.ok('sectors.list', {})).find((s) => s.id === housing)!
    await desk.ok('sectors.update', { id: housing, nameKk, nameRu, nameEn, active: false })
    const preview = await desk.ok('import.preview', { file, sectorMapping: { жкх: housing } })
    expect(preview.sectors.find((s) => s.key === 'жкх')).toMatchObject({ sectorId: null })
    expect(preview.rows.find((r) => r.rowNumber === 6)!.problems).toEqual([
      { path: ['sector'], messageKey: 'importUi.problems.unknownSector', params: { value: 'ЖКХ' } },
    ])
    const error = await desk.fail('import.preview', { file, defaults: { sectorId: housing } })
    expect(error.issues).toEqual([{ path: ['defaults', 'sectorId'], messageKey: 'validation.unknownReference' }])
  })

  it('remembers the sector chosen for a text, and suggests it for the next file', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const [housing, other] = [await desk.sector('housing'), await desk.sector('other')]
    await desk.ok('import.commit', {
      file: fileInput('march.xlsx', await messyRegisterXlsx()),
      sectorMapping: { жкх: housing, дороги: other, 'білім беру': null },
    })
    expect(await desk.sql("SELECT value FROM settings WHERE key = 'import.sectorMappings'")).toEqual([
      { value: JSON.stringify({ жкх: housing, дороги: other }) },
    ])

    // April's file writes the same texts in other cases and spacing
    const april = await messyRegisterXlsx([
      [10, '01.04.2026', 'Әлиев Марат', null, null, null, '  жкх ', 'Жылу жоқ', null],
    ])
    const preview = await desk.ok('import.preview', { file: fileInput('april.xlsx', april) })
    const byKey = Object.fromEntries(preview.sectors.map((s) => [s.key, s]))
    expect(byKey['жкх']).toMatchObject({ sectorId: housing, source: 'remembered', rows: 2 })
    expect(byKey['дороги']).toMatchObject({ sectorId: other, source: 'remembered' })
    expect(byKey['билим беру']).toMatchObject({ sectorId: null, source: null })
    expect(preview.rows.at(-1)).toMatchObject({ status: 'valid', sectorId: housing })

    // a choice made now overrides the remembered one
    const chosen = await desk.ok('import.preview', {
      file: fileInput('april.xlsx', april),
      sectorMapping: { жкх: other },
    })
    expect(chosen.sectors.find((s) => s.key === 'жкх')).toMatchObject({ sectorId: other, source: 'chosen' })
  })

  it('uses the default sector, channel and type for empty cells and unmapped columns', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const social = await desk.sector('social')
    const file = fileInput('r.xlsx', await messyRegisterXlsx())
    const preview = await desk.ok('import.preview', { file })
    const columns = preview.columns.map((c) => ({
      index: c.index,
      field: c.field === 'sector' || c.field === 'appealType' ? null : c.field,
    }))
    const input = {
      file,
      columns,
      defaults: { sectorId: social, channel: 'reception' as const, appealType: 'proposal' as const },
    }
    const withDefaults = await desk.ok('import.preview', input)
    expect(withDefaults.missingFields).toEqual([])
    expect(withDefaults.counts).toMatchObject({ valid: 5, withProblems: 4 })
    await desk.ok('import.commit', input)
    const rows = (await desk.ok('appeals.list', {})).rows
    expect(new Set(rows.map((r) => `${r.sectorId}/${r.channel}/${r.appealType}`))).toEqual(
      new Set([`${social}/reception/proposal`]),
    )
  })
})
