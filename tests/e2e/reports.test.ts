import { PDF_ROW_LIMIT } from '@shared/reports/model'
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { catalogs } from '@shared/i18n'
import { pdfText, writeFirstPage } from '../helpers/pdf'
import { launchChromium, screenshot, SCREENSHOTS, startWebApp, usePageSession, type WebApp } from './harness'

/**
 * The Reports page end to end, in Chromium against the built web mode: the sample
 * district is loaded through the page's own button on an empty database; then, in Kazakh and
 * in Russian, each of the four reports is previewed and exported to xlsx and pdf through the
 * buttons. Every file is saved under test-results/e2e/reports/, the workbook is parsed, the
 * PDF's text is read with pdfjs, and its first page is drawn to PNG beside it for a person to
 * look at.
 */
const FILES = join(SCREENSHOTS, 'reports')
/** A test that writes an xlsx and a PDF: the PDF takes seconds, more on a busy machine. */
const EXPORT_TIMEOUT = 120_000

type Lang = 'kk' | 'ru'
type Kind = keyof (typeof catalogs)['kk']['reports']['kind']
/** Words of the reference district that the reports must show, per language. */
const REFERENCE = {
  kk: { housing: 'Тұрғын үй-коммуналдық шаруашылығы', meetingChannel: 'Есептік кездесу' },
  ru: { housing: 'Жилищно-коммунальное хозяйство', meetingChannel: 'Отчетная встреча' },
} as const

describe('reports in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    rmSync(FILES, { recursive: true, force: true })
    mkdirSync(FILES, { recursive: true })
    app = await startWebApp()
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin })
    page = await context.newPage()
    await usePageSession(page, app)
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const ui = (lang: Lang) => catalogs[lang]
  const preview = () => page.getByTestId('report-preview')
  const totalRow = () => preview().getByTestId('report-total-row').first()
  const chooseReport = (lang: Lang, kind: Kind) =>
    page.getByRole('radio', { name: ui(lang).reports.kind[kind] }).click()

  /**
   * Waits until the preview shows a settled model of this kind, in the report's language, whose
   * title matches (and whose office · period line holds `period`); returns the title. While a
   * new build runs, the previous model stays shown: this tells them apart.
   */
  async function previewTitled(lang: Lang, kind: Kind, title: RegExp | string, period = ''): Promise<string> {
    // Read in one go, without auto-waiting: a failure then shows what the preview did show.
    const state = () =>
      page.evaluate(() => {
        const preview = document.querySelector('[data-testid="report-preview"]')
        return {
          kind: preview?.getAttribute('data-kind'),
          lang: preview?.getAttribute('lang'),
          building: document.querySelectorAll('.ant-spin-spinning').length > 0,
          error: document.querySelector('[data-testid="report-error"]')?.textContent ?? '',
          title: preview?.querySelector('[data-testid="report-title"]')?.textContent ?? '',
          period: preview?.querySelector('[data-testid="report-period"]')?.textContent ?? '',
          // What the parameter fields hold and say, for a failure to explain itself.
          fields: [...document.querySelectorAll('[data-testid="report-params"] .ant-form-item')].map((item) =>
            `${item.querySelector('input')?.value ?? ''} ${item.querySelector('.ant-form-item-explain-error')?.textContent ?? ''}`.trim(),
          ),
        }
      })
    await expect.poll(state, { timeout: 20_000 }).toMatchObject({
      kind,
      lang,
      building: false,
      error: '',
      title: typeof title === 'string' ? title : expect.stringMatching(title),
      period: expect.stringContaining(period),
      fields: expect.not.arrayContaining([expect.stringMatching(/\S \S/)]),
    })
    return (await state()).title
  }

  /** Clicks an export button, saves the download under test-results and returns its path. */
  async function exportFile(lang: Lang, format: 'xlsx' | 'pdf', name: string): Promise<string> {
    const button = page.getByRole('button', { name: ui(lang).reportsUi.export[format] })
    await expect.poll(() => button.isEnabled()).toBe(true)
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()])
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`))
    const file = join(FILES, `${lang}-${name}.${format}`)
    await download.saveAs(file)
    expect(statSync(file).size).toBeGreaterThan(1000)
    return file
  }

  /** Every cell's text in the workbook, whitespace collapsed. */
  async function xlsxText(file: string): Promise<string> {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const texts: string[] = []
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          texts.push(cellShown(cell.value))
        }),
      ),
    )
    return squash(texts.join(' | '))
  }

  /** The PDF's text, whitespace collapsed; and its first page drawn to PNG beside it. */
  async function readPdf(file: string): Promise<string> {
    const bytes = readFileSync(file)
    const png = file.replace(/\.pdf$/, '-page1.png')
    await writeFirstPage(bytes, png, 60)
    expect(statSync(png).size).toBeGreaterThan(1000)
    return squash(await pdfText(bytes))
  }

  async function exportBoth(lang: Lang, name: string, title: string, mustHave: string[]) {
    const xlsx = await xlsxText(await exportFile(lang, 'xlsx', name))
    const pdf = await readPdf(await exportFile(lang, 'pdf', name))
    for (const text of [squash(title), ...mustHave]) {
      expect(xlsx, `xlsx of ${name} (${lang})`).toContain(text)
      expect(pdf, `pdf of ${name} (${lang})`).toContain(text)
    }
  }

  /** The cells of a preview table row, as shown. */
  async function rowCells(row: Locator): Promise<string[]> {
    return (await row.locator('td').allInnerTexts()).map((text) => text.trim())
  }

  /**
   * Types into an antd date or quarter picker (the test id sits on its input) and confirms.
   * Text typed while the calendar is still opening can be overwritten by it, so this waits for
   * the calendar, and types again until the field keeps the text once left.
   */
  async function typeDate(locator: Locator, text: string) {
    await expect
      .poll(
        async () => {
          await locator.click()
          await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor()
          await locator.fill(text)
          await locator.press('Enter')
          // Leaves the field, as a user would, which closes its calendar.
          await locator.press('Tab')
          return locator.inputValue()
        },
        { timeout: 15_000 },
      )
      .toBe(text)
  }

  it('offers the sample district on an empty database and loads it with the page button', async () => {
    await page.goto(app.url)
    await page.getByRole('menuitem', { name: ui('kk').nav.reports }).click()
    await page.getByText(ui('kk').reportsUi.sample.emptyTitle).waitFor()
    await expect(page.getByText(ui('kk').reportsUi.sample.hint).isVisible()).resolves.toBe(true)
    await page.getByRole('button', { name: ui('kk').reportsUi.sample.button }).click()
    const loaded = page.getByTestId('sample-loaded')
    await loaded.waitFor({ timeout: 60_000 })
    await expect(loaded.innerText()).resolves.toContain('22 есептік кездесу, ондағы 326 сұрақ')
  })

  for (const lang of ['kk', 'ru'] as const) {
    describe(`in ${lang === 'kk' ? 'Kazakh' : 'Russian'}`, () => {
      const t = ui(lang)

      it('previews sector by year 2021-2023 with the reference numbers', async () => {
        await page.getByTestId('language-switch').getByText(t.language[lang], { exact: true }).click()
        await page.getByRole('heading', { name: t.nav.reports }).waitFor()
        await chooseReport(lang, 'sector-by-year')
        // The page opens on the current year, or on the years last chosen (remembered for the
        // Russian pass): the reference period is set here.
        await page.getByTestId('param-to-year').fill('2023')
        await page.getByTestId('param-from-year').fill('2021')
        await previewTitled(lang, 'sector-by-year', /2021-2023/)

        await expect(rowCells(totalRow())).resolves.toEqual([
          '',
          t.reports.total,
          '115',
          '100',
          '71',
          '100',
          '140',
          '100',
        ])
        const housing = preview().locator('tr', { hasText: REFERENCE[lang].housing })
        await expect(rowCells(housing)).resolves.toEqual([
          '2',
          REFERENCE[lang].housing,
          '80',
          '69,57',
          '44',
          '61,97',
          '69',
          '49,29',
        ])
        await expect(preview().getByTestId('report-sentences').innerText()).resolves.toContain('49-69%')
        await expect.poll(() => preview().getByTestId('bar-chart').count()).toBe(3)
        await screenshot(page, `${lang}-reports-sector-by-year`)
      })

      it('copies the generated sentences to the clipboard', async () => {
        const sentences = preview().getByTestId('report-sentences')
        await sentences.getByRole('button', { name: t.reportsUi.preview.copy }).click()
        await page.getByText(t.reportsUi.preview.copied).waitFor()
        const copied = await page.evaluate(() => navigator.clipboard.readText())
        expect(copied.length).toBeGreaterThan(40)
        await expect(sentences.locator('.ant-typography').last().innerText()).resolves.toBe(copied)
      })

      it(
        'exports sector by year to xlsx and pdf',
        async () => {
          const title = await previewTitled(lang, 'sector-by-year', /2021-2023/)
          await exportBoth(lang, 'sector-by-year', title, [REFERENCE[lang].housing, '115', '71', '140'])
        },
        EXPORT_TIMEOUT,
      )

      it('says what is wrong with the parameters, under the field, in the user language', async () => {
        const from = page.getByTestId('param-from-year')
        await from.fill('2025')
        await page.getByText(t.validation.yearRange).waitFor()
        await expect(page.getByRole('button', { name: t.reportsUi.export.pdf }).isDisabled()).resolves.toBe(true)
        await from.fill('2021')
        await previewTitled(lang, 'sector-by-year', /2021-2023/)
        // The message leaves with antd's fade-out.
        await expect.poll(() => page.getByText(t.validation.yearRange).count()).toBe(0)
      })

      it(
        'previews and exports the quarterly report for 2023 Q1',
        async () => {
          await chooseReport(lang, 'quarterly')
          await typeDate(page.getByTestId('param-quarter'), '2023-Q1')
          const title = await previewTitled(lang, 'quarterly', /2023/)
          // Every 2023 report meeting was held in the first quarter: its 140 questions.
          const meetings = preview().locator('tr', { hasText: REFERENCE[lang].meetingChannel }).first()
          expect((await rowCells(meetings))[2]).toBe('140')
          const total = await rowCells(totalRow())
          await screenshot(page, `${lang}-reports-quarterly`)
          await exportBoth(lang, 'quarterly', title, [REFERENCE[lang].housing, total[2]!, total[3]!])
        },
        EXPORT_TIMEOUT,
      )

      it(
        'previews and exports the register of 2023 Q1, saying what a PDF holds',
        async () => {
          await chooseReport(lang, 'register')
          await typeDate(page.getByTestId('param-from-date'), '01.01.2023')
          await typeDate(page.getByTestId('param-to-date'), '31.03.2023')
          const title = await previewTitled(lang, 'register', t.reports.kind.register, '01.01.2023 – 31.03.2023')
          const notice = page.getByTestId('pdf-limit')
          await expect
            .poll(() => notice.innerText())
            .toContain(t.reportsUi.export.pdfFits.replace('{{limit}}', String(PDF_ROW_LIMIT)))
          const rows = Number(/\d+/.exec(await notice.innerText())![0])
          expect(rows).toBeGreaterThanOrEqual(140)
          // A long table comes in pages of 20 rows.
          await expect.poll(() => preview().locator('tbody tr.ant-table-row').count()).toBe(20)
          const first = await rowCells(preview().locator('tbody tr.ant-table-row').first())
          await screenshot(page, `${lang}-reports-register`)
          // The first row's registration number, in both files.
          await exportBoth(lang, 'register', title, [first[1]!])
        },
        EXPORT_TIMEOUT,
      )

      it(
        'previews and exports the press summary of the 2023 meetings',
        async () => {
          await chooseReport(lang, 'press-summary')
          await page.getByTestId('param-press-year').click()
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^2023$/ }).click()
          const title = await previewTitled(lang, 'press-summary', /2023/)
          const sentences = await preview().getByTestId('report-sentences').innerText()
          expect(sentences).toContain('140')
          await screenshot(page, `${lang}-reports-press-summary`)
          await exportBoth(lang, 'press-summary', title, [REFERENCE[lang].housing, '140'])
        },
        EXPORT_TIMEOUT,
      )

      it('summarises one meeting instead, the latest by default', async () => {
        const yearTitle = await previewTitled(lang, 'press-summary', /2023/)
        await page.getByTestId('report-params').getByText(t.reportsUi.params.byMeeting, { exact: true }).click()
        // The latest meeting of the reference district: 6 March 2023.
        await expect.poll(() => page.getByTestId('report-params').innerText()).toContain('06.03.2023')
        await expect
          .poll(() => preview().getByTestId('report-title').innerText(), { timeout: 15_000 })
          .not.toBe(yearTitle)
        await expect(preview().innerText()).resolves.toContain('06.03.2023')
        await page.getByTestId('report-params').getByText(t.reportsUi.params.byYear, { exact: true }).click()
        await expect.poll(() => preview().getByTestId('report-title').innerText(), { timeout: 15_000 }).toBe(yearTitle)
      })
    })
  }

  it('shows that a file is being prepared, with the buttons held, until it arrives', async () => {
    // Hold the export's answer a moment, so the waiting state can be seen.
    await page.route('**/api/reports.export', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800))
      await route.continue()
    })
    const t = ui('ru')
    const download = page.waitForEvent('download', { timeout: 30_000 })
    await page.getByRole('button', { name: t.reportsUi.export.pdf }).click()
    await page.getByTestId('export-progress').getByText(t.reportsUi.export.preparing).waitFor()
    await expect(page.getByRole('button', { name: t.reportsUi.export.xlsx }).isDisabled()).resolves.toBe(true)
    await screenshot(page, 'ru-reports-exporting')
    await download
    await page.getByTestId('export-progress').waitFor({ state: 'detached' })
    await page.unroute('**/api/reports.export')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

/** A workbook cell as a reader sees it: a formula by its stored result, a date as dd.mm.yyyy. */
function cellShown(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10).split('-').reverse().join('.')
  if (value && typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return String(value.result ?? '')
    if ('richText' in value) return value.richText.map((run) => run.text).join('')
  }
  return String(value ?? '')
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
