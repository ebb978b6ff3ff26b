import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api/contract'
import { LIST_EXPORT_LIMIT } from '@shared/domain/appealColumns'
import { translate } from '@shared/i18n'
import { appealInput, bringTo, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { keepPdf, pdfText } from '../helpers/pdf'
import { PDF_TIMEOUT, readSheet, rowValues } from '../helpers/reportFiles'

/**
 * The appeal list printed as it is filtered (appeals.exportList): the rows appeals.list shows
 * for the filter, every page of them, in the chosen columns, as xlsx and PDF, titled with the
 * filter in words. The office clock stands at Monday 20 April 2026: appeals registered in the
 * first quarter and still open are past their 15 working days.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'
/** More than one page of the export's reading (250 rows), so that paging is exercised. */
const OVERDUE_LAND = 260

type ExportInput = ApiInput<'appeals.exportList'>

describe('the appeal list as a file', () => {
  let desk: Desk
  let land: number
  let filters: ExportInput['filters']
  let listed: { regNumber: string; applicantName: string | null }[]

  beforeEach(async () => {
    desk = await openDesk(cleanup, NOW)
    await desk.ok('office.update', {
      nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
      nameRu: 'Аппарат акима Карабасского сельского округа',
      district: 'Бұқар жырау ауданы',
      region: 'Қарағанды облысы',
    })
    land = await desk.sector('land')
    const housing = await desk.sector('housing')
    for (let i = 0; i < OVERDUE_LAND; i++) {
      const day = String(2 + (i % 15)).padStart(2, '0')
      await desk.ok(
        'appeals.create',
        appealInput(land, {
          receivedAt: `2026-03-${day}T10:00`,
          // one IIN under one name: the file must not carry it
          applicant: person({ surname: `Әбілқайыров-${i}`, iin: i === 0 ? IIN.other : null }),
          summary: `Жер учаскесін рәсімдеу, өтініш ${i}`,
        }),
      )
    }
    // outside the filter: another sector, an answered one, one registered after the period
    await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-05T10:00' }))
    const answered = await desk.ok('appeals.create', appealInput(land, { receivedAt: '2026-03-06T10:00' }))
    await bringTo(desk, answered.id, 'answered', '2026-03-20')
    await desk.ok('appeals.create', appealInput(land, { receivedAt: '2026-04-02T10:00' }))

    filters = {
      sectorIds: [land],
      overdue: true,
      from: '2026-01-01',
      to: '2026-03-31',
      sort: 'regNumber',
      order: 'asc',
    }
    listed = []
    for (let offset = 0; ; offset += 100) {
      const page = await desk.ok('appeals.list', { ...filters, offset, limit: 100 })
      listed.push(...page.rows)
      if (listed.length >= page.total) break
    }
  })

  const exportList = async (input: Partial<ExportInput>) => {
    const file = await desk.ok('appeals.exportList', {
      filters,
      columns: ['regNumber', 'applicant', 'summary', 'dueOn'],
      format: 'xlsx',
      lang: 'kk',
      ...input,
    })
    return { ...file, bytes: Buffer.from(file.base64, 'base64') }
  }

  it('writes in Excel exactly the rows the list shows, in its order, in the chosen columns', async () => {
    expect(listed).toHaveLength(OVERDUE_LAND)
    const file = await exportList({ format: 'xlsx' })
    const sheet = await readSheet(file.bytes)

    const title = 'Мерзімі өткен өтініштер, сала: Жер қатынастары, 01.01.2026–31.03.2026'
    expect(rowValues(sheet, 1)[0]).toBe(title)
    expect(String(rowValues(sheet, 2)[0])).toContain('Қарабас ауылдық округі әкімінің аппараты · 20.04.2026')
    expect(String(rowValues(sheet, 2)[0])).toContain(`Барлығы: ${OVERDUE_LAND}`)
    expect(file.fileName).toMatch(/^Мерзімі-өткен-өтініштер-сала-Жер-қатынастары.*\.xlsx$/)

    let header = 0
    for (let r = 1; r <= sheet.rowCount && header === 0; r++) if (rowValues(sheet, r)[0] === 'Нөмірі') header = r
    expect(rowValues(sheet, header)).toEqual(['Нөмірі', 'Өтініш беруші', 'Мазмұны', 'Мерзімі'])
    const rows: unknown[][] = []
    for (let r = header + 1; r <= sheet.rowCount; r++) {
      const values = rowValues(sheet, r)
      if (values.length > 0 && values[0] !== null && values[0] !== undefined) rows.push(values)
    }
    expect(rows).toHaveLength(listed.length)
    expect(rows.map((row) => row[0])).toEqual(listed.map((row) => row.regNumber))
    expect(rows.map((row) => row[1])).toEqual(listed.map((row) => row.applicantName))
    // overdue, as the list's deadline tag says
    expect(String(rows[0]![3])).toMatch(/^\d\d\.\d\d\.2026, мерзімі өтті$/)
  })

  it(
    'prints the same rows in a PDF with Kazakh letters, and keeps personal data out',
    async () => {
      const file = await exportList({
        format: 'pdf',
        columns: ['regNumber', 'receivedAt', 'applicant', 'sector', 'status'],
      })
      const text = await pdfText(file.bytes)
      const png = await keepPdf(file.bytes, 'appeal-list-kk')
      expect(png).toMatch(/appeal-list-kk\.png$/)

      expect(text).toContain('Мерзімі өткен өтініштер, сала: Жер қатынастары, 01.01.2026–31.03.2026')
      expect(text).toContain('Қарабас ауылдық округі әкімінің аппараты')
      expect(text).toContain('20.04.2026')
      const numbers = text.match(/\b2026-\d{6}\b/g) ?? []
      expect(new Set(numbers)).toEqual(new Set(listed.map((row) => row.regNumber)))
      expect(numbers).toHaveLength(listed.length)
      expect(text).toContain('Әбілқайыров-0 Нұрлан Серікұлы')
      expect(text).toContain('Жер қатынастары')
      // a list row carries no IIN, phone or address, and neither does its file
      expect(text).not.toContain(IIN.other)
      expect(text).not.toContain('701 123')
      expect(text).not.toContain('Абай көшесі')
    },
    PDF_TIMEOUT,
  )

  it('titles the file with the filter in Russian and English', async () => {
    const ru = await readSheet((await exportList({ lang: 'ru' })).bytes)
    expect(rowValues(ru, 1)[0]).toBe('Просроченные обращения, сфера: Земельные отношения, 01.01.2026–31.03.2026')
    const en = await readSheet((await exportList({ lang: 'en' })).bytes)
    expect(rowValues(en, 1)[0]).toBe('Overdue appeals, sector: Land relations, 01.01.2026–31.03.2026')
  })

  it('records who exported which filter in the history, never the rows', async () => {
    await exportList({ format: 'xlsx' })
    const [entry] = await desk.sql<{ operator: string; new_value: string }>(
      "SELECT operator, new_value FROM audit_entries WHERE entity = 'export' AND entity_id = 'appeal-list' ORDER BY id DESC LIMIT 1",
    )
    const recorded = JSON.parse(entry!.new_value)
    expect(recorded.filters).toMatchObject({ sectorIds: [land], overdue: true, from: '2026-01-01', to: '2026-03-31' })
    expect(recorded).toMatchObject({ format: 'xlsx', lang: 'kk', rows: OVERDUE_LAND })
    expect(entry!.new_value).not.toContain('Әбілқайыров')
  })

  it('refuses a list longer than the limit, naming its count, before writing anything', async () => {
    const before = await desk.count('audit_entries')
    // rows written straight into the table, as a bulk import would: only their count matters here
    await desk.sql(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
       INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, applicant_kind,
                            applicant_name, summary, status, due_on, review_due_on, created_at, updated_at)
       SELECT printf('00000000-0000-4000-8000-%012d', n), printf('2025-%06d', n), '2025-06-02T10:00', '2025-06-02', 'written',
              'application', ?, 'individual', 'Өтініш беруші ' || n, 'Су құбыры', 'registered', '2025-06-23', '2025-06-23',
              '2025-06-02T00:00:00Z', '2025-06-02T00:00:00Z'
       FROM seq`,
      [LIST_EXPORT_LIMIT + 1, land],
    )
    const error = await desk.fail('appeals.exportList', {
      filters: { from: '2025-01-01', to: '2025-12-31' },
      columns: ['regNumber'],
      format: 'xlsx',
      lang: 'ru',
    })
    expect(error.messageKey).toBe('appealList.tooLong')
    const [issue] = error.issues
    expect(issue).toMatchObject({ path: ['filters'], messageKey: 'appealList.tooMany' })
    expect(issue!.params).toEqual({ count: LIST_EXPORT_LIMIT + 1, limit: LIST_EXPORT_LIMIT })
    expect(translate('ru', issue!.messageKey, issue!.params)).toBe(
      `По фильтру найдено обращений: ${LIST_EXPORT_LIMIT + 1}; файл вмещает не более ${LIST_EXPORT_LIMIT}. Сузьте фильтр.`,
    )
    const after = await desk.count('audit_entries')
    expect(after).toBe(before)
  })
})
