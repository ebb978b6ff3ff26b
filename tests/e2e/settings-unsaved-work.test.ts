import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newWatchedPage, screenshot, startWebApp, usePageSession, type WebApp } from './harness'

/**
 * Settings' own forms ask before typed work is dropped, as every dialog does: the office
 * identity typed into and left for another tab or page asks; Enter keeps the work, "close
 * without saving" drops it; a form only loaded, or saved, leaves without a question.
 */
describe('unsaved work in Settings in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const question = () => page.locator('.unsaved-confirm')
  const district = () => page.getByLabel('Аудан', { exact: true })
  const tab = (name: string, selected?: boolean) => page.getByRole('tab', { name, exact: true, selected })

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
    await page.evaluate(() => {
      window.location.hash = '#/settings/office'
    })
    await tab('Әкімдік деректері', true).waitFor()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('a loaded form leaves without asking', async () => {
    await expect.poll(() => district().isEnabled()).toBe(true)
    await tab('Қызметкерлер').click()
    await tab('Қызметкерлер', true).waitFor()
    await expect(question().count()).resolves.toBe(0)
  })

  it('typed office identity asks before another tab; Enter keeps it, the other choice drops it', async () => {
    await tab('Әкімдік деректері').click()
    await expect.poll(() => district().isEnabled()).toBe(true)
    await district().fill('Абай ауданы')
    await tab('Елді мекендер').click()
    await question().waitFor()
    await screenshot(page, 'kk-settings-unsaved-question')
    // Enter answers "keep": the tab and the typed text stay
    await page.keyboard.press('Enter')
    await question().waitFor({ state: 'detached' })
    await tab('Әкімдік деректері', true).waitFor()
    await expect(district().inputValue()).resolves.toBe('Абай ауданы')
    expect(page.url()).toContain('#/settings/office')

    // the sidebar asks too; "close without saving" leaves for the page asked for
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    await question().locator('.ant-btn-dangerous').click()
    await expect.poll(() => page.url()).toMatch(/#\/(dashboard)?$/)
    await page.evaluate(() => {
      window.location.hash = '#/settings/office'
    })
    await expect.poll(() => district().isEnabled()).toBe(true)
    await expect(district().inputValue()).resolves.toBe('')
  })

  it('asks about a letter typed the moment before leaving, before the form has drawn it', async () => {
    await district().focus()
    // One task: the letter goes into the form's store and the address changes before antd's
    // watchers (a macrotask later) and React's render have run.
    await page.evaluate(() => {
      document.execCommand('insertText', false, 'А')
      window.location.hash = '#/dashboard'
    })
    await question().waitFor()
    expect(page.url()).toContain('#/settings/office')
    await question().locator('.ant-btn-dangerous').click()
    await expect.poll(() => page.url()).toMatch(/#\/dashboard$/)
    await page.evaluate(() => {
      window.location.hash = '#/settings/office'
    })
    await expect.poll(() => district().isEnabled()).toBe(true)
    await expect(district().inputValue()).resolves.toBe('')
  })

  it('a saved form leaves without asking', async () => {
    const values: Record<string, string> = {
      'Әкімдіктің атауы (қазақша)': 'Көктерек ауылдық округі әкімінің аппараты',
      'Әкімдіктің атауы (орысша)': 'Аппарат акима Коктерекского сельского округа',
      Аудан: 'Абай ауданы',
      Облыс: 'Қарағанды облысы',
      'Басшының аты-жөні': 'Жұмабеков Ерлан Серікұлы',
      'Басшының лауазымы (қазақша)': 'Ауылдық округ әкімі',
      'Басшының лауазымы (орысша)': 'Аким сельского округа',
    }
    for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value)
    await page.getByRole('button', { name: 'Сақтау' }).click()
    await page.getByText('Сақталды', { exact: true }).waitFor()
    await tab('Қызметкерлер').click()
    await tab('Қызметкерлер', true).waitFor()
    await expect(question().count()).resolves.toBe(0)
    expect(errors).toEqual([])
  })
})
