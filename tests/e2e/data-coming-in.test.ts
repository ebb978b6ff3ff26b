import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  openedDialog,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Data coming in, as a district clerk does it in Kazakh: an office register (.xlsx) through the
 * import wizard — columns, a sector name chosen, the rows' problems, the commit — and the same
 * file again adding nothing; then an okrug's package (exported by a second app, the okrug's)
 * imported in Settings → consolidation, and a damaged and a foreign file refused.
 */

// ---------------------------------------------------------------- the register file

/** This computer's local date, `days` ago: rows must be received in the past, and the app runs on the real clock. */
function daysAgo(days: number): { y: number; m: number; d: number } {
  const day = new Date()
  day.setDate(day.getDate() - days)
  return { y: day.getFullYear(), m: day.getMonth() + 1, d: day.getDate() }
}

/** An Excel date cell: exceljs stores a Date as a serial counted in UTC, which the import reads as the office's wall clock. */
function excelDate(days: number, hour: number, minute = 0): Date {
  const { y, m, d } = daysAgo(days)
  return new Date(Date.UTC(y, m - 1, d, hour, minute))
}

/** IINs with a correct check digit (worked out in tests/helpers/appeals.ts), and one with its last digit wrong. */
const IIN = { aigul: '851203401116', nurlan: '900515301234', wrongCheckDigit: '780302305550' }

/** A text that is no catalog name, only like one: the sector step leaves it for the clerk to choose. */
const UNMATCHED_SECTOR = 'Коммуналдық мәселелер'
/** The sector step's key of that text: folded case and Kazakh letters (sectorKey in src/main/import). */
const UNMATCHED_KEY = 'коммуналдык маселелер'
const HOUSING = 'Тұрғын үй-коммуналдық шаруашылығы'

/** The register's rows; `valid` says whether the wizard should import it. */
const ROWS = [
  {
    date: excelDate(6, 9, 30),
    name: 'Әбдіғалиева Гүлнұр Қанатқызы',
    iin: IIN.aigul,
    sector: 'Әлеуметтік сала',
    summary: 'Көпбалалы отбасына әлеуметтік көмек',
    valid: true,
  },
  {
    date: excelDate(6, 11, 15),
    name: 'Жаңабаев Мұхтар Өмірұлы',
    iin: null,
    sector: UNMATCHED_SECTOR,
    summary: 'Көшедегі су құбыры жарылған',
    valid: true,
  },
  {
    date: excelDate(5, 10, 0),
    name: 'Һамитов Бауыржан Серікұлы',
    iin: IIN.nurlan,
    sector: 'Жер қатынастары',
    summary: 'Жер телімін ресімдеу туралы',
    valid: true,
  },
  {
    date: excelDate(5, 15, 40),
    name: 'Қасымов Ерлан Төлеуұлы',
    iin: IIN.wrongCheckDigit,
    sector: 'Жер қатынастары',
    summary: 'Жайылым жері туралы',
    valid: false,
  },
  {
    date: excelDate(4, 12, 5),
    name: 'Үсенова Айгерім Нұрланқызы',
    iin: null,
    sector: UNMATCHED_SECTOR,
    summary: 'Көше жарығы жанбайды',
    valid: true,
  },
  {
    date: excelDate(3, 16, 20),
    name: 'Ғабитов Ерсін Бекұлы',
    iin: null,
    sector: 'Әлеуметтік сала',
    summary: 'Мүгедектігі бар адамға пандус',
    valid: true,
  },
]
const VALID = ROWS.filter((r) => r.valid)
const PROBLEM = ROWS.find((r) => !r.valid)!

/** The register as an akimat keeps it: two merged title rows above Kazakh headers on row 4. */
async function registerXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Журнал')
  ws.getCell('A1').value = 'Қарқаралы ауданы әкімдігі'
  ws.mergeCells('A1:F1')
  ws.getCell('A2').value = 'Азаматтардың өтініштерін тіркеу журналы'
  ws.mergeCells('A2:F2')
  ws.getRow(4).values = ['№', 'Түскен күні', 'Өтініш берушінің аты-жөні', 'ЖСН', 'Сала', 'Қысқаша мазмұны']
  ROWS.forEach((r, i) => {
    const row = ws.getRow(5 + i)
    row.values = [i + 1, r.date, r.name, r.iin, r.sector, r.summary]
    row.getCell(2).numFmt = 'dd.mm.yyyy hh:mm'
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

interface ListedAppeal {
  regNumber: string
  applicantName: string | null
  summary: string
  sectorId: number
}
const appeals = async (app: WebApp) =>
  (await callApi<{ rows: ListedAppeal[]; total: number }>(app, 'appeals.list', { limit: 100 })).rows
const sectorIds = async (app: WebApp) =>
  Object.fromEntries(
    (await callApi<{ id: number; nameKk: string }[]>(app, 'sectors.list')).map((s) => [s.nameKk, s.id]),
  )

/** An office's identity and the clerk at the keyboard: what every office has before it works. */
async function setUpOffice(app: WebApp, nameKk: string, nameRu: string, clerk: string): Promise<void> {
  await callApi(app, 'office.update', {
    nameKk,
    nameRu,
    district: 'Қарқаралы ауданы',
    region: 'Қарағанды облысы',
    headName: '',
    headPosition: '',
  })
  const staff = await callApi<{ id: number }>(app, 'staff.create', { fullName: clerk, position: 'Бас маман' })
  await actAs(app, { fullName: clerk, staffId: staff.id })
}

const OKRUG_OFFICE = 'Қарабас ауылдық округі әкімінің аппараты'
const OKRUG = 'Қарабас ауылдық округі'

/** The okrug office: an okrug with a settlement and three appeals of its own. Returns their numbers there. */
async function setUpOkrug(app: WebApp): Promise<string[]> {
  await setUpOffice(app, OKRUG_OFFICE, 'Аппарат акима Карабасского сельского округа', 'Төлеуова Сәуле Ғалымқызы')
  const okrug = await callApi<{ id: number }>(app, 'localities.create', {
    kind: 'okrug',
    parentId: null,
    nameKk: OKRUG,
    nameRu: 'Карабасский сельский округ',
  })
  const village = await callApi<{ id: number }>(app, 'localities.create', {
    kind: 'settlement',
    parentId: okrug.id,
    nameKk: 'Қарабас ауылы',
    nameRu: 'село Карабас',
  })
  const sectors = await sectorIds(app)
  const numbers: string[] = []
  for (const [days, surname, summary, sector] of [
    [9, 'Өтегенов', 'Ауылға баратын жол бұзылған', 'Басқа салалар'],
    [8, 'Нұрғалиева', 'Мектепке автобус қажет', 'Әлеуметтік сала'],
    [7, 'Ісмағұлов', 'Мал жайылымы бөлінбеген', 'Ауыл шаруашылығы және ветеринария'],
  ] as const) {
    const { y, m, d } = daysAgo(days)
    const created = await callApi<{ regNumber: string }>(app, 'appeals.create', {
      receivedAt: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:30`,
      channel: 'reception',
      appealType: 'application',
      sectorId: sectors[sector],
      localityId: village.id,
      applicant: { kind: 'individual', surname, firstName: 'Дәулет' },
      summary,
    })
    numbers.push(created.regNumber)
  }
  return numbers
}

// ---------------------------------------------------------------- the test

describe('data coming in, in Chromium', () => {
  let district: WebApp
  let okrug: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  /** Where files wait to be chosen: the clerk's flash drive. */
  const folder = mkdtempSync(join(tmpdir(), 'akimat-e2e-files-'))
  let register: Buffer

  /** Opens a Settings tab by its address, as a bookmark or the menu would. */
  async function openSettings(tab: string, label: string): Promise<void> {
    await page.goto(`${district.origin}/#/settings/${tab}`)
    await page.getByRole('tab', { name: label, exact: true, selected: true }).waitFor()
  }
  const wizard = () => page.getByTestId('import-wizard')
  // antd's Upload passes data-* props to its hidden <input type=file>: the test id is on the input itself.
  const chooseRegister = () =>
    page.locator('input[type=file][data-testid="import-file"]').setInputFiles({
      name: 'Өтініштер журналы.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: register,
    })
  /** Waits for the wizard to be at a step, by the title antd marks as current (reading a file takes a moment). */
  const atStep = (title: string) =>
    wizard().locator('.ant-steps-item-active .ant-steps-item-title', { hasText: title }).waitFor()
  const next = async (step: string) => {
    await wizard().getByTestId('import-next').click()
    await atStep(step)
  }
  /** Waits for the preview's count tags to read exactly these, in this order. */
  const countsAre = async (...tags: string[]) => {
    const shown = page.getByTestId('import-counts').locator('.ant-tag')
    await shown.filter({ hasText: tags[0] }).waitFor()
    await expect(shown.allInnerTexts()).resolves.toEqual(tags)
  }
  /** Rows of the wizard's table (the columns, sectors or preview step). */
  const tableRows = () => wizard().locator('.ant-table-tbody tr.ant-table-row')
  /** A modal's closing animation must be over before a screenshot shows the page. */
  const noModal = () => expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0)
  const packageInput = () =>
    page.locator('.ant-upload', { has: page.getByTestId('consolidation-import') }).locator('input[type=file]')

  beforeAll(async () => {
    ;[district, okrug, register] = await Promise.all([startWebApp(), startWebApp(), registerXlsx()])
    await setUpOffice(
      district,
      'Қарқаралы ауданы әкімдігі',
      'Акимат Каркаралинского района',
      'Жұмағалиева Әсем Серікқызы',
    )
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, district)
    await page.goto(district.url) // the token from the link goes to sessionStorage
    await page.getByTestId('language-switch').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all([district?.stop(), okrug?.stop()])
    rmSync(folder, { recursive: true, force: true })
  })

  it('imports a register: columns found under the title, a sector chosen, the bad row named, valid rows written', async () => {
    await openSettings('import', 'Импорт')
    await chooseRegister()

    // Columns: the header found on row 4 under two merged title rows, every column suggested.
    await atStep('Бағандар')
    await wizard().getByText('Тақырып үстіндегі 2 жол (атауы, күні) өткізіп жіберілді').waitFor()
    await expect(wizard().getByTestId('import-header-row').inputValue()).resolves.toBe('4') // the id is on the <input> itself
    await expect(wizard().getByText('Міндетті өрістер таңдалмаған', { exact: false }).count()).resolves.toBe(0)

    // Sectors: exact names come chosen; the unknown one waits for the clerk.
    await next('Салалар')
    await wizard().getByText('1 атау сәйкестендірілмеген', { exact: false }).waitFor()
    const select = wizard().getByTestId(`import-sector-${UNMATCHED_KEY}`)
    await select.click()
    await page.keyboard.type('Тұрғын')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: HOUSING }).click()
    await select.getByText(HOUSING).waitFor()
    await expect(wizard().getByText('атау сәйкестендірілмеген', { exact: false }).count()).resolves.toBe(0)
    // the clerk's choice is marked: as a similar name when the catalog offered it (★), else as chosen
    await expect(tableRows().filter({ hasText: UNMATCHED_SECTOR }).locator('.ant-tag').innerText()).resolves.toMatch(
      /^(ұқсас атау|таңдалды)$/,
    )

    // Preview: the counts, and the bad row shown first with its field named.
    await next('Тексеру')
    await countsAre('Барлық жол: 6', 'Импортталады: 5', 'Қатесі бар: 1')
    // with problems, the preview opens on the rows that have them (the table may draw after the counts)
    await expect.poll(() => tableRows().count()).toBe(1)
    const problemRow = await tableRows().first().innerText()
    expect(problemRow).toContain(PROBLEM.name)
    expect(problemRow).toContain('ЖСН / БСН: ЖСН бақылау саны сәйкес келмейді: нөмірді тексеріңіз')
    // the problems column is the table's last: scrolled to, as the clerk would, for the photograph
    await wizard()
      .locator('.ant-table-content')
      .evaluate((box) => box.scrollTo({ left: box.scrollWidth }))
    await screenshot(page, 'kk-import-preview-problems')
    await wizard().getByText('Барлығы', { exact: true }).click()
    await tableRows().nth(5).waitFor()
    await expect(tableRows().count()).resolves.toBe(6)
    await expect(tableRows().filter({ hasText: 'Импортталады' }).count()).resolves.toBe(5)
    // every summary is readable (the column once had no width left at all)
    for (const row of ROWS) await wizard().getByText(row.summary, { exact: true }).waitFor()
    await wizard()
      .locator('.ant-table-content')
      .evaluate((box) => box.scrollTo({ left: 0 }))
    await screenshot(page, 'kk-import-preview')

    // Commit, confirmed in the modal.
    await wizard().getByTestId('import-commit').click()
    const dialog = await openedDialog(page)
    await dialog.getByText('тіркеу нөмірлері мен қарау мерзімдері беріледі', { exact: false }).waitFor()
    await dialog.getByRole('button', { name: '5 өтінішті импорттау' }).click()
    const result = page.getByTestId('import-result')
    await result.getByText('Импортталды: 5 өтініш', { exact: true }).waitFor()
    await noModal()

    // In the database: exactly the valid rows, each in its sector, numbered as the result says.
    const sectors = await sectorIds(district)
    const written = await appeals(district)
    const expected = VALID.map((r) => ({
      applicantName: r.name,
      summary: r.summary,
      sectorId: sectors[r.sector === UNMATCHED_SECTOR ? HOUSING : r.sector],
    }))
    expect(written.map(({ applicantName, summary, sectorId }) => ({ applicantName, summary, sectorId }))).toEqual(
      expect.arrayContaining(expected),
    )
    expect(written).toHaveLength(VALID.length)
    const numbers = written.map((a) => a.regNumber).sort()
    for (const n of numbers) expect(n).toMatch(/^\d{4}-\d{6}$/)
    await result.getByText(`Тіркеу нөмірлері: ${numbers[0]} – ${numbers.at(-1)}`, { exact: true }).waitFor()
    await result.getByText('Қатесі болғандықтан қосылмады: 1', { exact: true }).waitFor()
    await screenshot(page, 'kk-import-result')
  })

  it('shows the same file again as imported before, the sector choice remembered, and writes nothing', async () => {
    const before = await appeals(district)
    await page.getByTestId('import-result').getByRole('button', { name: 'Басқа файл' }).click()
    await chooseRegister()
    await atStep('Бағандар')
    await next('Салалар')
    // the choice made last time is remembered in settings
    await wizard().getByTestId(`import-sector-${UNMATCHED_KEY}`).getByText(HOUSING).waitFor()
    await expect(tableRows().filter({ hasText: UNMATCHED_SECTOR }).locator('.ant-tag').innerText()).resolves.toBe(
      'есте сақталған',
    )

    await next('Тексеру')
    await countsAre('Барлық жол: 6', 'Импортталады: 0', 'Қатесі бар: 1', 'Бұрын импортталған: 5')
    const commit = wizard().getByTestId('import-commit')
    await expect(commit.innerText()).resolves.toBe('Импорттайтын қатесіз жол жоқ')
    await expect(commit.isDisabled()).resolves.toBe(true)
    await wizard().getByText('Өткізілетіндер', { exact: true }).click()
    await tableRows().nth(4).waitFor()
    await expect(tableRows().filter({ hasText: 'Бұрын импортталған' }).count()).resolves.toBe(5)

    expect(await appeals(district)).toEqual(before)
  })

  it("imports an okrug's package: the summary, the appeals under the okrug's prefix, in the API and the list", async () => {
    const okrugNumbers = await setUpOkrug(okrug)
    const exported = await callApi<{ fileName: string; base64: string }>(okrug, 'consolidation.exportPackage')
    const file = join(folder, exported.fileName)
    writeFileSync(file, Buffer.from(exported.base64, 'base64'))

    await openSettings('consolidation', 'Біріктіру')
    await page.getByTestId('consolidation-sources').getByText('Әлі бірде-бір пакет импортталмаған').waitFor()
    await packageInput().setInputFiles(file)

    const summary = page.getByTestId('consolidation-import-result')
    await summary.getByText(`«${OKRUG_OFFICE}» пакеті импортталды`, { exact: true }).waitFor()
    await summary.getByText('Осы мекеменің өтініштері мұнда «1/» белгісімен нөмірленеді', { exact: true }).waitFor()
    // per kind: added, updated, unchanged, in conflict
    const kindRow = (kind: string) => summary.locator('tr.ant-table-row', { hasText: kind }).innerText()
    await expect(kindRow('Елді мекендер')).resolves.toMatch(/Елді мекендер\s+2\s+0\s+0\s+0/)
    await expect(kindRow('Есептік кездесулер')).resolves.toMatch(/Есептік кездесулер\s+0\s+0\s+0\s+0/)
    await expect(kindRow('Өтініштер')).resolves.toMatch(/Өтініштер\s+3\s+0\s+0\s+0/)
    // the sources table is read again after the import
    await page.getByTestId('consolidation-sources').locator('tr.ant-table-row', { hasText: OKRUG_OFFICE }).waitFor()
    // the summary's table stays inside its half-width card: the page does not scroll sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0)
    await screenshot(page, 'kk-consolidation-summary')

    // The okrug's own numbers under the code the district gave it; the district's own untouched.
    const prefixed = okrugNumbers.map((n) => `1/${n}`).sort()
    const all = await appeals(district)
    expect(
      all
        .map((a) => a.regNumber)
        .filter((n) => n.startsWith('1/'))
        .sort(),
    ).toEqual(prefixed)
    expect(all).toHaveLength(VALID.length + okrugNumbers.length)

    await page.goto(`${district.origin}/#/appeals`)
    await page
      .getByTestId('appeals-count')
      .filter({ hasText: `${all.length} / ${all.length}` })
      .waitFor()
    const table = page.getByTestId('appeals-table')
    for (const n of prefixed) await table.getByText(n, { exact: true }).waitFor()
    await table.getByText('Ауылға баратын жол бұзылған', { exact: false }).waitFor()
    await page.mouse.move(0, 0) // no header tooltip from where the last click was
    await screenshot(page, 'kk-appeals-after-consolidation')
  })

  it('refuses a damaged package and a foreign file in Kazakh, and writes nothing', async () => {
    const state = async () => ({
      appeals: await appeals(district),
      sources: await callApi(district, 'consolidation.sources'),
      localities: await callApi(district, 'localities.list'),
    })
    const before = await state()
    await openSettings('consolidation', 'Біріктіру')
    const result = page.getByTestId('consolidation-import-result')

    // A package cut short on the way (a flash drive pulled out): gzip's check fails.
    const exported = await callApi<{ fileName: string; base64: string }>(okrug, 'consolidation.exportPackage')
    const whole = Buffer.from(exported.base64, 'base64')
    const damaged = join(folder, `cut-${exported.fileName}`)
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)))
    await packageInput().setInputFiles(damaged)
    await result.getByText('Пакет қабылданбады', { exact: true }).waitFor()
    await result
      .getByText('Файл бүлінген: ол толық емес немесе бақылау сомасы сәйкес келмейді. Ештеңе жазылған жоқ.', {
        exact: false,
      })
      .waitFor()
    await screenshot(page, 'kk-consolidation-damaged')

    // A few bytes that are nothing at all, named like a package.
    const foreign = join(folder, 'akimat-package.json.gz')
    writeFileSync(foreign, Buffer.from([0x00, 0x13, 0x37, 0xfe, 0x42, 0x99, 0x07]))
    await packageInput().setInputFiles(foreign)
    await result.getByText('Бұл файл Akimat Desk деректер пакеті емес. Ештеңе жазылған жоқ.', { exact: true }).waitFor()

    expect(await state()).toEqual(before)
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
