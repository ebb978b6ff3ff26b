import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, ReportModel, ReportTable } from '@shared/api/contract'
import { addDays } from '@shared/domain/dates'
import { appealInput, BIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'
import { keepPdf, pdfText } from '../helpers/pdf'

/**
 * The quarterly report on a small register worked out by hand. The office clock stands at
 * Thursday 10 April 2025, so Q1 2025 is over and compared with Q1 2024:
 *
 *   Q1 2025  housing  H1 reception  application  individual            satisfied fully, on time
 *                     H2 written    complaint    organisation          refused, answered late
 *                     H3 reception  application  individual, collective redirected
 *                     H4 e_otinish  proposal     anonymous             not considered (APPK): closed, never overdue
 *            land     L1 reception  request      individual, repeated  explained, on time
 *                     L2 phone      application  individual            open, due 17.04 → in progress
 *            social   S1 reception  complaint    individual            withdrawn → closed
 *                     S2 site_visit report       individual            satisfied partly, on time
 *   Q1 2024  housing  P1 reception  application  individual            explained, on time
 *            land     P2 reception  application  individual            open
 *                     P3 written    complaint    organisation          explained, on time
 *   outside  one appeal on 02.04.2024 and one on 01.04.2025: in neither quarter.
 */

const cleanup = useCleanup()
const NOW = '2025-04-10T10:00:00'
const Q1 = '2025-Q1'

let desk: Desk
let model: ReportModel

type NewAppeal = ApiInput<'appeals.create'>
const organisation = { kind: 'organisation' as const, name: '«Топар су» ЖШС', bin: BIN, phone: null, address: null }

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  const [housing, land, social] = [await desk.sector('housing'), await desk.sector('land'), await desk.sector('social')]
  const create = async (sectorId: number, day: string, over: Partial<NewAppeal> = {}) =>
    desk.ok('appeals.create', appealInput(sectorId, { receivedAt: `${day}T10:00`, ...over }))
  const answer = async (
    appeal: { id: number; dueOn: string },
    outcome: 'satisfied_fully' | 'satisfied_partly' | 'explained' | 'refused',
    late = false,
  ) => {
    await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
    const answeredOn = late ? addDays(appeal.dueOn, 8) : appeal.dueOn
    await desk.ok('appeals.transition', {
      id: appeal.id,
      to: 'answered',
      outcome,
      answerText: 'Жауап берілді',
      answeredOn,
    })
  }

  // Q1 2024 (Tuesday 6 February 2024)
  await answer(await create(housing, '2024-02-06'), 'explained')
  const p2 = await create(land, '2024-02-06', { applicant: person({ iin: null }) })
  await answer(
    await create(land, '2024-02-06', { channel: 'written', appealType: 'complaint', applicant: organisation }),
    'explained',
  )
  // Q1 2025 (Tuesday 4 February 2025, and Thursday 27 March 2025 for L2)
  await answer(await create(housing, '2025-02-04'), 'satisfied_fully')
  await answer(
    await create(housing, '2025-02-04', { channel: 'written', appealType: 'complaint', applicant: organisation }),
    'refused',
    true,
  )
  const h3 = await create(housing, '2025-02-04', { collective: true, signatories: 12 })
  await desk.ok('appeals.transition', {
    id: h3.id,
    to: 'redirected',
    redirectedTo: 'Облыстық энергетика басқармасы',
    redirectedOn: '2025-02-06',
  })
  await create(housing, '2025-02-04', {
    channel: 'e_otinish',
    appealType: 'proposal',
    applicant: { kind: 'anonymous' },
  })
  await answer(
    await create(land, '2025-02-04', { appealType: 'request', applicant: person({ iin: null }), repeatedOfId: p2.id }),
    'explained',
  )
  await create(land, '2025-03-27', { channel: 'phone' })
  const s1 = await create(social, '2025-02-04', { appealType: 'complaint' })
  await desk.ok('appeals.transition', { id: s1.id, to: 'withdrawn', reason: 'Өтініш беруші кері қайтарып алды' })
  await answer(await create(social, '2025-02-04', { channel: 'site_visit', appealType: 'report' }), 'satisfied_partly')
  // In neither quarter
  await create(housing, '2024-04-02')
  await create(housing, '2025-04-01')

  model = await desk.ok('reports.build', { lang: 'kk', params: { kind: 'quarterly', quarter: Q1 } })
})

/** A table's rows as [label, …cells as text], the total row last. */
const rowsOf = (table: ReportTable) =>
  [...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
    row.slice(1).map((cell) => ('value' in cell ? cell.value : '')),
  )

describe('quarterly report', () => {
  it('names the quarter and the one it is compared with', () => {
    expect(model.title).toBe('2025 жылғы I тоқсанда түскен өтініштер туралы есеп')
    expect(model.period).toBe('2025 ж. I тоқсан')
    expect(model.parameters).toEqual(['Салыстыру: 2024 ж. I тоқсан'])
    expect(model.notes).toEqual([expect.stringContaining('10.04.2025')])
  })

  it('counts received by sector × outcome, beside Q1 2024 and the difference', () => {
    const table = model.tables[0]!
    expect(table.columns.map((c) => c.header)).toEqual([
      'р/с',
      'Сала',
      '2025 ж. I тоқсан',
      '2024 ж. I тоқсан',
      'Айырма (+/-)',
      'Қанағат-\nтандырылды',
      'Түсіндірілді',
      'Бас тартылды',
      'Басқа органға жолданды',
      'Қаралуда',
      'Мерзімі өткен',
      'Қараусыз қалдырылды немесе кері қайтарылды',
    ])
    const rows = new Map(rowsOf(table).map(([label, ...cells]) => [label, cells]))
    //                                      now before diff  sat expl ref redir prog overdue closed
    expect(rows.get('Әлеуметтік сала')).toEqual([2, 0, 2, 1, 0, 0, 0, 0, 0, 1])
    expect(rows.get('Тұрғын үй-коммуналдық шаруашылығы')).toEqual([4, 1, 3, 1, 0, 1, 1, 0, 0, 1])
    expect(rows.get('Жер қатынастары')).toEqual([2, 2, 0, 0, 1, 0, 0, 1, 0, 0])
    expect(rows.get('Төтенше жағдайлар')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(rows.get('Барлығы')).toEqual([8, 3, 5, 2, 1, 1, 1, 1, 0, 2])
    // every active sector is listed, in catalog order, numbered
    expect(table.rows.map((row) => row[0])).toEqual(table.rows.map((_, i) => ({ kind: 'count', value: i + 1 })))
    expect(table.rows).toHaveLength(8)
  })

  it('counts by channel, type and applicant, each with Q1 2024 and the difference', () => {
    const [, channels, types, applicants] = model.tables
    expect(rowsOf(channels!)).toEqual([
      ['Жеке қабылдау', 4, 2, 2],
      ['Есептік кездесу', 0, 0, 0],
      ['Жазбаша', 1, 1, 0],
      ['e-Өтініш (электронды)', 1, 0, 1],
      ['Телефон', 1, 0, 1],
      ['Көшпелі қабылдау', 1, 0, 1],
      ['Барлығы', 8, 3, 5],
    ])
    expect(rowsOf(types!)).toEqual([
      ['Арыз', 3, 2, 1],
      ['Шағым', 2, 1, 1],
      ['Ұсыныс', 1, 0, 1],
      ['Сұрау салу', 1, 0, 1],
      ['Пікір', 0, 0, 0],
      ['Хабарлама', 1, 0, 1],
      ['Барлығы', 8, 3, 5],
    ])
    expect(rowsOf(applicants!)).toEqual([
      ['Жеке тұлға', 6, 2, 4],
      ['Ұйым', 1, 1, 0],
      ['Анонимді', 1, 0, 1],
      ['Кездесуде көтерілген', 0, 0, 0],
      ['Барлығы', 8, 3, 5],
    ])
  })

  it('counts collective, repeated, answered on time and late, notices and redirects', () => {
    expect(rowsOf(model.tables[4]!)).toEqual([
      ['Ұжымдық өтініштер', 1, 0, 1],
      ['Қайталама өтініштер', 1, 0, 1],
      ['Мерзімінде жауап берілгені', 3, 2, 1],
      ['Мерзімін өткізіп жауап берілгені', 1, 0, 1],
      // no extension here (reports-quarterly-notices.test.ts has them)
      ['Мерзімнің ұзартылғаны туралы мерзімінде хабарланғаны', 0, 0, 0],
      ['Мерзімнің ұзартылғаны туралы кешігіп хабарланғаны', 0, 0, 0],
      ['Мерзімнің ұзартылғаны туралы әлі хабарланбағаны', 0, 0, 0],
      // H3, registered Tuesday 4 February, due Friday 7th, redirected on the 6th
      ['Басқа органға мерзімінде жолданғаны', 1, 0, 1],
      ['Басқа органға мерзімін өткізіп жолданғаны', 0, 0, 0],
    ])
    expect(model.tables[4]!.total).toBeUndefined()
  })

  it('charts received by sector for both quarters', () => {
    const chart = model.charts[0]!
    expect(chart.series.map((s) => s.name)).toEqual(['2025 ж. I тоқсан', '2024 ж. I тоқсан'])
    const at = (name: string) => chart.categories.indexOf(name)
    expect(chart.series[0]!.values[at('Тұрғын үй-коммуналдық шаруашылығы')]).toBe(4)
    expect(chart.series[1]!.values[at('Жер қатынастары')]).toBe(2)
  })

  it('writes the differences as live formulas carrying their values, and totals as SUMs (ru xlsx)', async () => {
    const sheet = await readSheet(
      await exportReport(desk.core, 'ru', { kind: 'quarterly', quarter: Q1, localityId: null }, 'xlsx'),
    )
    expect(sheet.getCell('A1').value).toBe('Отчет об обращениях за I квартал 2025 года')
    const header = findRow(sheet, '№ п/п')
    expect(sheet.getRow(header).getCell(3).value).toBe('I квартал 2025 г.')
    const housing = sheet.getRow(findRow(sheet, 'Жилищно-коммунальное хозяйство', 2))
    expect([3, 4].map((c) => housing.getCell(c).value)).toEqual([4, 1])
    expect(housing.getCell(5).formula).toBe(`C${housing.number}-D${housing.number}`)
    expect(housing.getCell(5).result).toBe(3)
    expect(housing.getCell(5).numFmt).toBe('+0;-0;0')
    const total = sheet.getRow(findRow(sheet, 'Итого', 2))
    expect(total.getCell(3).formula).toBe(`SUM(C${header + 1}:C${total.number - 1})`)
    expect(total.getCell(3).result).toBe(8)
    expect(total.getCell(11).result).toBe(0) // overdue: the anonymous appeal has no term
    expect(sheet.pageSetup.orientation).toBe('landscape')
  })

  it(
    'prints the quarter in a landscape PDF with the signature line (kk)',
    async () => {
      const pdf = await exportReport(desk.core, 'kk', { kind: 'quarterly', quarter: Q1, localityId: null }, 'pdf')
      await keepPdf(pdf, 'quarterly-kk')
      const text = await pdfText(pdf)
      expect(text).toContain('2025 жылғы I тоқсанда түскен өтініштер туралы есеп')
      expect(text).toMatch(/Тұрғын үй-коммуналдық\s+4\s+1\s+\+3\s+1\s+0\s+1\s+1\s+0\s+0\s+1/)
      expect(text).toMatch(/Барлығы\s+8\s+3\s+\+5/)
      expect(text).toContain('Орындаған')
    },
    PDF_TIMEOUT,
  )

  it('refuses a malformed quarter', async () => {
    const error = await desk.fail('reports.build', { lang: 'kk', params: { kind: 'quarterly', quarter: '2025-Q5' } })
    expect(error.issues).toEqual([{ path: ['params', 'quarter'], messageKey: 'validation.quarter' }])
  })
})
