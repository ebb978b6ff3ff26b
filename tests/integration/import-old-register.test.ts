import { describe, expect, it } from 'vitest'
import type { ImportPreview, ImportRow } from '@shared/api/contract'
import { LANGUAGES, translate } from '@shared/i18n'
import { useCleanup } from '../helpers/cleanup'
import { BIN, IIN, appealInput, openDesk, type Desk } from '../helpers/appeals'
import {
  OLD_REGISTER_HEADER_KK,
  OLD_REGISTER_HEADER_RU,
  excelDate,
  fileInput,
  oldRegisterXlsx,
} from '../helpers/importFiles'

/**
 * An office's old register brought in as it was: its own numbers and registration dates, the
 * status each appeal reached and its answer, in a Kazakh and a Russian register, numbered in
 * the order of their dates from each year's own counter.
 */
const cleanup = useCleanup()
const TODAY = '2026-12-10' // a Thursday

/** Born 2030-01-15 (digit 7 = 5: a man born in the 2000s), with a valid check digit. */
const FUTURE_IIN = '300115500122'

/** The Kazakh register, in the sheet's order (row numbers from 3): December's first, then October's. */
const KK_ROWS = [
  // row 3: answered in time
  [
    1,
    'К-310',
    '01.12.2026',
    'Жұмабеков Нұрлан Серікұлы',
    IIN.nurlan,
    'Су құбыры жарылған',
    'Қаралды',
    'Түсіндірілді',
    '04.12.2026',
    'Жөндеу жоспарға енгізілді',
  ],
  // row 4: answered late (its term ran out in early November)
  [
    2,
    'К-250',
    excelDate(2026, 10, 12),
    'Сейітова Айгүл Болатқызы',
    IIN.aigul,
    'Жер телімін ресімдеу',
    'Жауап берілді',
    'Толық қанағаттандырылды',
    excelDate(2026, 11, 20),
    'Телім ресімделді',
  ],
  // row 5: still in work, its term long past
  [3, 'К-251', '13.10.2026', 'ТОО «Береке»', BIN, 'Жайылымды жалға алу', 'Орындалуда', null, null, null],
  // row 6: no status: registered, its term still running
  [4, 'К-311', '08.12.2026', 'Омаров Ерлан Қайратұлы', IIN.other, 'Көше жарығы жоқ', null, null, null, null],
  // row 7: last year's, answered
  [
    5,
    'К-900',
    '10.11.2025',
    'Жұмабеков Нұрлан Серікұлы',
    null,
    'Былтырғы өтініш',
    'Қаралды',
    'Бас тартылды',
    '25.11.2025',
    null,
  ],
  // row 8: an IIN whose birth date lies in the future, on a person's row
  [6, 'К-312', '09.12.2026', 'Ахметов Серік Болатұлы', FUTURE_IIN, 'Жол жөндеу', null, null, null, null],
  // row 9: answered, without its answer date
  [7, 'К-313', '02.12.2026', 'Сейітова Айгүл Болатқызы', null, 'Жауап күні жоқ', 'Қаралды', 'Түсіндірілді', null, null],
  // row 10: answered before it was registered
  [
    8,
    'К-314',
    '03.12.2026',
    'Омаров Ерлан Қайратұлы',
    null,
    'Ерте жауап',
    'Қаралды',
    'Түсіндірілді',
    '01.12.2026',
    null,
  ],
  // row 11: redirected: not a status a register row can arrive in
  [9, 'К-315', '03.12.2026', 'Омаров Ерлан Қайратұлы', null, 'Басқа органға', 'Жолданды', null, null, null],
  // row 12: answered tomorrow
  [
    10,
    'К-316',
    '03.12.2026',
    'Омаров Ерлан Қайратұлы',
    null,
    'Ертеңгі жауап',
    'Қаралды',
    'Түсіндірілді',
    '11.12.2026',
    null,
  ],
]

const rowAt = (preview: ImportPreview, rowNumber: number): ImportRow => {
  const row = preview.rows.find((r) => r.rowNumber === rowNumber)
  if (!row) throw new Error(`no row ${rowNumber}`)
  return row
}

async function kkRegister(desk: Desk) {
  const file = fileInput('Ескі журнал.xlsx', await oldRegisterXlsx(OLD_REGISTER_HEADER_KK, KK_ROWS))
  const input = {
    file,
    defaults: { channel: 'written' as const, appealType: 'application' as const, sectorId: await desk.sector('land') },
  }
  return { input, preview: await desk.ok('import.preview', input) }
}

describe('import of an old register as it was', () => {
  it('maps its own number, registration date, status, outcome and answer from a Kazakh header', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { preview } = await kkRegister(desk)
    expect(preview.columns.map((c) => c.suggested)).toEqual([
      null,
      'ownNumber',
      'registrationDate',
      'applicantName',
      'idNumber',
      'summary',
      'status',
      'outcome',
      'answerDate',
      'answerText',
    ])
    // the registration date is the date the appeal came in when the register has no other
    expect(preview.missingFields).toEqual([])
    expect(rowAt(preview, 4).receivedAt).toBe('2026-10-12T09:00')

    // each row's applicant type and the status it arrives in
    expect(preview.rows.map((r) => [r.rowNumber, r.applicantKind, r.appealStatus, r.status])).toEqual([
      [3, 'individual', 'answered', 'valid'],
      [4, 'individual', 'answered', 'valid'],
      [5, 'organisation', 'in_progress', 'valid'],
      [6, 'individual', 'registered', 'valid'],
      [7, 'individual', 'answered', 'valid'],
      [8, 'individual', 'registered', 'problems'],
      [9, 'individual', 'answered', 'problems'],
      [10, 'individual', 'answered', 'problems'],
      [11, 'individual', null, 'problems'],
      [12, 'individual', 'answered', 'problems'],
    ])
    expect(preview.counts).toMatchObject({ rows: 10, valid: 5, withProblems: 5 })
    // October's appeal still in work is past its term: it arrives overdue, and the preview says so
    expect(preview.openOverdue).toBe(1)
  })

  it('refuses the rows an answer or a status does not fit, each problem naming its field', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { preview } = await kkRegister(desk)
    // the future-born IIN stays a person's IIN, refused: never a BIN of an organisation
    expect(rowAt(preview, 8).problems).toEqual([{ path: ['idNumber'], messageKey: 'validation.iin.futureBirthDate' }])
    expect(rowAt(preview, 9).problems).toEqual([{ path: ['answerDate'], messageKey: 'validation.required' }])
    expect(rowAt(preview, 10).problems).toEqual([{ path: ['answerDate'], messageKey: 'validation.beforeRegistration' }])
    expect(rowAt(preview, 11).problems).toEqual([
      { path: ['status'], messageKey: 'importUi.problems.statusNotImported', params: { value: 'Жолданды' } },
    ])
    expect(rowAt(preview, 12).problems).toEqual([{ path: ['answerDate'], messageKey: 'validation.dateInFuture' }])
    for (const lang of LANGUAGES) {
      for (const p of preview.rows.flatMap((r) => r.problems)) {
        const text = translate(lang, p.messageKey, p.params)
        expect(text, `${lang}: ${p.messageKey}`).not.toBe(p.messageKey)
        expect(text).not.toContain('{{')
        expect(translate(lang, `importUi.fields.${String(p.path[0])}`)).not.toContain('importUi')
      }
    }
  })

  it("numbers the rows in date order from each year's counter, keeping the old numbers and the answers", async () => {
    const desk = await openDesk(cleanup, TODAY)
    const land = await desk.sector('land')
    // one appeal registered in the app this year before the import
    const byHand = await desk.ok('appeals.create', appealInput(land, { receivedAt: '2026-12-09T10:00' }))
    expect(byHand.regNumber).toBe('2026-000001')

    const { input } = await kkRegister(desk)
    const result = await desk.ok('import.commit', input)
    expect(result).toMatchObject({ imported: 5, leftOut: 5, firstNumber: '2025-000001', lastNumber: '2026-000005' })

    const stored = await desk.sql<{
      id: number
      reg_number: string
      external_number: string
      registered_on: string
      status: string
      outcome: string | null
      answered_on: string | null
      answer_text: string | null
    }>(
      `SELECT id, reg_number, external_number, registered_on, status, outcome, answered_on, answer_text
       FROM appeals WHERE external_number IS NOT NULL ORDER BY reg_number`,
    )
    // October's letters before December's, whatever the sheet's order; last year's from its own counter
    expect(
      stored.map((a) => [a.reg_number, a.external_number, a.registered_on, a.status, a.outcome, a.answered_on]),
    ).toEqual([
      ['2025-000001', 'К-900', '2025-11-10', 'answered', 'refused', '2025-11-25'],
      ['2026-000002', 'К-250', '2026-10-12', 'answered', 'satisfied_fully', '2026-11-20'],
      ['2026-000003', 'К-251', '2026-10-13', 'in_progress', null, null],
      ['2026-000004', 'К-310', '2026-12-01', 'answered', 'explained', '2026-12-04'],
      ['2026-000005', 'К-311', '2026-12-08', 'registered', null, null],
    ])
    expect(stored[3]!.answer_text).toBe('Жөндеу жоспарға енгізілді')

    // last year's row left this year's counter alone: the next appeal follows the imported ones
    expect(await desk.sql('SELECT year, last_number FROM appeal_counters ORDER BY year')).toEqual([
      { year: 2025, last_number: 1 },
      { year: 2026, last_number: 5 },
    ])
    const next = await desk.ok('appeals.create', appealInput(land, { receivedAt: '2026-12-10T09:30' }))
    expect(next.regNumber).toBe('2026-000006')

    // answered appeals are not overdue: on time or late by their own dates; the open one is overdue
    const card = (number: string) => desk.ok('appeals.get', { id: stored.find((a) => a.reg_number === number)!.id })
    expect(await card('2026-000004')).toMatchObject({ overdue: false, answeredOnTime: true })
    expect(await card('2026-000002')).toMatchObject({ overdue: false, answeredOnTime: false })
    expect(await card('2025-000001')).toMatchObject({ overdue: false, answeredOnTime: true })
    expect(await card('2026-000003')).toMatchObject({ overdue: true, status: 'in_progress' })
    expect(await card('2026-000005')).toMatchObject({ overdue: false, status: 'registered' })
    // the registration's history entry says how it arrived
    const history = (await card('2026-000004')).history[0]!
    expect(JSON.parse(history.newValue!)).toMatchObject({
      regNumber: '2026-000004',
      registeredOn: '2026-12-01',
      status: 'answered',
      outcome: 'explained',
      answeredOn: '2026-12-04',
    })

    // the import's own audit entry counts the appeals by status
    const [audit] = await desk.sql<{ new_value: string }>("SELECT new_value FROM audit_entries WHERE action = 'import'")
    expect(JSON.parse(audit!.new_value)).toMatchObject({
      imported: 5,
      byStatus: { answered: 3, in_progress: 1, registered: 1 },
    })
    expect((await desk.ok('audit.verify', {})).firstBroken).toBeNull()
  })

  it('reads a Russian register: statuses and outcomes in Russian, an organisation by its name, both numbers kept', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const header = [...OLD_REGISTER_HEADER_RU, 'Номер e-Otinish']
    const rows = [
      // row 3: an outcome in the status column means it was answered
      [
        1,
        '15/12',
        '15.12.2025',
        'Иванов Петр Сергеевич',
        IIN.other,
        'Освещение улицы',
        'Отказано',
        null,
        '22.12.2025',
        'Нет средств',
        null,
      ],
      // row 4
      [
        2,
        '3/11',
        '03.11.2026',
        'Сейітова Айгүл Болатқызы',
        IIN.aigul,
        'Уборка снега',
        'Рассмотрено',
        'Разъяснено',
        '10.11.2026',
        null,
        'ЖТ-Т-2026-0001',
      ],
      // row 5: an organisation named in the name column, its number a BIN
      [3, '4/11', '04.11.2026', 'ТОО «Нұр Құрылыс»', BIN, 'Аренда земли', 'В работе', null, null, null, null],
      // row 6: a person's row with a BIN in it: the number is read as an IIN, and refused
      [4, '5/11', '05.11.2026', 'Петров Иван Ильич', BIN, 'Ремонт дороги', 'На рассмотрении', null, null, null, null],
      // row 7: answered, but no outcome
      [
        5,
        '6/11',
        '06.11.2026',
        'Петров Иван Ильич',
        null,
        'Вывоз мусора',
        'Рассмотрено',
        null,
        '09.11.2026',
        null,
        null,
      ],
    ]
    const file = fileInput('Журнал.xlsx', await oldRegisterXlsx(header, rows))
    const input = {
      file,
      defaults: {
        channel: 'written' as const,
        appealType: 'application' as const,
        sectorId: await desk.sector('land'),
      },
    }
    const preview = await desk.ok('import.preview', input)
    expect(preview.columns.map((c) => c.suggested)).toEqual([
      null,
      'ownNumber',
      'registrationDate',
      'applicantName',
      'idNumber',
      'summary',
      'status',
      'outcome',
      'answerDate',
      'answerText',
      'externalNumber',
    ])
    expect(preview.rows.map((r) => [r.rowNumber, r.applicantKind, r.appealStatus, r.status])).toEqual([
      [3, 'individual', 'answered', 'valid'],
      [4, 'individual', 'answered', 'valid'],
      [5, 'organisation', 'in_progress', 'valid'],
      [6, 'individual', 'in_progress', 'problems'],
      [7, 'individual', 'answered', 'problems'],
    ])
    expect(rowAt(preview, 6).problems).toEqual([{ path: ['idNumber'], messageKey: 'validation.iin.century' }])
    expect(rowAt(preview, 7).problems).toEqual([{ path: ['outcome'], messageKey: 'validation.required' }])
    expect(preview.openOverdue).toBe(1)

    await desk.ok('import.commit', input)
    const stored = await desk.sql<{
      reg_number: string
      external_number: string
      status: string
      outcome: string | null
    }>('SELECT reg_number, external_number, status, outcome FROM appeals ORDER BY reg_number')
    expect(stored).toEqual([
      { reg_number: '2025-000001', external_number: '15/12', status: 'answered', outcome: 'refused' },
      // the office's own number wins the field; the e-Otinish number stays beside it
      { reg_number: '2026-000001', external_number: '3/11 (ЖТ-Т-2026-0001)', status: 'answered', outcome: 'explained' },
      { reg_number: '2026-000002', external_number: '4/11', status: 'in_progress', outcome: null },
    ])
    const organisation = await desk.sql<{
      applicant_kind: string
      applicant_name: string
      applicant_id_number: string
    }>("SELECT applicant_kind, applicant_name, applicant_id_number FROM appeals WHERE reg_number = '2026-000002'")
    expect(organisation).toEqual([
      { applicant_kind: 'organisation', applicant_name: 'ТОО «Нұр Құрылыс»', applicant_id_number: BIN },
    ])
  })
})
