/**
 * Importing a 10,000-row register spreadsheet: 'import.preview' then 'import.commit', as the
 * clerk does, through the API. Each run imports a different file (an imported row is never
 * imported twice). Raw: the same number of appeals, with their full-text entries and audit
 * entries, in one transaction of prepared inserts (no spreadsheet reading).
 */
import ExcelJS from 'exceljs'
import { appealSearchText } from '@shared/domain/search'
import { addDays } from '@shared/domain/dates'
import { API_METHODS } from '@shared/api/methods'
import { INITIAL_SECTORS } from '../src/main/db/migrations/0001-data/sectors'
import type { BenchContext, CoreBench } from './context'
import { validIin } from './cases'
import * as D from './data'
import { stats, type Stats } from './measure'

export const IMPORT_ROWS = 10_000
const ROWS = IMPORT_ROWS

async function spreadsheet(run: number, start: string): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Тіркеу журналы')
  sheet.addRow([
    '№',
    'Түскен күні',
    'Өтініш берушінің аты-жөні',
    'ЖСН',
    'Мекенжайы',
    'Елді мекен',
    'Сала',
    'Қысқаша мазмұны',
    'Орындаушы',
  ])
  for (let i = 0; i < ROWS; i++) {
    const village = D.OKRUGS[i % 6]!.villages[i % 4]!
    const sector = INITIAL_SECTORS[[0, 1, 1, 1, 0, 5, 4, 1][i % 8]!]!
    const [y, m, d] = addDays(start, Math.floor(i / 40))
      .split('-')
      .map(Number)
    sheet.addRow([
      i + 1,
      new Date(Date.UTC(y!, m! - 1, d!)),
      `${D.KK_SURNAMES[(i * 7) % D.KK_SURNAMES.length]} ${D.KK_MALE[i % D.KK_MALE.length]} ${D.KK_MALE[(i * 3) % D.KK_MALE.length]}ұлы`,
      validIin(run * ROWS + i),
      `${village}, ${D.STREETS[i % D.STREETS.length]} көшесі, ${(i % 90) + 1}`,
      village,
      sector.nameKk,
      `${D.QUESTIONS[sector.code]!.kk[i % 3]!.replace('{v}', village).replace('{s}', 'Абай').replace('{n}', String(i))} (импорт ${run}-${i})`,
      D.STAFF[i % 10]![0],
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

/** At the largest size of the run only: each run imports 10,000 appeals more. */
export async function importCase(b: BenchContext): Promise<void> {
  await importRuns(b, () => rawImport(b))
}

/** The import through the API on either engine, then `rawImport` (the same rows written raw), timed. */
export async function importRuns(b: CoreBench, rawImport: () => Promise<Stats> | Stats): Promise<void> {
  if (!b.largest) return
  if (!(API_METHODS as readonly string[]).includes('import.commit')) {
    b.results.push({
      size: b.label,
      operation: 'import of a 10,000-row xlsx',
      app: null,
      raw: null,
      baseline: '',
      budget: { ms: 5000, on: 'median' },
      note: 'not measurable: no import.* API yet',
    })
    return
  }
  const start = addDays(b.meta.end, -300)
  const previews: number[] = []
  const commits: number[] = []
  const totals: number[] = []
  let note = ''
  for (let run = 0; run < 3; run++) {
    const file = { fileName: `register-${run}.xlsx`, base64: await spreadsheet(run + 1, start) }
    let t = process.hrtime.bigint()
    const preview = await b.call('import.preview', { file })
    const p = Number(process.hrtime.bigint() - t) / 1e6
    t = process.hrtime.bigint()
    const result = await b.call('import.commit', { file, importId: `bench-${run}` })
    const c = Number(process.hrtime.bigint() - t) / 1e6
    note = `${preview.counts.valid} valid, ${result.imported} imported; preview / commit medians in the next rows`
    if (result.imported < ROWS * 0.95) note += ` — only ${result.imported} imported: check the bench's file`
    if (run === 0) continue // warm-up
    previews.push(p)
    commits.push(c)
    totals.push(p + c)
  }
  const raw = await rawImport()
  b.results.push({
    size: b.label,
    operation: 'import of a 10,000-row xlsx (preview + commit)',
    app: stats(totals),
    raw,
    baseline: b.postgresUrl
      ? '10,000 rows + audit, 500-row INSERTs in one transaction, raw pg'
      : '10,000 rows + FTS + audit, prepared inserts, raw',
    budget: { ms: 5000, on: 'median' },
    note,
  })
  b.results.push({
    size: b.label,
    operation: '  import.preview',
    app: stats(previews),
    raw: null,
    baseline: '',
    budget: null,
  })
  b.results.push({
    size: b.label,
    operation: '  import.commit',
    app: stats(commits),
    raw,
    baseline: 'as above',
    budget: null,
  })
}

function rawImport(b: BenchContext): Stats {
  const insert = b.raw
    .prepare(`INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, applicant_kind,
    applicant_name, applicant_id_number, summary, status, due_on, review_due_on, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'written', 'application', 1, 'individual', ?, ?, ?, 'registered', ?, ?, ?, ?, ?)`)
  const audit = b.raw.prepare(
    "INSERT INTO audit_entries (at, operator, entity, entity_id, action, new_value, prev_hash, hash) VALUES (?, 'bench', 'appeal', ?, 'create', ?, ?, ?)",
  )
  const samples: number[] = []
  for (let run = 0; run < 2; run++) {
    const t = process.hrtime.bigint()
    b.raw.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const reg = `9${run}${String(i).padStart(3, '0')}-${String(i).padStart(6, '0')}`
        const at = new Date().toISOString()
        const name = `${D.KK_SURNAMES[i % 50]} ${D.KK_MALE[i % 20]}`
        const summary = `Жолды жөндеу ${i}`
        const id = insert.run(
          crypto.randomUUID(),
          reg,
          `${b.meta.end}T10:00`,
          b.meta.end,
          name,
          null,
          summary,
          b.meta.end,
          b.meta.end,
          appealSearchText(reg, name, summary),
          at,
          at,
        ).lastInsertRowid
        audit.run(at, String(id), JSON.stringify({ reg, summary }), 'x', 'y')
      }
    })()
    samples.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return stats(samples)
}
