import { beforeEach, describe, expect, it } from 'vitest'
import type { ReportModel, ReportTable } from '@shared/api/contract'
import { meetingInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'
import { keepPdf, pdfText } from '../helpers/pdf'

/**
 * The press summary of report meetings, on meetings worked out by hand. The office clock
 * stands at Friday 25 April 2025.
 *
 *   A 12.03.2025, 120 people: housing «Ауыз су құбыры тартылмаған» ×3 (satisfied fully,
 *     satisfied partly, explained), land «Жайылымдық жер жетіспейді» (refused), social
 *     «Мектепке автобус керек» (open, due in early April: overdue)
 *   B 15.04.2025, 80 people: housing «Ауыз су құбыры тартылмаған» (redirected), housing
 *     «Көше жарығы жоқ» ×2 and land «Жайылымдық жер жетіспейді» (open, not yet due)
 *   C 05.11.2024, 60 people: one question, another year
 *
 * 2025: 2 meetings, 200 people, 9 questions; housing 6 (66,67%), land 2 (22,22%), social 1
 * (11,11%); answered 4 (satisfied 2), redirected 1, open 4 (overdue 1).
 *
 * Measures promised: at A, pasture land (due 01.04, done 28.03), a school bus (due 20.04, not
 * done: overdue) and the water pipe (due 30.06, in progress); at B, street lights (due 18.04,
 * done 22.04: late). 2025: 4 measures, 2 done, 1 overdue; meeting A: 3, 1 done, 1 overdue.
 */

const cleanup = useCleanup()
const NOW = '2025-04-25T10:00:00'

let desk: Desk
let meetingA: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  const [housing, land, social] = [await desk.sector('housing'), await desk.sector('land'), await desk.sector('social')]
  const meeting = async (heldOn: string, attendance: number, questions: [number, string][]) => {
    const created = await desk.ok('meetings.create', meetingInput({ heldOn, attendance }))
    const details = await desk.ok('meetings.addQuestions', {
      meetingId: created.id,
      questions: questions.map(([sectorId, summary], i) => ({
        sectorId,
        summary,
        applicantName: `Жұмабеков Нұрлан ${i}`,
      })),
    })
    return { id: created.id, questions: details.questions.map((q) => q.id) }
  }
  const answer = async (id: number, outcome: 'satisfied_fully' | 'satisfied_partly' | 'explained' | 'refused') => {
    await desk.ok('appeals.transition', { id, to: 'in_progress' })
    await desk.ok('appeals.transition', {
      id,
      to: 'answered',
      outcome,
      answerText: 'Жауап берілді',
      answeredOn: '2025-03-20',
    })
  }

  const water = 'Ауыз су құбыры тартылмаған'
  const pasture = 'Жайылымдық жер жетіспейді'
  const a = await meeting('2025-03-12', 120, [
    [housing, water],
    [housing, water],
    [housing, `  ${water} `], // the same issue, typed with spaces around
    [land, pasture],
    [social, 'Мектепке автобус керек'],
  ])
  meetingA = a.id
  await answer(a.questions[0]!, 'satisfied_fully')
  await answer(a.questions[1]!, 'satisfied_partly')
  await answer(a.questions[2]!, 'explained')
  await answer(a.questions[3]!, 'refused')
  const b = await meeting('2025-04-15', 80, [
    [housing, water],
    [housing, 'Көше жарығы жоқ'],
    [housing, 'Көше жарығы жоқ'],
    [land, pasture],
  ])
  await desk.ok('appeals.transition', {
    id: b.questions[0]!,
    to: 'redirected',
    redirectedTo: 'Аудандық тұрғын үй бөлімі',
    redirectedOn: '2025-04-16',
  })
  await meeting('2024-11-05', 60, [[housing, water]])

  const promise = async (
    meetingId: number,
    text: string,
    responsible: string,
    dueOn: string,
    doneOn: string | null = null,
  ) => {
    const created = await desk.ok('measures.create', { meetingId, text, responsible, dueOn, appealId: null })
    if (doneOn)
      await desk.ok('measures.update', {
        id: created.id,
        text,
        responsible,
        dueOn,
        appealId: null,
        doneOn,
        doneNote: null,
      })
  }
  await promise(a.id, 'Су құбырын тарту', 'Аудандық ТКШ бөлімі', '2025-06-30')
  await promise(a.id, 'Мектеп автобусын бөлу', 'Аудандық білім бөлімі', '2025-04-20')
  await promise(a.id, 'Жайылым бөлу', 'Жер қатынастары бөлімі', '2025-04-01', '2025-03-28')
  await promise(b.id, 'Көше жарығын орнату', 'Ауыл әкімінің аппараты', '2025-04-18', '2025-04-22')
})

const build = (lang: 'kk' | 'ru' | 'en', params: { year?: number; meetingId?: number }) =>
  desk.ok('reports.build', { lang, params: { kind: 'press-summary', ...params } })
const values = (table: ReportTable) =>
  [...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
    row.slice(1).map((cell) => ('value' in cell ? cell.value : null)),
  )

describe('press summary of a year', () => {
  let model: ReportModel
  beforeEach(async () => {
    model = await build('kk', { year: 2025 })
  })

  it('lists the meetings held, with attendance and questions, and totals', () => {
    expect(model.title).toBe('Әкімнің халықпен 2025 жылғы есептік кездесулері: баспасөз қызметіне анықтама')
    expect(model.period).toBe('2025 ж.')
    expect(values(model.tables[0]!)).toEqual([
      ['Қарабас ауылының мәдениет үйі', '2025-03-12', 120, 5],
      ['Қарабас ауылының мәдениет үйі', '2025-04-15', 80, 4],
      ['Барлығы', null, 200, 9],
    ])
  })

  it('shares questions by sector, lists the most frequent issues and where the answers stand', () => {
    const [, sectors, issues, answers] = model.tables
    expect(values(sectors!)).toEqual([
      ['Әлеуметтік сала', 1, 11.11],
      ['Тұрғын үй-коммуналдық шаруашылығы', 6, 66.67],
      ['Жер қатынастары', 2, 22.22],
      ['Барлығы', 9, 100],
    ])
    // only what was raised more than once: the bus (once) is left out; no question has a locality
    expect(values(issues!)).toEqual([
      ['Ауыз су құбыры тартылмаған', 'Тұрғын үй-коммуналдық шаруашылығы', null, 4],
      ['Жайылымдық жер жетіспейді', 'Жер қатынастары', null, 2],
      ['Көше жарығы жоқ', 'Тұрғын үй-коммуналдық шаруашылығы', null, 2],
    ])
    expect(values(answers!)).toEqual([
      ['Қанағаттандырылды', 2, 22.22],
      ['Түсіндірілді', 1, 11.11],
      ['Бас тартылды', 1, 11.11],
      ['Басқа органға жолданды', 1, 11.11],
      ['Қаралуда', 3, 33.33],
      ['Мерзімі өткен', 1, 11.11],
      ['Қараусыз қалдырылды немесе кері қайтарылды', 0, 0],
      ['Барлығы', 9, 100],
    ])
    expect(model.charts).toEqual([
      {
        title: 'Сұрақтар салалар бойынша',
        categories: ['Әлеуметтік сала', 'Тұрғын үй-коммуналдық шаруашылығы', 'Жер қатынастары'],
        series: [{ name: 'Сұрақтар саны', values: [1, 6, 2] }],
      },
    ])
  })

  it('writes sentences a press officer can paste, from these numbers (kk)', () => {
    expect(model.sentences).toEqual([
      '2025 жылы әкім халықпен 2 есептік кездесу өткізді. Кездесулерге барлығы 200 адам қатысты. Тұрғындар 9 сұрақ көтерді.',
      'Сұрақтардың басым бөлігі мына салаларға қатысты: тұрғын үй-коммуналдық шаруашылығы – 6 (66,67%); жер қатынастары – 2 (22,22%); әлеуметтік сала – 1 (11,11%).',
      'Тұрғындарды ең жиі толғандырған мәселелер: «Ауыз су құбыры тартылмаған» (4 рет); «Жайылымдық жер жетіспейді» (2 рет); «Көше жарығы жоқ» (2 рет).',
      'Бүгінгі күнге дейін 4 сұраққа жауап берілді, оның ішінде 2 сұрақ оң шешілді. Құзыреті бойынша басқа органдарға жолданғаны: 1. Қаралу үстінде: 4, оның ішінде мерзімі өткені: 1.',
      'Уәде етілген шаралар: 4, оның ішінде орындалғаны: 2. Мерзімі өтіп, әлі орындалмағаны: 1.',
    ])
  })

  it('lists the measures promised in deadline order, with where each stands', () => {
    const measures = model.tables[4]!
    expect(measures.title).toBe('Уәде етілген шаралар')
    expect(values(measures)).toEqual([
      ['Жайылым бөлу', 'Жер қатынастары бөлімі', '2025-04-01', 'Орындалды, 28.03.2025'],
      ['Көше жарығын орнату', 'Ауыл әкімінің аппараты', '2025-04-18', 'Кешігіп орындалды, 22.04.2025'],
      ['Мектеп автобусын бөлу', 'Аудандық білім бөлімі', '2025-04-20', 'Мерзімі өтті'],
      ['Су құбырын тарту', 'Аудандық ТКШ бөлімі', '2025-06-30', 'Орындалуда'],
    ])
  })

  it('declines Russian nouns by the number (ru)', async () => {
    expect((await build('ru', { year: 2025 })).sentences).toEqual([
      'В 2025 году аким провел 2 отчетные встречи с населением. Всего в них приняли участие 200 чел. Жители подняли 9 вопросов.',
      'Больше всего вопросов касалось следующих сфер: жилищно-коммунальное хозяйство — 6 (66,67%); земельные отношения — 2 (22,22%); социальная сфера — 1 (11,11%).',
      'Чаще всего жителей волновали: «Ауыз су құбыры тартылмаған» (4); «Жайылымдық жер жетіспейді» (2); «Көше жарығы жоқ» (2).',
      'На сегодня даны ответы на 4 вопроса, из них решено положительно — 2. Направлено по компетенции в другие органы — 1. На рассмотрении: 4, из них с истекшим сроком — 1.',
      'Обещано мер: 4, из них выполнено: 2. Не выполнено в срок: 1.',
    ])
    expect((await build('ru', { year: 2024 })).sentences[0]).toBe(
      'В 2024 году аким провел 1 отчетную встречу с населением. Всего в них приняли участие 60 чел. Жители подняли 1 вопрос.',
    )
  })

  it('says when no issue repeats, and words 0 and 1 answers as sentences (kk, ru)', async () => {
    // 2024: one question, still open on 25 April 2025 and past its deadline
    const ru = await build('ru', { year: 2024 })
    expect(ru.tables.map((table) => table.title)).toEqual([
      'Проведенные встречи',
      'Вопросы по сферам',
      'Ход рассмотрения вопросов',
    ])
    expect(ru.sentences.slice(2)).toEqual([
      'Повторяющихся вопросов нет: каждый вопрос поднят один раз.',
      'Ответы на вопросы пока не даны. На рассмотрении: 1, из них с истекшим сроком — 1.',
    ])
    expect((await build('kk', { year: 2024 })).sentences.slice(2)).toEqual([
      'Сұрақтар қайталанбады: әр мәселе бір рет қана көтерілді.',
      'Бүгінгі күнге дейін сұрақтарға әлі жауап берілген жоқ. Қаралу үстінде: 1, оның ішінде мерзімі өткені: 1.',
    ])

    const [question] = await desk.sql<{ id: number }>("SELECT id FROM appeals WHERE registered_on < '2025-01-01'")
    await desk.ok('appeals.transition', { id: question!.id, to: 'in_progress' })
    await desk.ok('appeals.transition', {
      id: question!.id,
      to: 'answered',
      outcome: 'satisfied_fully',
      answerText: 'Жауап берілді',
      answeredOn: '2024-11-20',
    })
    expect((await build('ru', { year: 2024 })).sentences[3]).toBe(
      'На сегодня дан ответ на 1 вопрос, он решен положительно.',
    )
    expect((await build('kk', { year: 2024 })).sentences[3]).toBe(
      'Бүгінгі күнге дейін 1 сұраққа жауап берілді, ол оң шешілді.',
    )
  })

  it('says so when the year has no meetings', async () => {
    const empty = await build('kk', { year: 2023 })
    expect(empty.sentences).toEqual(['2023 жылы есептік кездесулер тіркелмеген.'])
    expect(empty.tables[0]!.rows).toEqual([])
    expect(empty.tables).toHaveLength(3) // no issues table without a repeated issue, no measures table without measures
    expect(empty.charts).toEqual([])
  })

  it(
    'exports the tables with live shares and the sentences (xlsx, pdf)',
    async () => {
      const sheet = await readSheet(await exportReport(desk.core, 'kk', { kind: 'press-summary', year: 2025 }, 'xlsx'))
      const housing = sheet.getRow(findRow(sheet, 'Тұрғын үй-коммуналдық шаруашылығы', 2))
      expect(housing.getCell(3).value).toBe(6)
      expect(housing.getCell(4).formula).toMatch(/^IF\(C\$\d+=0,0,ROUND\(C\d+\/C\$\d+\*100,2\)\)$/)
      expect(housing.getCell(4).result).toBe(66.67)
      expect(sheet.getRow(findRow(sheet, 'Қарабас ауылының мәдениет үйі', 2)).getCell(3).value).toEqual(
        new Date(Date.UTC(2025, 2, 12)),
      )
      expect(findRow(sheet, model.sentences[0]!)).toBeGreaterThan(housing.number)

      const pdf = await exportReport(desk.core, 'kk', { kind: 'press-summary', year: 2025 }, 'pdf')
      await keepPdf(pdf, 'press-summary-year-kk')
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
      expect(text).toContain('Тұрғындар 9 сұрақ көтерді.')
      expect(text).toContain('Сұрақтар салалар бойынша') // the chart's title
      expect(text).toMatch(/Ауыз су құбыры тартылмаған Тұрғын үй-\s*4/)
      expect(text).toContain('Мектеп автобусын бөлу Аудандық білім бөлімі 20.04.2025 Мерзімі өтті')
    },
    PDF_TIMEOUT,
  )
})

describe('press summary of one meeting', () => {
  it(
    'covers only that meeting, with its date, place and speaker (en)',
    async () => {
      const model = await build('en', { meetingId: meetingA })
      expect(model.title).toBe("The akim's report meeting with residents of 12.03.2025: press summary")
      expect(model.period).toBe('12.03.2025')
      expect(model.parameters).toEqual(['Speaker: Қарабас ауылдық округінің әкімі Сәрсенбаев Ерлан Қуанышұлы'])
      expect(values(model.tables[0]!)).toEqual([['Қарабас ауылының мәдениет үйі', '2025-03-12', 120, 5]])
      expect(values(model.tables[2]!)).toEqual([['Ауыз су құбыры тартылмаған', 'Housing and utilities', null, 3]])
      expect(model.sentences).toEqual([
        'On 12.03.2025 the akim held a report meeting with residents; place: Қарабас ауылының мәдениет үйі. It was attended by 120 people. Residents raised 5 questions.',
        'Most questions concerned housing and utilities, 3 (60.00%); social sphere, 1 (20.00%); land relations, 1 (20.00%).', // a tie keeps catalog order
        'The issues raised most often were "Ауыз су құбыры тартылмаған" (3 times).',
        'So far answers have been given to 4 questions, 2 of them resolved positively. Still under review: 1, of them past the deadline: 1.',
        'Measures promised: 3, of which done: 1. Not done by their deadline: 1.',
      ])
      expect(model.tables[4]!.rows).toHaveLength(3)
      await keepPdf(
        await exportReport(desk.core, 'ru', { kind: 'press-summary', meetingId: meetingA }, 'pdf'),
        'press-summary-meeting-ru',
      )
    },
    PDF_TIMEOUT,
  )

  it('refuses an unknown meeting, and a year together with a meeting', async () => {
    expect(
      (await desk.fail('reports.build', { lang: 'kk', params: { kind: 'press-summary', meetingId: 999 } })).messageKey,
    ).toBe('errors.meetingNotFound')
    const both = await desk.fail('reports.build', {
      lang: 'kk',
      params: { kind: 'press-summary', year: 2025, meetingId: meetingA },
    })
    expect(both.issues).toEqual([{ path: ['params', 'year'], messageKey: 'validation.yearOrMeeting' }])
  })
})
