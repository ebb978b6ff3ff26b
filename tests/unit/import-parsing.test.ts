import { describe, expect, it } from 'vitest'
import { parseDateCell, parseTimeCell, normalizeIdNumber, cellText } from '../../src/main/import/parseCells'
import { decodeText, detectDelimiter, parseCsv } from '../../src/main/import/readSpreadsheet'
import { fieldScores, suggestFields } from '../../src/main/import/synonyms'
import { SectorMatcher, sectorKey, similarity } from '../../src/main/import/sectorMatching'
import { appealTypeOf, channelOf, CatalogMatcher } from '../../src/main/import/catalogMatching'
import { dataRows, findHeader } from '../../src/main/import/findHeader'
import { outcomeOf, statusOf } from '../../src/main/import/statusMatching'
import type { SheetRow } from '../../src/main/import/readSpreadsheet'
import type { Sector } from '@shared/domain/sector'

describe('dates and times of register cells', () => {
  it.each([
    ['16.03.2026', '2026-03-16', null],
    ['6.3.2026', '2026-03-06', null],
    ['16.03.26', '2026-03-16', null],
    ['2026-03-16', '2026-03-16', null],
    ['16/03/2026', '2026-03-16', null],
    ['16-03-2026', '2026-03-16', null],
    ['16.03.2026 14:05', '2026-03-16', '14:05'],
    ['16.03.2026, 9.30', '2026-03-16', '09:30'],
    ['2026-03-16T10:00:00', '2026-03-16', '10:00'],
    ['16.03.2026 г.', '2026-03-16', null],
    ['16.03.2026ж.', '2026-03-16', null],
    ['16 наурыз 2026', '2026-03-16', null],
    ['2026 жылғы 16 наурыз', '2026-03-16', null],
    ['16 марта 2026 г.', '2026-03-16', null],
    ['1 мая 2026', '2026-05-01', null],
    ['46097', '2026-03-16', null],
  ])('reads %s', (text, date, time) => {
    expect(parseDateCell(text)).toEqual({ date, time })
  })

  it.each(['31.02.2026', '16.13.2026', '2026-02-30', 'вчера', '16.03', '12345', '16.03.2026 25:00', ''])(
    'refuses %s',
    (text) => {
      expect(parseDateCell(text)).toBeNull()
    },
  )

  it('reads Excel dates (exceljs gives them in UTC), times rounded to the minute, and serial numbers', () => {
    expect(parseDateCell(new Date(Date.UTC(2026, 2, 16)))).toEqual({ date: '2026-03-16', time: null })
    expect(parseDateCell(new Date(Date.UTC(2026, 2, 16, 10, 14, 59, 999)))).toEqual({
      date: '2026-03-16',
      time: '10:15',
    })
    expect(parseDateCell(46097)).toEqual({ date: '2026-03-16', time: null })
    expect(parseDateCell(46097.5)).toEqual({ date: '2026-03-16', time: '12:00' })
    expect(parseDateCell(7)).toBeNull() // a row number, not a date
  })

  it('reads a separate time column', () => {
    expect(parseTimeCell('9:05')).toBe('09:05')
    expect(parseTimeCell(new Date(Date.UTC(1899, 11, 30, 14, 30)))).toBe('14:30')
    expect(parseTimeCell(0.75)).toBe('18:00')
    expect(parseTimeCell('25:00')).toBeNull()
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 14, 30)))).toBe('14:30')
  })

  it('gives an IIN stored as a number its leading zero back', () => {
    expect(normalizeIdNumber(51240001234)).toBe('051240001234')
    expect(normalizeIdNumber(' 900 515-301 234 ')).toBe('900515301234')
  })
})

describe('csv', () => {
  it('parses quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n1;"two\nlines";\r\n', ';')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['1', 'two\nlines', ''],
    ])
  })

  it('detects the delimiter by its steady count, not by commas inside text', () => {
    const semicolons =
      'Дата;ФИО;Суть\n16.03.2026;Иванов И.И.;Ремонт дороги, освещение, вода\n17.03.2026;Петров;Свет, газ\n'
    expect(detectDelimiter(semicolons)).toBe(';')
    expect(detectDelimiter('Дата,ФИО,Суть\n16.03.2026,"Иванов, Иван","a; b"\n17.03.2026,Петров,x\n')).toBe(',')
    expect(detectDelimiter('Дата\tФИО\n16.03.2026\tИванов\n')).toBe('\t')
  })

  it('decodes UTF-8 (with or without BOM), and windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\uFEFFҚазақ', 'utf8'))).toEqual({ text: 'Қазақ', encoding: 'utf-8' })
    expect(decodeText(Uint8Array.of(0xc4, 0xe0, 0xf2, 0xe0))).toEqual({ text: 'Дата', encoding: 'windows-1251' })
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Күні', 'utf16le')]))).toEqual({
      text: 'Күні',
      encoding: 'utf-16le',
    })
  })
})

describe('header synonyms', () => {
  it('suggests fields from Kazakh, Russian and English headers', () => {
    expect(
      suggestFields([
        '№ п/п',
        'Күні',
        'ТАӘ',
        'ЖСН/БСН',
        'Байланыс телефоны',
        'Елді мекен',
        'Саласы',
        'Мәселенің мазмұны',
        'Исполнитель',
        'Вх. №',
        'Канал поступления',
        'Время',
      ]),
    ).toEqual([
      null,
      'receivedDate',
      'applicantName',
      'idNumber',
      'phone',
      'locality',
      'sector',
      'summary',
      'executor',
      'ownNumber', // the office's incoming number: its own, kept as the appeal's external number
      'channel',
      'receivedTime',
    ])
    expect(suggestFields(['Date received', 'Applicant', 'IIN', 'Sector', 'Summary'])).toEqual([
      'receivedDate',
      'applicantName',
      'idNumber',
      'sector',
      'summary',
    ])
    expect(suggestFields(['Тегі', 'Аты', 'Әкесінің аты'])).toEqual(['surname', 'firstName', 'patronymic'])
    // an old register: its own number and date, how the appeal stood and its answer
    expect(
      suggestFields([
        'Тіркеу нөмірі',
        'Тіркелген күні',
        'Түскен күні',
        'Күйі',
        'Қарау нәтижесі',
        'Жауап күні',
        'Жауап',
        'Жауапты орындаушы',
        'e-Өтініш нөмірі',
      ]),
    ).toEqual([
      'ownNumber',
      'registrationDate',
      'receivedDate',
      'status',
      'outcome',
      'answerDate',
      'answerText',
      'executor',
      'externalNumber',
    ])
    expect(
      suggestFields(['Рег. №', 'Дата регистрации', 'Статус', 'Результат рассмотрения', 'Дата ответа', 'Текст ответа']),
    ).toEqual(['ownNumber', 'registrationDate', 'status', 'outcome', 'answerDate', 'answerText'])
  })

  it('gives a field to the best header only, and none to headers about something else', () => {
    expect(suggestFields(['Дата', 'Дата поступления'])).toEqual([null, 'receivedDate'])
    expect(fieldScores('Дата ответа').has('receivedDate')).toBe(false)
    expect(fieldScores('Туған күні').has('receivedDate')).toBe(false)
    expect(suggestFields(['Примечание'])).toEqual([null])
  })
})

describe('header row', () => {
  const row = (number: number, cells: (string | number | null)[], mergedAcross = false): SheetRow => ({
    number,
    cells,
    mergedAcross,
  })

  it('skips merged title rows, takes the row naming the most fields, drops the numbering row and totals', () => {
    const rows = [
      row(1, ['Журнал обращений'], true),
      row(2, ['Дата: 2026 ж.', 'Күні']),
      row(4, ['Р/с', 'Дата поступления', 'ФИО', 'Сала', 'Мазмұны']),
      row(5, [1, 2, 3, 4, 5]),
      row(6, [1, '16.03.2026', 'Иванов Иван', 'Жер', 'Жер телімі']),
      row(7, ['Барлығы', null, null, null, 1]),
    ]
    const header = findHeader(rows, null)
    expect(rows[header.index]!.number).toBe(4)
    expect(dataRows(rows, header.index).map((r) => r.number)).toEqual([6])
  })
})

describe('sector texts', () => {
  const sectors: Sector[] = [
    {
      id: 1,
      code: 'social',
      nameKk: 'Әлеуметтік сала',
      nameRu: 'Социальная сфера',
      nameEn: 'Social sphere',
      sortOrder: 1,
      active: true,
    },
    {
      id: 2,
      code: 'housing',
      nameKk: 'Тұрғын үй-коммуналдық шаруашылығы',
      nameRu: 'Жилищно-коммунальное хозяйство',
      nameEn: 'Housing and utilities',
      sortOrder: 2,
      active: true,
    },
    {
      id: 5,
      code: 'land',
      nameKk: 'Жер қатынастары',
      nameRu: 'Земельные отношения',
      nameEn: 'Land relations',
      sortOrder: 5,
      active: true,
    },
    { id: 9, code: 'old', nameKk: 'Ескі сала', nameRu: 'Старая сфера', nameEn: 'Old', sortOrder: 9, active: false },
  ]

  it('folds texts into keys: case, Kazakh letters, punctuation and spaces', () => {
    expect(sectorKey('  Жер  ҚАТЫНАСТАРЫ. ')).toBe('жер катынастары')
  })

  it('suggests similar sectors by word stems, abbreviations and containment', () => {
    const matcher = new SectorMatcher(sectors, {}, {})
    expect(matcher.suggestions(sectorKey('ЖКХ'))[0]).toMatchObject({ sectorId: 2 })
    expect(matcher.suggestions(sectorKey('Жер мәселесі'))[0]).toMatchObject({ sectorId: 5 })
    expect(matcher.suggestions(sectorKey('Коммунальные услуги'))[0]).toMatchObject({ sectorId: 2 })
    expect(matcher.suggestions(sectorKey('Әлеуметтік мәселелер'))[0]).toMatchObject({ sectorId: 1 })
    expect(matcher.suggestions(sectorKey('Дороги'))).toEqual([])
    expect(similarity('жер', 'ескі сала')).toBe(0)
  })

  it('resolves by choice, then by memory, then by exact name; never to an inactive sector', () => {
    const matcher = new SectorMatcher(sectors, { жкх: 2, ескі: 9 }, { 'жер маселеси': 5, дороги: null, старое: 9 })
    expect(matcher.resolve('жер маселеси')).toEqual({ sectorId: 5, source: 'chosen' })
    expect(matcher.resolve('жкх')).toEqual({ sectorId: 2, source: 'remembered' })
    expect(matcher.resolve('земельные отношения')).toEqual({ sectorId: 5, source: 'exact' })
    expect(matcher.resolve('land')).toEqual({ sectorId: 5, source: 'exact' })
    expect(matcher.resolve('дороги')).toEqual({ sectorId: null, source: null })
    expect(matcher.resolve('ескі')).toEqual({ sectorId: null, source: null })
    expect(matcher.resolve('старое')).toEqual({ sectorId: null, source: null })
    expect(matcher.choices()).toEqual({ 'жер маселеси': 5 })
  })
})

describe('lists and catalogs by name', () => {
  it('knows appeal types and channels in three languages and common words', () => {
    expect(['Арыз', 'заявление', 'Жалоба', 'ұсыныс', 'Сұрау салу', 'отклик', 'Хабарлама'].map(appealTypeOf)).toEqual([
      'application',
      'application',
      'complaint',
      'proposal',
      'request',
      'response',
      'report',
    ])
    expect(
      ['Личный прием', 'Выездной прием', 'e-Өтініш', 'Жазбаша', 'почта', 'Телефон', 'Есептік кездесу', 'голубь'].map(
        channelOf,
      ),
    ).toEqual(['reception', 'site_visit', 'e_otinish', 'written', 'written', 'phone', 'report_meeting', null])
  })

  it('reads statuses and outcomes from kk/ru/en words, an outcome in the status column meaning answered', () => {
    const read = (text: string) => {
      const found = statusOf(text)
      return found && (found.outcome ? `${found.status}:${found.outcome}` : found.status)
    }
    expect(
      [
        'Жауап берілді',
        'қаралды',
        'Рассмотрено',
        'Дан ответ',
        'исполнено',
        'Орындалуда',
        'қаралуда',
        'В работе',
        'На рассмотрении',
        'на исполнении',
        'Тіркелді',
        'Зарегистрировано',
        'Оставлено без рассмотрения',
        'Отозвано',
        'Жолданды',
        'Отказано',
        'түсіндірілді',
        'Разъяснено',
        'удовлетворено частично',
        'Answered',
        'непонятно',
      ].map(read),
    ).toEqual([
      'answered',
      'answered',
      'answered',
      'answered',
      'answered',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'registered',
      'registered',
      'left_without_consideration',
      'withdrawn',
      'redirected',
      'answered:refused',
      'answered:explained',
      'answered:explained',
      'answered:satisfied_partly',
      'answered',
      null,
    ])
    expect(
      [
        'Толық қанағаттандырылды',
        'ішінара қанағаттандырылды',
        'Бас тартылды',
        'отказано',
        'не удовлетворено',
        'Разъяснено',
        'Удовлетворено',
        'частично удовлетворено',
        'Satisfied partly',
        'другое',
      ].map(outcomeOf),
    ).toEqual([
      'satisfied_fully',
      'satisfied_partly',
      'refused',
      'refused',
      'refused',
      'explained',
      'satisfied_fully',
      'satisfied_partly',
      'satisfied_partly',
      null,
    ])
  })

  it('finds settlements without their "ауылы / с." and executors by surname and initials', () => {
    const matcher = new CatalogMatcher(
      [
        {
          id: 1,
          kind: 'okrug',
          parentId: null,
          nameKk: 'Қарабас ауылдық округі',
          nameRu: 'Карабасский сельский округ',
          nameEn: null,
          active: true,
        },
        {
          id: 2,
          kind: 'settlement',
          parentId: 1,
          nameKk: 'Қарабас ауылы',
          nameRu: 'село Карабас',
          nameEn: null,
          active: true,
        },
      ],
      [
        {
          id: 7,
          fullName: 'Ахметов Серік Болатұлы',
          position: 'маман',
          positionRu: null,
          department: null,
          isExecutor: true,
          active: true,
        },
        {
          id: 8,
          fullName: 'Ахметов Марат',
          position: 'маман',
          positionRu: null,
          department: null,
          isExecutor: true,
          active: true,
        },
      ],
    )
    expect(['Қарабас', 'с. Карабас', 'Карабас ауылы'].map((t) => matcher.locality(t))).toEqual([2, 2, 2])
    expect(matcher.locality('Жанаауыл')).toBeNull()
    expect(matcher.executor('Ахметов Серік Болатұлы')).toBe(7)
    expect(matcher.executor('Ахметов С.Б.')).toBe(7)
    expect(matcher.executor('Ахметов М.')).toBe(8)
    expect(matcher.executor('Ахметов')).toBeNull() // two of them
  })
})
