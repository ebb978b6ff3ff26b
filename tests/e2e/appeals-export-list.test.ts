import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { AppealPage } from '@shared/api/contract'
import { pdfText, writeFirstPage } from '../helpers/pdf'
import {
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  SCREENSHOTS,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * The register printed as it is filtered: with the overdue appeals of the sample office on
 * screen, "PDF" and "Excel" beside the column chooser download files holding the list's rows,
 * in the columns the user chose, titled with the filter in Kazakh.
 */
describe('the filtered register as a file, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let overdue: string[]
  const errors: string[] = []

  beforeAll(async () => {
    app = await startWebApp()
    await callApi(app, 'sample.load')
    const list = await callApi<AppealPage>(app, 'appeals.list', { overdue: true, sort: 'regNumber', limit: 500 })
    overdue = list.rows.map((row) => row.regNumber)
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors, { width: 1366, height: 768 })
    await usePageSession(page, app)
    await page.goto(`${app.url}`)
    // the register with the overdue filter, as the dashboard's figure opens it
    await page.evaluate(() => {
      sessionStorage.setItem(
        'akimat-desk.appeals.filters',
        JSON.stringify({
          query: '',
          from: null,
          to: null,
          sectorIds: [],
          statuses: [],
          channels: [],
          appealTypes: [],
          localityIds: [],
          executorIds: [],
          overdue: true,
          dueThisWeek: false,
        }),
      )
      sessionStorage.setItem('akimat-desk.appeals.sort', JSON.stringify({ sort: 'regNumber', order: 'desc' }))
    })
    await page.getByRole('menuitem', { name: 'Өтініштер' }).click()
    await page.locator('.ant-table-row').first().waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('downloads the PDF of the list on screen, every row of it, titled with the filter', async () => {
    expect(overdue.length).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('appeals-count').textContent()).toContain(`/ ${overdue.length}`)
    await screenshot(page, 'kk-appeals-export-buttons')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export-pdf').click()])
    const pdf = join(SCREENSHOTS, 'kk-appeals-list.pdf')
    await download.saveAs(pdf)
    expect(download.suggestedFilename()).toMatch(/^Мерзімі-өткен-өтініштер\.pdf$/)
    const bytes = readFileSync(pdf)
    await writeFirstPage(bytes, join(SCREENSHOTS, 'kk-appeals-list-pdf.png'), 100)
    const text = await pdfText(bytes)
    expect(text).toContain('Мерзімі өткен өтініштер')
    const numbers = text.match(/\b\d{4}-\d{6}\b/g) ?? []
    // the list's order: newest number first, as on screen and as the API sorts by default
    expect(numbers).toEqual(overdue)
    expect(errors).toEqual([])
  })

  it('downloads the Excel file in the columns the user chose', async () => {
    await page.getByTestId('column-chooser-button').click()
    await page.getByTestId('column-chooser').getByLabel('Мазмұны').uncheck()
    await page.keyboard.press('Escape')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export-xlsx').click()])
    const xlsx = join(SCREENSHOTS, 'kk-appeals-list.xlsx')
    await download.saveAs(xlsx)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(xlsx)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('Мерзімі өткен өтініштер')
    let header = 0
    for (let r = 1; r <= sheet.rowCount && header === 0; r++)
      if (sheet.getRow(r).getCell(1).value === 'Нөмірі') header = r
    const headers = (sheet.getRow(header).values as unknown[]).slice(1)
    expect(headers).toEqual(['Нөмірі', 'Қабылданды', 'Өтініш беруші', 'Сала', 'Күйі', 'Мерзімі', 'Орындаушы'])
    const numbers: unknown[] = []
    for (let r = header + 1; r <= sheet.rowCount; r++) numbers.push(sheet.getRow(r).getCell(1).value)
    expect(numbers.filter(Boolean)).toEqual(overdue)
    expect(errors).toEqual([])
  })
})
