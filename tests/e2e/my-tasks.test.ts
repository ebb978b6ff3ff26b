import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { MyTasks, StaffMember } from '@shared/api/contract'
import { pdfText, writeFirstPage } from '../helpers/pdf'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  SCREENSHOTS,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/** This computer's local date and time, `days` ago, as the API takes it ('YYYY-MM-DDTHH:MM'). */
function localDateTime(daysAgo: number, time: string): string {
  const day = new Date()
  day.setDate(day.getDate() - daysAgo)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${time}`
}

/**
 * A clerk who is an executor signs in to the sample district with three more appeals of theirs
 * past the deadline: the dashboard's "My tasks" shows their overdue, today's and tomorrow's
 * appeals with the counts the register has for them, "overdue" opens the register with that
 * many, and the task sheet comes as a PDF with their name; in Kazakh and in Russian.
 */
describe('my tasks on the dashboard, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let executor: StaffMember
  const expected = { overdue: 0, dueToday: 0, dueTomorrow: 0 }
  const errors: string[] = []

  beforeAll(async () => {
    app = await startWebApp()
    await callApi(app, 'sample.load')
    executor = (await callApi<StaffMember[]>(app, 'staff.list', {})).find((s) => s.isExecutor && s.active)!
    const sectors = await callApi<{ id: number }[]>(app, 'sectors.list', {})
    for (const daysAgo of [60, 50, 40]) {
      await callApi(app, 'appeals.create', {
        receivedAt: localDateTime(daysAgo, '10:00'),
        channel: 'reception',
        appealType: 'application',
        sectorId: sectors[0]!.id,
        applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Серік' },
        summary: 'Абай көшесінде шамдар жанбайды',
        executorId: executor.id,
      })
    }
    // what the register counts for this executor, asked the list's way (not myTasks)
    const count = async (filters: object) =>
      (await callApi<{ total: number }>(app, 'appeals.list', { executorIds: [executor.id], ...filters })).total
    expected.overdue = await count({ overdue: true })
    expected.dueToday = await count({ due: 'today' })
    expected.dueTomorrow = await count({ due: 'tomorrow' })
    expect(expected.overdue).toBeGreaterThanOrEqual(3)

    await actAs(app, { fullName: executor.fullName, staffId: executor.id, role: 'clerk', username: 'clerk1' })
    const tasks = await callApi<MyTasks>(app, 'appeals.myTasks')
    expect([tasks.overdue.total, tasks.dueToday.total, tasks.dueTomorrow.total]).toEqual([
      expected.overdue,
      expected.dueToday,
      expected.dueTomorrow,
    ])
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByRole('menuitem', { name: 'Басты бет' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const digits = (text: string) => Number(text.replace(/\D/g, ''))
  const listTotal = async () => digits((await page.getByTestId('appeals-count').innerText()).split('/')[1] ?? '')

  it('shows the three groups with the counts the register has', async () => {
    const panel = page.getByTestId('my-tasks')
    await panel.waitFor()
    await expect.poll(() => panel.locator('.ant-card-head-title').innerText()).toBe('Менің тапсырмаларым')
    for (const key of ['overdue', 'dueToday', 'dueTomorrow'] as const) {
      await expect
        .poll(async () => digits(await page.getByTestId(`my-tasks-count-${key}`).innerText()))
        .toBe(expected[key])
    }
    await expect(panel.getByTestId('my-tasks-link-overdue').innerText()).resolves.toBe('Мерзімі өткен')
    await screenshot(page, 'kk-my-tasks')
  })

  it('opens the register with the overdue count from "overdue"', async () => {
    await page.getByTestId('my-tasks-link-overdue').click()
    await expect.poll(() => page.url()).toMatch(/#\/appeals$/)
    await expect.poll(listTotal).toBe(expected.overdue)
    await screenshot(page, 'kk-my-tasks-overdue-list')
  })

  it('prints the task sheet with the executor and their appeals', async () => {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-task-sheet').click()])
    const file = join(SCREENSHOTS, 'kk-task-sheet.pdf')
    await download.saveAs(file)
    expect(download.suggestedFilename()).toMatch(/^тапсырмалар-\d\d\.\d\d\.\d{4}\.pdf$/)
    const bytes = readFileSync(file)
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ')
    expect(text).toContain('Орындаушының тапсырмалар парағы')
    expect(text).toContain(`Орындаушы: ${executor.fullName}`)
    expect(text).toContain('Абай көшесінде шамдар жанбайды')
    await writeFirstPage(bytes, join(SCREENSHOTS, 'kk-task-sheet.png'), 60)
  })

  it('in Russian', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.getByRole('menuitem', { name: 'Главная' }).waitFor()
    const panel = page.getByTestId('my-tasks')
    await expect.poll(() => panel.locator('.ant-card-head-title').innerText()).toBe('Мои задачи')
    await expect(panel.getByTestId('my-tasks-link-dueToday').innerText()).resolves.toBe('Срок сегодня')
    await expect(page.getByTestId('print-task-sheet').innerText()).resolves.toBe('Печать листа задач')
    await screenshot(page, 'ru-my-tasks')
  })

  it('"due today" opens the register with the deadline-day filter shown chosen', async () => {
    await page.getByTestId('my-tasks-link-dueToday').click()
    await expect.poll(() => page.url()).toMatch(/#\/appeals$/)
    await expect.poll(() => page.getByTestId('due-filter').innerText()).toBe('Срок сегодня')
    await expect.poll(listTotal).toBe(expected.dueToday)
    await screenshot(page, 'ru-my-tasks-due-today-list')
    expect(errors).toEqual([])
  })
})
