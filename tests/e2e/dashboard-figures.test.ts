import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { addDays, localNow } from '@shared/domain/dates'
import {
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Every figure of the dashboard opens the list it counts, from the keyboard: the sample
 * district loaded, each figure's link is focused and opened with Enter, and the register's
 * count equals the figure (the appeals' figures and the 3-day terms'); the meetings' figure
 * opens the meetings of the year, as many as it says.
 */
describe('dashboard figures open their lists, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startWebApp()
    await callApi(app, 'sample.load')
    // the sample has no 3-day terms running: an extension not yet told and an appeal to redirect
    const open = await callApi<{ rows: { id: number; dueOn: string }[] }>(app, 'appeals.list', {
      statuses: ['registered'],
      sort: 'dueOn',
      order: 'desc',
    })
    const [toExtend, toRedirect] = open.rows
    const today = localNow().date
    await callApi(app, 'appeals.extend', {
      id: toExtend!.id,
      extendedDueOn: addDays(toExtend!.dueOn, 7),
      reason: 'Комиссия қорытындысы күтілуде',
      decidedOn: today,
    })
    await callApi(app, 'appeals.markForRedirect', { id: toRedirect!.id })
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
  /** The register's total, as its count line says it ("Көрсетілгені: 50 / 1 234"). */
  const listTotal = async () => digits((await page.getByTestId('appeals-count').innerText()).split('/')[1] ?? '')

  async function openByKeyboard(card: string, link: string): Promise<number> {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    const value = digits(await page.getByTestId(card).locator('.ant-statistic-content').innerText())
    await page.getByTestId(link).focus()
    await page.keyboard.press('Enter')
    return value
  }

  it.each([
    ['figure-total', 'figure-link-total'],
    ['figure-open', 'figure-link-open'],
    ['figure-overdue', 'figure-link-overdue'],
    ['figure-dueThisWeek', 'figure-link-dueThisWeek'],
    ['term-figure-noticesDue', 'term-figure-noticesDue'],
    ['term-figure-redirectsDue', 'term-figure-redirectsDue'],
    ['term-figure-noticesDue', 'term-overdue-noticesOverdue'],
    ['term-figure-redirectsDue', 'term-overdue-redirectsOverdue'],
  ])('%s (%s) opens a list of as many appeals as it counts', async (card, link) => {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    await page.getByTestId(card).waitFor()
    const target = link.startsWith('term-figure-')
      ? page.getByTestId(card).locator('a').first()
      : page.getByTestId(link)
    const figure = link.startsWith('term-overdue-')
      ? digits(await page.getByTestId(link).innerText())
      : digits(await page.getByTestId(card).locator('.ant-statistic-content').innerText())
    // a figure of none would prove little: only the overdue terms (none is late yet) and the
    // week's deadlines (the sample's fall in other weeks) may be none
    if (!link.startsWith('term-overdue-') && card !== 'figure-dueThisWeek') expect(figure).toBeGreaterThan(0)
    await target.focus()
    expect(await target.evaluate((el) => el === document.activeElement && el.tagName === 'A')).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toMatch(/#\/appeals$/)
    await expect.poll(listTotal).toBe(figure)
    if (card === 'figure-overdue') await screenshot(page, 'kk-dashboard-overdue-list')
  })

  it('the meetings held this year open the year’s meetings', async () => {
    const held = await openByKeyboard('figure-meetingsHeld', 'figure-link-meetingsHeld')
    await expect.poll(() => page.url()).toMatch(/#\/meetings$/)
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(held)
  })

  it('every figure on the dashboard is a link', async () => {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    await page.getByTestId('figure-total').waitFor()
    const cards = page.locator('[data-testid^="figure-"]:not([data-testid^="figure-link-"])')
    expect(await cards.count()).toBe(6)
    for (const card of await cards.all()) expect(await card.locator('a[href]').count()).toBeGreaterThan(0)
    await screenshot(page, 'kk-dashboard-figures')
    expect(errors).toEqual([])
  })
})
