import ExcelJS from 'exceljs'
import { IIN, BIN, wrongCheckDigit } from './appeals'

/**
 * Real spreadsheet files for the import tests, built the way offices' files look: titles
 * merged across the table, a header in mixed Kazakh and Russian, the column-number row under
 * it, dates typed as text and entered as Excel dates, a totals line at the bottom.
 */

/** The file as the wizard sends it. */
export const fileInput = (fileName: string, bytes: Buffer | Uint8Array) => ({
  fileName,
  base64: Buffer.from(bytes).toString('base64'),
})

/** An Excel date cell: exceljs stores a Date as a serial counted in UTC. */
export const excelDate = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

/** The serial number Excel keeps for a date (a date cell that lost its format shows this). */
export const excelSerial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000

export const MESSY_HEADER = [
  'Р/с',
  'Дата поступления',
  'Өтініш берушінің аты-жөні',
  'ИИН',
  'Телефон',
  'Мекенжайы',
  'Сала',
  'Краткое содержание',
  'Өтініш түрі',
]

/** The data rows of the messy register, by the sheet row they land on (the header is row 4). */
export const MESSY_ROWS: Record<string, { row: number; cells: ExcelJS.CellValue[] }> = {
  water: {
    row: 6,
    cells: [
      1,
      excelDate(2026, 3, 16, 10, 15),
      'Жұмабеков Нұрлан Серікұлы',
      IIN.nurlan,
      '+7 701 123 4567',
      'Қарабас а., Абай к. 12',
      'ЖКХ',
      'Көшедегі су құбыры жарылған',
      'Арыз',
    ],
  },
  land: {
    row: 7,
    cells: [
      2,
      '17.03.2026',
      'Сейітова Айгүл Болатқызы',
      Number(IIN.aigul),
      null,
      null,
      'Жер қатынастары',
      'Жер телімін ресімдеу туралы',
      'Шағым',
    ],
  },
  badChecksum: {
    row: 8,
    cells: [
      3,
      '2026-03-18 14:30',
      'Омаров Ерлан Қайратұлы',
      wrongCheckDigit(IIN.other),
      null,
      null,
      'Әлеуметтік сала',
      'Атаулы әлеуметтік көмек',
      'Заявление',
    ],
  },
  badFormat: {
    row: 9,
    cells: [
      4,
      '18/03/2026',
      'Ахметова Динара',
      '12345',
      null,
      null,
      'Земельные отношения',
      'Жалоба на соседей',
      'Жалоба',
    ],
  },
  badDate: {
    row: 10,
    cells: [
      5,
      '31.02.2026',
      'Петров Иван Иванович',
      null,
      null,
      null,
      'Жилищно-коммунальное хозяйство',
      'Ремонт крыши',
      null,
    ],
  },
  roads: {
    row: 11,
    cells: [6, excelDate(2026, 3, 19), 'Қасымов Болат', null, null, null, 'Дороги', 'Жол жөндеу керек', null],
  },
  noSummary: { row: 12, cells: [7, '19.03.2026 г.', 'Тоқтарова Сәуле', null, null, null, 'Білім беру', null, null] },
  serial: {
    row: 13,
    cells: [
      8,
      excelSerial(2026, 3, 20),
      'Бекова Гүлнар Асқарқызы',
      null,
      '87011112233',
      null,
      'Әлеуметтік сала',
      'Көп балалы отбасына көмек',
      'Ұсыныс',
    ],
  },
  organisation: {
    row: 14,
    cells: [9, '20.03.2026', 'ТОО «Қарабас Агро»', BIN, null, null, 'Жер қатынастары', 'Жайылымды жалға алу', 'Арыз'],
  },
}

/** A register as an akimat keeps it: two merged title rows, the header on row 4, a totals line. */
export async function messyRegisterXlsx(extraRows: ExcelJS.CellValue[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Журнал 2026')
  ws.getCell('A1').value = 'Қарабас ауылдық округі әкімінің аппараты'
  ws.mergeCells('A1:I1')
  ws.getCell('A2').value = 'Азаматтардың өтініштерін тіркеу журналы / Журнал регистрации обращений граждан, 2026 ж.'
  ws.mergeCells('A2:I2')
  ws.getRow(4).values = MESSY_HEADER
  ws.getRow(5).values = MESSY_HEADER.map((_, i) => i + 1)
  let last = 5
  for (const { row, cells } of Object.values(MESSY_ROWS)) {
    ws.getRow(row).values = cells
    last = Math.max(last, row)
  }
  for (const cells of extraRows) ws.getRow(++last).values = cells
  ws.getRow(last + 1).values = ['Барлығы', null, null, null, null, null, null, String(last - 5)]
  ws.getCell('B6').numFmt = 'dd.mm.yyyy hh:mm'
  ws.getCell('B11').numFmt = 'dd.mm.yyyy'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A plain register of `count` valid rows: header on row 1, all sectors named as in the catalog. */
export async function largeRegisterXlsx(count: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Тізім')
  ws.addRow(['№', 'Күні', 'Аты-жөні', 'ЖСН', 'Сала', 'Мазмұны'])
  const sectors = ['Жер қатынастары', 'Әлеуметтік сала', 'Тұрғын үй-коммуналдық шаруашылығы', 'Басқа салалар']
  for (let i = 1; i <= count; i++) {
    const day = 2 + (i % 60)
    const date = excelDate(2026, 1, 1 + (day % 28), 9 + (i % 8), i % 60)
    ws.addRow([
      i,
      i % 2 === 0 ? date : `${String(1 + (day % 28)).padStart(2, '0')}.01.2026`,
      `Азамат${i} Нұрлан Серікұлы`,
      null,
      sectors[i % sectors.length],
      `Өтініш мәтіні №${i}: көше жарығы`,
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Text as windows-1251 bytes (what Excel on a Russian Windows saves as "CSV"). */
export function toWindows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251')
  const table = new Map<string, number>()
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b)
  return Buffer.from(
    [...text].map((ch) => {
      const byte = table.get(ch)
      if (byte === undefined) throw new Error(`${ch} is not in windows-1251`)
      return byte
    }),
  )
}

/** The header of an office's old register in Kazakh: its own number and date, the status and the answer. */
export const OLD_REGISTER_HEADER_KK = [
  'Р/с',
  'Тіркеу нөмірі',
  'Тіркелген күні',
  'Өтініш берушінің аты-жөні',
  'ЖСН/БСН',
  'Қысқаша мазмұны',
  'Күйі',
  'Қарау нәтижесі',
  'Жауап күні',
  'Жауап',
]

/** The same register kept in Russian. */
export const OLD_REGISTER_HEADER_RU = [
  '№ п/п',
  'Рег. №',
  'Дата регистрации',
  'ФИО заявителя',
  'ИИН/БИН',
  'Краткое содержание',
  'Статус',
  'Результат рассмотрения',
  'Дата ответа',
  'Текст ответа',
]

/** An old register: one title row, the header on row 2, then the rows as given (in the sheet's order). */
export async function oldRegisterXlsx(header: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Журнал')
  ws.getCell('A1').value = 'Өтініштерді тіркеу журналы / Журнал регистрации обращений'
  ws.mergeCells(1, 1, 1, header.length)
  ws.getRow(2).values = header
  rows.forEach((cells, i) => (ws.getRow(3 + i).values = cells))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
