import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
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
 * An office's old register through the import wizard, in Kazakh and then Russian: its own
 * numbers and registration dates, the status each appeal reached and its answer. The preview
 * shows each row's applicant type and status, and warns of the open appeals that arrive
 * overdue; the commit numbers them in date order and stores the answered ones answered.
 */

/** This computer's local date, `days` ago, as the register writes it (the app runs on the real clock). */
function daysAgo(days: number): string {
  const day = new Date()
  day.setDate(day.getDate() - days)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(day.getDate())}.${two(day.getMonth() + 1)}.${day.getFullYear()}`
}

/** Valid numbers (worked out in tests/helpers/appeals.ts), and an IIN of a man born on 2030-01-15. */
const IIN = { aigul: '851203401116', nurlan: '900515301234' }
const BIN = '051240001234'
const FUTURE_IIN = '300115500122'
const SECTOR = 'Жер қатынастары'

/** The sheet's rows, newest first as the clerk kept them. */
const ROWS: ExcelJS.CellValue[][] = [
  [1, 'К-41', daysAgo(3), 'Жұмабеков Нұрлан Серікұлы', IIN.nurlan, SECTOR, 'Жер телімі', null, null, null, null],
  [2, 'К-40', daysAgo(9), 'Ахметов Серік Болатұлы', FUTURE_IIN, SECTOR, 'Жол жөндеу', null, null, null, null],
  [3, 'К-12', daysAgo(50), 'ТОО «Береке»', BIN, SECTOR, 'Жайылым жалға алу', 'Орындалуда', null, null, null],
  [
    4,
    'К-11',
    daysAgo(60),
    'Сейітова Айгүл Болатқызы',
    IIN.aigul,
    SECTOR,
    'Су құбыры',
    'Қаралды',
    'Түсіндірілді',
    daysAgo(55),
    'Жөндеу жоспарға енгізілді',
  ],
]

async function oldRegister(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Журнал')
  ws.addRow([
    'Р/с',
    'Тіркеу нөмірі',
    'Тіркелген күні',
    'Өтініш берушінің аты-жөні',
    'ЖСН/БСН',
    'Сала',
    'Қысқаша мазмұны',
    'Күйі',
    'Қарау нәтижесі',
    'Жауап күні',
    'Жауап',
  ])
  for (const row of ROWS) ws.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('an old register imported, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const wizard = () => page.getByTestId('import-wizard')
  const atStep = (title: string) =>
    wizard().locator('.ant-steps-item-active .ant-steps-item-title', { hasText: title }).waitFor()
  const next = async (step: string) => {
    await wizard().getByTestId('import-next').click()
    await atStep(step)
  }
  const scrollTable = (left: number) =>
    wizard()
      .locator('.ant-table-content')
      .evaluate((box, x) => box.scrollTo({ left: x }), left)
  const rowOf = (text: string) => wizard().locator('.ant-table-tbody tr.ant-table-row', { hasText: text })

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it("shows each row's applicant type and status, and the open appeals that arrive overdue, in kk and ru", async () => {
    await page.goto(`${app.origin}/#/settings/import`)
    await page.getByRole('tab', { name: 'Импорт', exact: true, selected: true }).waitFor()
    await page.locator('input[type=file][data-testid="import-file"]').setInputFiles({
      name: 'Ескі журнал.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await oldRegister(),
    })
    await atStep('Бағандар')
    await expect(wizard().getByText('Міндетті өрістер таңдалмаған', { exact: false }).count()).resolves.toBe(0)
    await next('Салалар')
    await next('Тексеру')

    // the future-born IIN is a person's IIN refused, shown first
    await rowOf('Ахметов').waitFor()
    const refused = await rowOf('Ахметов').innerText()
    expect(refused).toContain('Жеке тұлға')
    expect(refused).toContain('ЖСН / БСН:')
    await wizard().getByText('Барлығы', { exact: true }).click()
    await rowOf('Береке').waitFor()
    await expect(rowOf('Береке').innerText()).resolves.toMatch(/Орындалуда[\s\S]*Ұйым/)
    await expect(rowOf('Сейітова').innerText()).resolves.toMatch(/Жауап берілді[\s\S]*Жеке тұлға/)
    await expect(rowOf('Жұмабеков').innerText()).resolves.toMatch(/Тіркелді[\s\S]*Жеке тұлға/)
    const overdue = page.getByTestId('import-open-overdue')
    await expect(overdue.innerText()).resolves.toContain('Импортталатын 1 ашық өтініштің мерзімі өтіп кеткен')
    await screenshot(page, 'kk-import-old-register-preview')
    // past the problems column, as the clerk scrolls: the applicant's name beside its type
    await scrollTable(540)
    await screenshot(page, 'kk-import-old-register-preview-applicants')
    await scrollTable(0)

    await page.getByTestId('language-switch').getByText('Русский', { exact: true }).click()
    await wizard().getByRole('columnheader', { name: 'Тип заявителя', exact: true }).waitFor()
    await wizard().getByRole('columnheader', { name: 'Статус обращения', exact: true }).waitFor()
    await expect(rowOf('Береке').innerText()).resolves.toMatch(/На исполнении[\s\S]*Организация/)
    await expect(rowOf('Сейітова').innerText()).resolves.toMatch(/Дан ответ[\s\S]*Физическое лицо/)
    await expect(overdue.innerText()).resolves.toContain('уже просрочено: 1')
    await screenshot(page, 'ru-import-old-register-preview')
    await scrollTable(540)
    await screenshot(page, 'ru-import-old-register-preview-applicants')

    await wizard().getByTestId('import-commit').click()
    await (await openedDialog(page)).getByRole('button', { name: /3/ }).click()
    await page.getByTestId('import-result').waitFor()

    // numbered in the order of their registration dates, the answered one stored answered
    const list = await callApi<{ rows: { regNumber: string; status: string; overdue: boolean; summary: string }[] }>(
      app,
      'appeals.list',
      { sort: 'regNumber', order: 'asc' },
    )
    expect(list.rows.map((a) => [a.summary, a.status, a.overdue])).toEqual([
      ['Су құбыры', 'answered', false],
      ['Жайылым жалға алу', 'in_progress', true],
      ['Жер телімі', 'registered', false],
    ])
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
