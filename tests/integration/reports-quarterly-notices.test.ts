import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api/contract'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { keepPdf, pdfText } from '../helpers/pdf'
import { exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'

/**
 * The quarterly report's counts of extension notices and redirects, against their stored due
 * dates, worked out by hand. The office clock stands at Thursday 10 April 2025 (Q1 2025 is over).
 * The 2025 calendar: 8 March (Saturday) with its day off carried to Monday 10 March.
 *
 * - Three appeals received Tuesday 25 February 2025, due 19 March; each extended by a decision
 *   of Friday 7 March, the Friday before the 8 March holiday: the notice is due on Tuesday 11,
 *   Wednesday 12, Thursday 13 March → 13 March. Told on the 13th (on time), on the 14th (late),
 *   and not yet.
 * - Two received Tuesday 4 February 2025, redirect due Wednesday 5, Thursday 6, Friday 7 → 7
 *   February: one redirected on the 6th (on time), one on day 11 (5, 6, 7, 10, 11, 12, 13, 14,
 *   17, 18, 19 → 19 February: late).
 * - A third redirected late, then annulled as entered by mistake: counted nowhere.
 */

const cleanup = useCleanup()
let desk: Desk
const Q1 = { kind: 'quarterly' as const, quarter: '2025-Q1', localityId: null }

beforeEach(async () => {
  desk = await openDesk(cleanup, '2025-04-10T10:00:00')
  const housing = await desk.sector('housing')
  const create = (day: string) => desk.ok('appeals.create', appealInput(housing, { receivedAt: `${day}T10:00` }))
  const extend = async (notifiedOn: string | null) => {
    const appeal = await create('2025-02-25')
    expect(appeal.dueOn).toBe('2025-03-19')
    const input: ApiInput<'appeals.extend'> = {
      id: appeal.id,
      extendedDueOn: '2025-04-18',
      reason: 'Комиссия қорытындысы күтілуде',
      decidedOn: '2025-03-07',
    }
    const extended = await desk.ok('appeals.extend', input)
    expect(extended.extension?.noticeDueOn).toBe('2025-03-13')
    if (notifiedOn) await desk.ok('appeals.recordNotice', { id: appeal.id, notifiedOn })
  }
  await extend('2025-03-13')
  await extend('2025-03-14')
  await extend(null)
  const redirect = async (redirectedOn: string) => {
    const appeal = await create('2025-02-04')
    return desk.ok('appeals.transition', { id: appeal.id, to: 'redirected', redirectedTo: 'Облыс', redirectedOn })
  }
  expect(await redirect('2025-02-06')).toMatchObject({ redirectDueOn: '2025-02-07', redirectLate: false })
  expect(await redirect('2025-02-19')).toMatchObject({ redirectDueOn: '2025-02-07', redirectLate: true })
  const annulled = await redirect('2025-02-19')
  await desk.ok('appeals.annul', { id: annulled.id, reason: 'Сынақ жазба' })
})

const LABELS = {
  kk: [
    'Мерзімнің ұзартылғаны туралы мерзімінде хабарланғаны',
    'Мерзімнің ұзартылғаны туралы кешігіп хабарланғаны',
    'Мерзімнің ұзартылғаны туралы әлі хабарланбағаны',
    'Басқа органға мерзімінде жолданғаны',
    'Басқа органға мерзімін өткізіп жолданғаны',
  ],
  ru: [
    'Заявитель уведомлен о продлении в срок',
    'Заявитель уведомлен о продлении с нарушением срока',
    'Заявитель о продлении еще не уведомлен',
    'Направлено по компетенции в срок',
    'Направлено по компетенции с нарушением срока',
  ],
  en: [
    'Applicant told of the extension on time',
    'Applicant told of the extension late',
    'Applicant not yet told of the extension',
    'Redirected on time',
    'Redirected late',
  ],
}

describe('the quarterly report counts notices and redirects against their stored due dates', () => {
  it.each(['kk', 'ru', 'en'] as const)('in the model (%s)', async (lang) => {
    const model = await desk.ok('reports.build', { lang, params: Q1 })
    const rows = model.tables[4]!.rows.slice(4).map((row) => row.slice(1).map((c) => ('value' in c ? c.value : '')))
    expect(rows).toEqual(LABELS[lang].map((label) => [label, 1, 0, 1]))
  })

  it('in the xlsx (ru), read back with exceljs', async () => {
    const sheet = await readSheet(await exportReport(desk.core, 'ru', Q1, 'xlsx'))
    for (const label of LABELS.ru) {
      const row = sheet.getRow(findRow(sheet, label, 2))
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).result]).toEqual([1, 0, 1])
    }
  })

  it.each(['kk', 'ru'] as const)(
    'in the PDF (%s), read back as text',
    async (lang) => {
      const pdf = await exportReport(desk.core, lang, Q1, 'pdf')
      await keepPdf(pdf, `quarterly-notices-${lang}`)
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
      for (const label of LABELS[lang]) {
        // a long label may wrap in its cell: its last word, then the three figures
        const lastWord = label.split(' ').at(-1)!
        expect(text).toMatch(new RegExp(`${lastWord} 1 0 \\+1`))
      }
    },
    PDF_TIMEOUT,
  )
})
