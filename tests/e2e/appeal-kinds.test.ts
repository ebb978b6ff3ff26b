import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newWatchedPage, screenshot, startWebApp, usePageSession, type WebApp } from './harness'

/**
 * The registration form and anonymous appeals, in Chromium: the reception form does not offer
 * the report-meeting channel (a meeting question is added on its meeting's page); an anonymous
 * appeal is registered as not considered, with the legal reason, and its card shows that
 * reason where a deadline would be.
 */
describe('registering an anonymous appeal in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
    await page.evaluate(() => {
      window.location.hash = '#/appeals/new'
    })
    await page.getByRole('heading', { name: 'Өтінішті тіркеу' }).waitFor()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('offers every channel but the report meeting', async () => {
    await page.locator('#appeal_channel').click()
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
    await expect.poll(() => options.count()).toBeGreaterThan(0)
    const labels = await options.allInnerTexts()
    expect(labels).toEqual(['Жеке қабылдау', 'Жазбаша', 'e-Өтініш (электронды)', 'Телефон', 'Көшпелі қабылдау'])
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
  })

  it('registers an anonymous appeal as not considered, and its card shows the reason, no deadline', async () => {
    await page.getByText('Анонимді', { exact: true }).click()
    await expect(page.getByText('Кездесуде көтерілген', { exact: true }).count()).resolves.toBe(0)
    await page.locator('#appeal_sectorId').focus()
    await page.keyboard.type('тургын уй')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('#appeal_summary').fill('Көшедегі жарық жанбайды')
    await page.locator('#appeal_crimeReportTo').waitFor()
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click()

    const alert = page.getByTestId('registered-alert')
    await alert.waitFor()
    await expect(alert.innerText()).resolves.toContain('Анонимді өтініш — қаралмайды (ӘРПК)')
    await screenshot(page, 'kk-appeal-anonymous-registered')

    await alert.getByText('Өтінішті ашу').click()
    const deadlines = page.getByTestId('deadline-block')
    await deadlines.waitFor()
    const text = await deadlines.innerText()
    expect(text).toContain('Анонимді өтініш — қаралмайды (ӘРПК)')
    expect(text).not.toMatch(/\d{2}\.\d{2}\.\d{4}/)
    await expect(page.getByText('Қараусыз қалдырылды').first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'kk-appeal-anonymous-card')
    expect(errors).toEqual([])
  })
})
