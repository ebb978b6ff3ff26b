import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  discardDialog,
  launchChromium,
  newWatchedPage,
  openedDialog,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * The backbone end to end: the built UI in Chromium, talking over the web door to a
 * real core and SQLite file. Languages switch at runtime and are remembered; a sector added
 * in Settings survives a reload; validation speaks the chosen language; the API refuses
 * calls without the token. Dialogs move as most office PCs show them, and stand still for a page
 * that asks for reduced motion.
 */
describe('web mode in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('opens in Kazakh by default', async () => {
    await page.goto(app.url)
    await page.getByRole('menuitem', { name: 'Басты бет' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('kk')
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=')
    // An empty register: the first-run screen offers the sample district.
    await page.getByTestId('first-run').waitFor()
    await screenshot(page, 'kk-dashboard')
  })

  it('shows the seeded sector catalog in Settings', async () => {
    await page.getByRole('menuitem', { name: 'Баптаулар' }).click()
    await page.getByText('Салалар анықтамалығы').waitFor()
    const rows = page.locator('.ant-table-tbody tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(8)
    await expect(rows.first().innerText()).resolves.toContain('Әлеуметтік сала')
    await expect(rows.last().innerText()).resolves.toContain('Басқа салалар')
    await screenshot(page, 'kk-settings')
  })

  it('switches kk → ru → en at runtime, with antd texts following', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.getByRole('heading', { name: 'Настройки' }).waitFor()
    await page.getByRole('columnheader', { name: 'Название (русский)' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('ru')
    await screenshot(page, 'ru-settings')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    await page.getByRole('columnheader', { name: 'Name (Russian)' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await screenshot(page, 'en-settings')
  })

  it('shows field errors from the API in the chosen language and writes nothing', async () => {
    await page.getByRole('button', { name: 'Add sector' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByLabel('Code').fill('Bad Code')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.getByText('The code starts with a lowercase latin letter', { exact: false }).waitFor()
    await expect.poll(() => dialog.getByText('Required').count()).toBe(3)
    await screenshot(page, 'en-sector-validation')
    await discardDialog(page, dialog.getByRole('button', { name: 'Cancel' }))
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(8)
  })

  it('adds a sector that is still there after a reload, in the remembered language', async () => {
    await page.getByRole('button', { name: 'Add sector' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByLabel('Code').fill('culture')
    await dialog.getByLabel('Name (Kazakh)').fill('Мәдениет және спорт')
    await dialog.getByLabel('Name (Russian)').fill('Культура и спорт')
    await dialog.getByLabel('Name (English)').fill('Culture and sport')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Culture and sport').waitFor()

    await page.reload()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    const rows = page.locator('.ant-table-tbody tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(9)
    await expect(rows.last().innerText()).resolves.toContain('Мәдениет және спорт')
    await screenshot(page, 'en-settings-after-reload')
  })

  it('says a duplicate code is taken, in Kazakh', async () => {
    await page.getByText('Қазақша', { exact: true }).click()
    await page.getByRole('heading', { name: 'Баптаулар' }).waitFor()
    await page.getByRole('button', { name: 'Сала қосу' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByLabel('Коды').fill('culture')
    await dialog.getByLabel('Атауы (қазақша)').fill('Қайталама')
    await dialog.getByLabel('Атауы (орысша)').fill('Дубликат')
    await dialog.getByLabel('Атауы (ағылшынша)').fill('Duplicate')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.getByText('Мұндай коды бар сала бұрыннан бар').waitFor()
    await screenshot(page, 'kk-sector-duplicate')
    await discardDialog(page, dialog.getByRole('button', { name: 'Болдырмау' }))
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(9)
  })

  it('opens dialogs without motion where the computer asks for reduced motion', async () => {
    const addSector = async (target: Page) => {
      await target.goto(app.url) // the token, read from the address
      await target.getByRole('menuitem', { name: 'Басты бет' }).waitFor()
      await target.goto(`${app.origin}/#/settings`)
      const button = target.getByRole('button', { name: 'Сала қосу' })
      const transition = await button.evaluate((element) => getComputedStyle(element).transitionDuration)
      await button.click()
      await target.getByRole('dialog').getByLabel('Коды').waitFor()
      const moving = await target.evaluate(
        () =>
          document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
            .length,
      )
      return { transition, moving }
    }
    // This browser's own page has the app's motion…
    expect((await addSector(page)).transition).not.toBe('0s')
    // nothing typed: Cancel closes it without asking
    await page.getByRole('dialog').getByRole('button', { name: 'Болдырмау' }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    // …a page asking for reduced motion has none: the dialog is there at once, nothing moving.
    const still = await browser.newPage({ reducedMotion: 'reduce' })
    await usePageSession(still, app)
    expect(await addSector(still)).toEqual({ transition: '0s', moving: 0 })
    await still.close()
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })

  it('keeps the token when the page is sent to another route the moment it has loaded', async () => {
    // On a busy PC React's first render can come after the load event. The token must be
    // taken from the address by then, or a move to another route (which replaces the
    // fragment) leaves the page without it. React schedules its work through MessageChannel;
    // holding its first message back for a second makes that busy PC happen every time.
    const hurried = await browser.newPage()
    await usePageSession(hurried, app)
    await hurried.addInitScript(() => {
      const Channel = window.MessageChannel
      let held = false
      window.MessageChannel = class extends Channel {
        constructor() {
          super()
          const post = this.port2.postMessage.bind(this.port2)
          this.port2.postMessage = (message: unknown) => {
            if (held) return post(message)
            held = true
            setTimeout(() => post(message), 1000)
          }
        }
      }
    })
    await hurried.goto(app.url)
    await hurried.goto(`${app.origin}/#/settings/data`)
    await hurried.getByTestId('backup-panel').waitFor()
    expect(await hurried.getByText('npm run web', { exact: false }).count()).toBe(0)
    await hurried.close()
  })

  it('refuses API calls without the token, and a page opened without it says how to get in', async () => {
    const bare = await fetch(`${app.origin}/api/sectors.list`, { method: 'POST', body: '{}' })
    expect(bare.status).toBe(401)
    const wrong = await fetch(`${app.origin}/api/sectors.list`, {
      method: 'POST',
      body: '{}',
      headers: { 'X-Akimat-Token': 'not-the-token' },
    })
    expect(wrong.status).toBe(401)

    const stranger = await browser.newPage()
    await stranger.goto(app.origin + '/')
    await stranger.getByText('npm run web', { exact: false }).waitFor()
    await screenshot(stranger, 'no-token')
    await stranger.close()
  })
})
