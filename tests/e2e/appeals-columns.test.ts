import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
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
 * The register at an office screen's size (1366×768): the summary gets the room, applicant,
 * sector and executor stay narrow and show their whole text on hover, and the user chooses
 * the columns, which the list remembers for them after a reload. Photographed in kk and ru.
 */
describe('the register at 1366×768, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startWebApp()
    await callApi(app, 'sample.load')
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors, { width: 1366, height: 768 })
    await usePageSession(page, app)
    await page.goto(`${app.url}`)
    await page.getByRole('menuitem', { name: 'Өтініштер' }).click()
    await page.locator('.ant-table-row').first().waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const headerWidth = (name: string) =>
    page
      .locator('.ant-table-thead th')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .evaluate((th) => th.getBoundingClientRect().width)

  it('gives the summary the room, with the whole text on hover', async () => {
    const summary = await headerWidth('Мазмұны')
    for (const narrow of ['Өтініш беруші', 'Сала', 'Орындаушы'])
      expect(summary).toBeGreaterThan(await headerWidth(narrow))
    // the widest column on the office screen, some 30 characters
    expect(summary).toBeGreaterThan(240)
    // the table fits the screen: no sideways scrolling
    const overflow = await page
      .locator('.ant-table-body, .ant-table-tbody-virtual-holder')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    const row = page.locator('.ant-table-row').first()
    const titled = await row
      .locator('[title]')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('title'), el.textContent]))
    expect(titled.length).toBeGreaterThanOrEqual(4)
    // the whole text (the received time: its date with the hour)
    for (const [title, text] of titled) if (text && text !== '—') expect(title?.startsWith(text)).toBe(true)
    await screenshot(page, 'kk-appeals-1366')
  })

  it('lets the user choose the columns, and keeps the choice for them', async () => {
    await page.getByTestId('column-chooser-button').click()
    const chooser = page.getByTestId('column-chooser')
    await chooser.getByLabel('Сала').uncheck()
    await chooser.getByLabel('Орындаушы').uncheck()
    await expect
      .poll(() => page.getByTestId('appeals-table').getAttribute('data-columns'))
      .toBe('regNumber receivedAt applicant summary status dueOn')
    expect(await chooser.getByLabel('Нөмірі').isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await expect
      .poll(() =>
        page
          .locator('.ant-table-thead th')
          .filter({ hasText: /^Сала$/ })
          .count(),
      )
      .toBe(0)
    await page.reload()
    await page.getByRole('menuitem', { name: 'Өтініштер' }).waitFor()
    await expect
      .poll(() => page.getByTestId('appeals-table').getAttribute('data-columns'))
      .toBe('regNumber receivedAt applicant summary status dueOn')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'kk-appeals-1366-chosen-columns')
  })

  it('in Russian', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.getByRole('menuitem', { name: 'Обращения' }).waitFor()
    await page.getByTestId('column-chooser-button').click()
    await page.getByTestId('column-chooser').getByLabel('Сфера').check()
    await page.getByTestId('column-chooser').getByLabel('Исполнитель').check()
    await page.keyboard.press('Escape')
    await expect
      .poll(() => page.getByTestId('appeals-table').getAttribute('data-columns'))
      .toBe('regNumber receivedAt applicant summary sector status dueOn executor')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'ru-appeals-1366')
    await page.getByText('Қазақша', { exact: true }).click()
    expect(errors).toEqual([])
  })
})
