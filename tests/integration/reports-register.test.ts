import { Readable } from 'node:stream'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PDF_ROW_LIMIT, type ReportModel } from '@shared/reports/model'
import { translate } from '@shared/i18n'
import type { Core } from '../../src/main/core'
import { workerWriter } from '../../src/main/reports/writers'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { holdBuiltApp } from '../helpers/buildLock'
import { useCleanup } from '../helpers/cleanup'
import { ADMIN } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { pdfChosenPageTexts, pdfPageTexts } from '../helpers/pdfPageTexts'
import { exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'
import { keepPdf, pdfText } from '../helpers/pdf'

/**
 * The register (журнал) of a period: every appeal, one row each, in registration-number order;
 * Excel through the streaming writer for any length, PDF (drawn with pdfkit) up to PDF_ROW_LIMIT
 * rows, a year of a large district. The office
 * clock stands at Thursday 10 April 2025.
 */

const cleanup = useCleanup()
const NOW = '2025-04-10T10:00:00'
const ROOT = join(__dirname, '../..')
const Q1 = { kind: 'register' as const, from: '2025-01-01', to: '2025-03-31', localityId: null }

/**
 * Appeals written straight into the table (as a bulk import would): numbers 2025-<first>…,
 * registered over the first `days` days of 2025, round and round. With `shuffled`, the numbers
 * are a permutation of the same range in insertion (id) order; with `localities`, the appeals
 * go to those localities in turn.
 */
async function bulkAppeals(
  core: Core,
  count: number,
  { first = 1, days = 365, shuffled = false, localities = [] as number[] } = {},
): Promise<void> {
  const db = core.database.dataSource
  const [housing] = (await db.query("SELECT id FROM sectors WHERE code = 'housing'")) as { id: number }[]
  const day = `date('2025-01-01', '+' || (n % ${days}) || ' days')`
  // 7919 is prime: n -> n * 7919 mod count is a permutation whenever count is not a multiple of it.
  const number = shuffled ? `${first} + ((n - ${first}) * 7919) % ${count}` : 'n'
  const locality =
    localities.length > 0 ? `json_extract(?, '$[' || CAST(n % ${localities.length} AS INTEGER) || ']')` : 'NULL'
  await db.query(
    `WITH RECURSIVE seq(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
     INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id, applicant_kind,
                          applicant_name, summary, status, due_on, review_due_on, created_at, updated_at)
     SELECT printf('00000000-0000-4000-8000-%012d', n), printf('2025-%06d', ${number}), ${day} || 'T10:00', ${day}, 'written', 'application', ?,
            ${locality}, 'individual', 'Өтініш беруші ' || n, 'Көшедегі су құбыры жарылған, жөндеуді сұраймын (' || n || ')', 'registered',
            date(${day}, '+21 days'), date(${day}, '+21 days'), '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
     FROM seq`,
    [first, first + count - 1, housing!.id, ...(localities.length > 0 ? [JSON.stringify(localities)] : [])],
  )
}

/**
 * Counts the data rows of the register sheet with the streaming reader (the file is not loaded
 * whole), with the row number and registration number of each (the first two columns).
 */
async function countDataRows(bytes: Buffer): Promise<{ rows: number; last: unknown[]; numbers: [unknown, unknown][] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  })
  let rows = 0
  let last: unknown[] = []
  const numbers: [unknown, unknown][] = []
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number > 4) {
        rows += 1
        last = (row.values as unknown[]).slice(1)
        numbers.push([last[0], last[1]])
      }
    }
  }
  return { rows, last, numbers }
}

/** The first two columns the register should have for these numbers: 1, 2, … and the number. */
const listed = (regNumbers: string[]) => regNumbers.map((n, i) => [i + 1, n])
const regNumber = (n: number) => `2025-${String(n).padStart(6, '0')}`

describe('register of a period', () => {
  let desk: Desk
  let model: ReportModel

  beforeEach(async () => {
    desk = await openDesk(cleanup, NOW)
    const [housing, land] = [await desk.sector('housing'), await desk.sector('land')]
    const okrug = await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
    })
    const village = await desk.ok('localities.create', {
      kind: 'settlement',
      parentId: okrug.id,
      nameKk: 'Қарабас',
      nameRu: 'Карабас',
    })
    const executor = await desk.ok('staff.create', {
      fullName: 'Оспанов Ержан Болатұлы',
      position: 'Бөлім басшысы',
      isExecutor: true,
    })

    await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2024-12-30T10:00' })) // before the period
    const first = await desk.ok(
      'appeals.create',
      appealInput(housing, { receivedAt: '2025-02-04T10:00', localityId: village.id, executorId: executor.id }),
    )
    await desk.ok('appeals.transition', { id: first.id, to: 'in_progress' })
    await desk.ok('appeals.transition', {
      id: first.id,
      to: 'answered',
      outcome: 'satisfied_fully',
      answerText: 'Құбыр жөнделді',
      answeredOn: '2025-02-20',
    })
    await desk.ok(
      'appeals.create',
      appealInput(land, {
        receivedAt: '2025-02-05T10:00',
        applicant: { kind: 'anonymous' },
        channel: 'e_otinish',
        appealType: 'complaint',
        summary: 'Жер учаскесі заңсыз бөлінген',
      }),
    )
    // received after hours on Monday 31 March: registered on Tuesday 1 April, outside Q1
    await desk.ok('appeals.create', appealInput(land, { receivedAt: '2025-03-31T19:00' }))
    await desk.ok(
      'appeals.create',
      appealInput(housing, { receivedAt: '2025-03-27T10:00', collective: true, signatories: 25, channel: 'written' }),
    )
    model = await desk.ok('reports.build', { lang: 'kk', params: Q1 })
  })

  it('lists every appeal registered in the period, one row each, in number order', () => {
    expect(model.title).toBe('Өтініштерді тіркеу журналы')
    expect(model.period).toBe('01.01.2025 – 31.03.2025')
    expect(model.parameters).toEqual(['Өтініштер саны: 3'])
    expect(model.rowsTotal).toBe(3)
    expect(model.limits).toEqual({ pdfRows: PDF_ROW_LIMIT })
    const table = model.tables[0]!
    expect(table.columns.map((c) => c.header)).toEqual([
      'р/с',
      'Тіркеу нөмірі',
      'Тіркелген күні',
      'Өтініш беруші',
      'Елді мекен',
      'Түсу арнасы',
      'Өтініш түрі',
      'Саласы',
      'Қысқаша мазмұны',
      'Орындаушы',
      'Орындау мерзімі',
      'Қарау нәтижесі',
      'Орындалған күні',
    ])
    expect(table.rows).toHaveLength(3)
    expect(table.rows[0]).toEqual([
      { kind: 'count', value: 1 },
      { kind: 'text', value: '2025-000001' },
      { kind: 'date', value: '2025-02-04' },
      { kind: 'text', value: 'Жұмабеков Нұрлан Серікұлы' },
      { kind: 'text', value: 'Қарабас' },
      { kind: 'text', value: 'Жеке қабылдау' },
      { kind: 'text', value: 'Арыз' },
      { kind: 'text', value: 'Тұрғын үй-коммуналдық шаруашылығы' },
      { kind: 'text', value: 'Көшедегі су құбыры жарылған, жөндеуді сұраймын' },
      { kind: 'text', value: 'Оспанов Ержан Болатұлы' },
      { kind: 'date', value: '2025-02-25' },
      { kind: 'text', value: 'Толық қанағаттандырылды' },
      { kind: 'date', value: '2025-02-20' },
    ])
    const [, anonymous, collective] = table.rows
    expect(anonymous!.slice(3, 9).map((c) => ('value' in c ? c.value : null))).toEqual([
      'Анонимді',
      null,
      'e-Өтініш (электронды)',
      'Шағым',
      'Жер қатынастары',
      'Жер учаскесі заңсыз бөлінген',
    ])
    // anonymous: left without consideration as it was registered (APPK), never overdue
    expect(anonymous![11]).toEqual({ kind: 'text', value: 'Қараусыз қалдырылды' })
    expect(anonymous![12]).toEqual({ kind: 'empty' })
    expect(collective![3]).toEqual({ kind: 'text', value: 'Жұмабеков Нұрлан Серікұлы (ұжымдық, 25 қол)' })
    expect(collective![11]).toEqual({ kind: 'text', value: 'Тіркелді' })
  })

  it('limits the register to a locality and its settlements', async () => {
    const okrug = (await desk.ok('localities.list', {})).find((l) => l.kind === 'okrug')!
    const scoped = await desk.ok('reports.build', { lang: 'ru', params: { ...Q1, localityId: okrug.id } })
    expect(scoped.tables[0]!.rows.map((row) => row[1])).toEqual([{ kind: 'text', value: '2025-000001' }])
    expect(scoped.parameters).toEqual(['Количество обращений: 1', 'Населенный пункт: Карабасский сельский округ'])
  })

  it('writes dates as real Excel dates and the header row repeated on print (ru xlsx)', async () => {
    const sheet = await readSheet(await exportReport(desk.core, 'ru', Q1, 'xlsx'))
    const header = findRow(sheet, '№ п/п')
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`)
    expect(sheet.pageSetup.orientation).toBe('landscape')
    expect(sheet.getCell('A1').value).toBe('Журнал регистрации обращений')
    expect(sheet.model.merges).toContain('A1:M1')
    const first = sheet.getRow(header + 1)
    expect(first.getCell(2).value).toBe('2025-000001')
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2025, 1, 4)))
    expect(first.getCell(3).numFmt).toBe('dd.mm.yyyy')
    expect(first.getCell(11).value).toEqual(new Date(Date.UTC(2025, 1, 25)))
    expect(first.getCell(12).value).toBe('Удовлетворено полностью')
    expect(first.getCell(3).font).toMatchObject({ name: 'Times New Roman' })
    expect(sheet.getRow(header + 3).getCell(2).value).toBe('2025-000004')
    expect(sheet.getRow(header + 4).getCell(2).value).toBeNull()
  })

  it(
    'prints the register as a landscape PDF when it fits (kk)',
    async () => {
      const pdf = await exportReport(desk.core, 'kk', Q1, 'pdf')
      await keepPdf(pdf, 'register-kk')
      const text = await pdfText(pdf)
      expect(text).toContain('Өтініштерді тіркеу журналы')
      expect(text).toContain('01.01.2025 – 31.03.2025')
      expect(text).toMatch(/1\s+2025-000001\s+04\.02\.2025/)
      expect(text).toMatch(/3\s+2025-000004\s+27\.03\.2025/)
      expect(text).not.toContain('2025-000003')
      expect(text).toContain(`Орындаған: ${ADMIN.operator}`)
    },
    PDF_TIMEOUT,
  )
})

const WHOLE_YEAR = { kind: 'register' as const, from: '2025-01-01', to: '2025-12-31', localityId: null }

describe('a long register', () => {
  let desk: Desk

  beforeEach(async () => {
    desk = await openDesk(cleanup, NOW)
  })

  it('streams 20,000 rows to Excel page by page in flat memory, and previews the first rows', async () => {
    await bulkAppeals(desk.core, 20_000)
    let peak = 0
    const base = process.memoryUsage().heapUsed
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed - base)), 5)
    const bytes = await exportReport(desk.core, 'kk', WHOLE_YEAR, 'xlsx').finally(() => clearInterval(sampler))
    // Measured on this stack: ~40 MB streamed; exceljs's in-memory workbook ~370 MB for these rows.
    expect(peak).toBeLessThan(100 * 1024 * 1024)
    const { rows, last } = await countDataRows(bytes)
    expect(rows).toBe(20_000)
    expect(last.slice(0, 2)).toEqual([20_000, '2025-020000'])

    const model = await desk.ok('reports.build', { lang: 'ru', params: WHOLE_YEAR })
    expect(model.rowsTotal).toBe(20_000)
    // the preview holds the first 3,000 rows; the files are written from the database
    expect(model.tables[0]!.rows).toHaveLength(3000)
    expect(model.tables[0]!.rows.at(-1)![1]).toEqual({ kind: 'text', value: '2025-003000' })
    expect(model.limits).toEqual({ pdfRows: 20_000 })
  }, 180_000)

  it('lists the rows in number order across pages, also limited to a locality', async () => {
    const okrug = await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
    })
    const village = await desk.ok('localities.create', {
      kind: 'settlement',
      parentId: okrug.id,
      nameKk: 'Қарабас',
      nameRu: 'Карабас',
    })
    const other = await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Ақбұлақ ауылдық округі',
      nameRu: 'Акбулакский сельский округ',
    })
    // 2,500 rows (ten pages of the register's reading) whose numbers do not follow their ids
    const count = 2500
    await bulkAppeals(desk.core, count, { shuffled: true, localities: [village.id, other.id, okrug.id] })
    const all = Array.from({ length: count }, (_, i) => regNumber(i + 1))

    const whole = await countDataRows(await exportReport(desk.core, 'kk', WHOLE_YEAR, 'xlsx'))
    expect(whole.numbers).toEqual(listed(all))

    // Appeal n (inserted n-th) went to localities[n % 3] and got number (n * 7919) % count + 1.
    const inOkrug = Array.from({ length: count }, (_, i) => i + 1)
      .filter((n) => n % 3 !== 1)
      .map((n) => (((n - 1) * 7919) % count) + 1)
      .sort((a, b) => a - b)
      .map(regNumber)
    const scoped = { ...WHOLE_YEAR, localityId: okrug.id }
    expect((await countDataRows(await exportReport(desk.core, 'kk', scoped, 'xlsx'))).numbers).toEqual(listed(inOkrug))
    const model = await desk.ok('reports.build', { lang: 'kk', params: scoped })
    expect(model.rowsTotal).toBe(inOkrug.length)
    expect(model.tables[0]!.rows.map((row) => [row[0]!, row[1]!].map((c) => ('value' in c ? c.value : null)))).toEqual(
      listed(inOkrug),
    )
  }, 180_000)

  it('draws every row of a long register once, in order, across its pages', async () => {
    // 2,000 rows: some 125 pages, and eight pages of the register's reading from the database
    await bulkAppeals(desk.core, 2000)
    const pages = await pdfPageTexts(await exportReport(desk.core, 'kk', WHOLE_YEAR, 'pdf'))
    // rows of two or three lines, some 15 to a page
    expect(pages.length).toBeGreaterThan(2000 / 20)
    const numbers = pages.join(' ').match(/2025-0\d{5}/g)!
    expect(numbers).toHaveLength(2000)
    expect(numbers.every((n, i) => n === regNumber(i + 1))).toBe(true)
    expect(pages.at(-1)).toMatch(/2000\s+2025-002000/)
  }, 180_000)

  it('makes a PDF of exactly the limit, the signature on its last page, and refuses one row more', async () => {
    expect(PDF_ROW_LIMIT).toBe(20_000)
    await bulkAppeals(desk.core, PDF_ROW_LIMIT)
    const pdf = await exportReport(desk.core, 'kk', WHOLE_YEAR, 'pdf')
    // Its first and last pages: reading all of them takes half a minute (the test above reads
    // every page of a shorter one).
    const { count, text } = await pdfChosenPageTexts(pdf, (pages) => [1, pages])
    expect(count).toBeGreaterThan(PDF_ROW_LIMIT / 20)
    expect(text.get(1)).toMatch(/Өтініштерді тіркеу журналы.*Өтініштер саны: 20000.*1\s+2025-000001\s+02\.01\.2025/)
    const last = text.get(count)!
    expect(last).toMatch(/20000\s+2025-020000/)
    expect(last).toContain(`Орындаған: ${ADMIN.operator}`)
    expect(last).toContain(`${count}-бет, барлығы ${count}`)

    await bulkAppeals(desk.core, 1, { first: PDF_ROW_LIMIT + 1 })
    const error = await desk.fail('reports.export', { lang: 'ru', params: WHOLE_YEAR, format: 'pdf' })
    expect(error).toEqual({
      code: 'validation',
      messageKey: 'reports.pdfTooLarge',
      issues: [{ path: ['format'], messageKey: 'reports.pdfRowLimit', params: { rows: 20_001, limit: 20_000 } }],
    })
    expect(translate('ru', error.issues[0]!.messageKey, error.issues[0]!.params)).toBe(
      'Строк за период: 20001; PDF вмещает не более 20000.',
    )
    // Excel takes it
    expect((await countDataRows(await exportReport(desk.core, 'kk', WHOLE_YEAR, 'xlsx'))).rows).toBe(20_001)
  }, 600_000)
})

describe('the built report worker', () => {
  // Others build out/ on this machine too: build, and keep it as built while the worker runs.
  let release: (() => void) | undefined
  beforeAll(async () => {
    release = await holdBuiltApp()
  }, 900_000) // waits for the lock while others build
  afterAll(() => release?.())

  it('writes a long register off the main thread, asking this thread for each page and reporting its progress', async () => {
    const core = await startTestCore(join(cleanup.tempDir(), 'akimat.sqlite'), {
      clock: () => new Date(NOW),
      reportWriter: workerWriter(join(ROOT, 'out/main/reportWorker.js')),
    })
    cleanup.defer(() => core.close())
    await bulkAppeals(core, 5000)
    const { rows, last } = await countDataRows(await exportReport(core, 'ru', WHOLE_YEAR, 'xlsx'))
    expect(rows).toBe(5000)
    expect(last.slice(0, 2)).toEqual([5000, '2025-005000'])
    const pdf = await exportReport(core, 'ru', { ...WHOLE_YEAR, to: '2025-01-05' }, 'pdf')
    expect((await pdfPageTexts(pdf))[0]).toContain('Журнал регистрации обращений')

    // The register's PDF of all 5,000 rows, followed with reports.progress while it is drawn:
    // the worker reports rows drawn page by page, up to all of them.
    const seen: number[] = []
    const exportId = 'register-5000'
    const polling = setInterval(() => {
      void core.dispatch('reports.progress', { exportId }, ADMIN).then((result) => {
        if (result.ok) seen.push((result.data as { done: number }).done)
      })
    }, 20)
    const exported = await core
      .dispatch('reports.export', { lang: 'kk', params: WHOLE_YEAR, format: 'pdf', exportId }, ADMIN)
      .finally(() => clearInterval(polling))
    expect(exported.ok).toBe(true)
    expect(await core.dispatch('reports.progress', { exportId }, ADMIN)).toEqual({
      ok: true,
      data: { exportId, done: 5000, total: 5000 },
    })
    expect(seen.some((done) => done > 0 && done < 5000)).toBe(true)
  }, 300_000)
})
