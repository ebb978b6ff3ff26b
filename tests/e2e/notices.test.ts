import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ApiMethod } from '@shared/api/methods'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import {
  callApi,
  launchChromium,
  newWatchedPage,
  openedDialog,
  screenshot,
  startWebApp,
  toastsGone,
  usePageSession,
  type WebApp,
} from './harness'

/** Today plus `days`, as the API takes dates, in this computer's time like the app's. */
function isoDay(days: number): string {
  const [y, m, d] = localNow().date.split('-').map(Number)
  return localNow(new Date(y!, m! - 1, d! + days, 12)).date
}

/**
 * The dashboard's figures of the law's 3-day terms, end to end: two extensions whose applicant
 * is not yet told (one decided eight days ago: its notice is overdue whatever the calendar),
 * two appeals marked for redirect (one registered about two weeks ago: overdue). The figures
 * count them, and each opens the register filtered to exactly those appeals, with their markers.
 */
describe('notices and redirects due, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const api = <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
    callApi<ApiOutput<M>>(app, method, input)

  beforeAll(async () => {
    app = await startWebApp()
    const sectors = await api('sectors.list', {})
    const housing = sectors.find((s) => s.code === 'housing')!.id
    const create = (daysAgo: number, summary: string) =>
      api('appeals.create', {
        receivedAt: `${isoDay(-daysAgo)}T10:00`,
        channel: 'reception',
        appealType: 'application',
        sectorId: housing,
        applicant: { kind: 'individual', surname: 'Омаров', firstName: 'Бекзат' },
        summary,
      })
    const extend = async (daysAgo: number, decidedDaysAgo: number, summary: string) => {
      const appeal = await create(daysAgo, summary)
      await api('appeals.extend', {
        id: appeal.id,
        extendedDueOn: isoDay(30),
        reason: 'Комиссия қорытындысы күтілуде',
        decidedOn: isoDay(-decidedDaysAgo),
      })
    }
    await extend(20, 8, 'Көпір жөнделмеген')
    await extend(10, 0, 'Су құбыры ағып тұр')
    for (const [daysAgo, summary] of [
      [15, 'Облыстық жолға қатысты өтініш'],
      [1, 'Теміржол өтпесі туралы өтініш'],
    ] as const) {
      const appeal = await create(daysAgo, summary)
      await api('appeals.markForRedirect', { id: appeal.id })
    }
    // an appeal with neither, which no filter shows
    await create(3, 'Аулада жарық жоқ')

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

  const figure = (key: string) => page.getByTestId(`term-figure-${key}`)
  const listed = () =>
    page.locator('.ant-table-tbody .ant-table-row, .ant-table-tbody tr').filter({ hasText: 'Омаров' })

  it('counts notices and redirects due on the dashboard, with the overdue ones', async () => {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    await figure('noticesDue').getByText('Ұзарту туралы хабарлау керек').waitFor()
    await expect.poll(() => figure('noticesDue').locator('.ant-statistic-content').innerText()).toBe('2')
    await expect.poll(() => figure('redirectsDue').locator('.ant-statistic-content').innerText()).toBe('2')
    expect(await page.getByTestId('term-overdue-noticesOverdue').innerText()).toBe('оның ішінде мерзімі өткені: 1')
    expect(await page.getByTestId('term-overdue-redirectsOverdue').innerText()).toBe('оның ішінде мерзімі өткені: 1')
    // the six figures above keep their row
    const tops = await page
      .locator('[data-testid^="figure-"]:not([data-testid^="figure-link-"])')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    await screenshot(page, 'kk-dashboard-notices')
  })

  it('opens the register filtered to the notices due, with their markers', async () => {
    await figure('noticesDue').getByText('Ұзарту туралы хабарлау керек').click()
    await expect.poll(() => page.url()).toMatch(/#\/appeals$/)
    await expect.poll(() => page.getByTestId('appeals-count').innerText()).toMatch(/^Көрсетілгені: 2 \/ 2/)
    await expect.poll(() => page.getByTestId('notice-tag').count()).toBe(2)
    expect(await page.getByTestId('notice-tag').allInnerTexts()).toEqual(['Хабарлау', 'Хабарлау'])
    // the newest first: told within its 3 days still possible (orange), then the overdue one (red)
    expect(await page.getByTestId('notice-tag').evaluateAll((tags) => tags.map((t) => t.dataset.late))).toEqual([
      'false',
      'true',
    ])
    // every marker whole on its one-line row, not cut by the column
    for (const tag of await page.getByTestId('notice-tag').all()) await expect(tag.isVisible()).resolves.toBe(true)
    const cell = await page
      .getByTestId('notice-tag')
      .first()
      .evaluate((tag) => {
        const td = tag.closest('.ant-table-cell')!
        return { right: tag.getBoundingClientRect().right, cellRight: td.getBoundingClientRect().right }
      })
    expect(cell.right).toBeLessThanOrEqual(cell.cellRight)
    expect(await page.getByTestId('notice-filter').innerText()).toContain('Хабарлау керек')
    await toastsGone(page)
    await screenshot(page, 'kk-appeals-notices-due')
  })

  it('opens the register filtered to the overdue redirects', async () => {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    await page.getByTestId('term-overdue-redirectsOverdue').click()
    await expect.poll(() => page.url()).toMatch(/#\/appeals$/)
    await expect.poll(() => page.getByTestId('appeals-count').innerText()).toMatch(/^Көрсетілгені: 1 \/ 1/)
    expect(await listed().first().innerText()).toContain('Облыстық жолға қатысты өтініш')
    expect(await page.getByTestId('redirect-tag').allInnerTexts()).toEqual(['Жолдау'])
    expect(await page.getByTestId('redirect-tag').getAttribute('data-late')).toBe('true')
    await screenshot(page, 'kk-appeals-redirects-overdue')
  })

  it('records the notice on the card of the overdue one: told late, it leaves the notices due', async () => {
    await page.goto(`${app.origin}/#/appeals/1`)
    const block = page.getByTestId('deadline-block')
    await block.getByText('Әлі хабарланбаған').waitFor()
    await block.getByTestId('record-notice').click()
    const dialog = await openedDialog(page)
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })
    // told today, after its due date some days back: late
    await block.getByText('Мерзімі бұзылған').waitFor()
    await page.getByText('Өтініш берушіге ұзарту туралы хабарланды').waitFor()
    await toastsGone(page)
    await screenshot(page, 'kk-appeal-notice-recorded')
    expect((await api('dashboard.summary', { year: Number(localNow().date.slice(0, 4)) })).noticesDue).toBe(1)
    expect(errors).toEqual([])
  })
})
