import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Sign-in end to end in Chromium: the first-run setup on an empty data folder (kk and ru,
 * photographed), the recovery code, signing out and in; a clerk sees no Data safety and cannot
 * reach it; the lock (from the menu, or found by the page's look at its session) asks for the
 * password over a half-typed appeal and keeps it. The idle limit's arithmetic is the core's,
 * tested with a moved clock in tests/integration/auth-sessions.test.ts.
 */

let browser: Browser
const errors: string[] = []
const apps: WebApp[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  for (const app of apps) await app.stop()
})

async function start(setup: boolean): Promise<WebApp> {
  const app = await startWebApp(undefined, { setup })
  apps.push(app)
  return app
}

describe('the first run in Chromium', () => {
  let page: Page
  afterEach(() => expect(errors).toEqual([]))

  it('asks for the office and the first administrator (kk, then ru), shows the recovery code once, signs in', async () => {
    const app = await start(false)
    page = await newWatchedPage(browser, errors)
    await page.goto(app.url)
    const form = page.getByTestId('setup-form')
    await page.getByText('Бағдарламаны алғаш баптау').waitFor()
    await screenshot(page, 'kk-first-run-setup')

    await page.getByText('Русский', { exact: true }).click()
    await page.getByText('Первая настройка программы').waitFor()
    // The rules are the API's: an empty form is refused field by field, in Russian.
    await form.getByRole('button', { name: 'Настроить и войти' }).click()
    // The two office names and the full name are required; the username and password say what they need.
    await expect.poll(() => form.getByText('Обязательное поле').count()).toBe(3)
    await form.getByText('Пароль — не меньше 8 символов').waitFor()
    await screenshot(page, 'ru-first-run-setup-refused')

    await form.getByLabel('Наименование акимата (на казахском)').fill('Қарабас ауылдық округі әкімінің аппараты')
    await form.getByLabel('Наименование акимата (на русском)').fill('Аппарат акима Карабасского сельского округа')
    await form.getByLabel('ФИО').fill('Жұмағалиева Әсем Серікқызы')
    await form.getByLabel('Логин').fill('asem')
    await form.getByLabel('Пароль', { exact: true }).fill('birinshi-kupiya')
    await form.getByLabel('Повторите пароль').fill('birinshi-kupiya')
    await screenshot(page, 'ru-first-run-setup')
    await form.getByRole('button', { name: 'Настроить и войти' }).click()

    const code = page.getByTestId('recovery-code')
    await code.waitFor()
    expect(await code.innerText()).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/)
    await screenshot(page, 'ru-first-run-recovery-code')
    await page.getByRole('button', { name: 'Я записал(а)' }).click()
    await page.getByTestId('user-menu').getByText('Жұмағалиева Әсем Серікқызы · Администратор').waitFor()

    // Signing out leads to the sign-in screen; a wrong password is refused; the right one signs in.
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'Выйти' }).click()
    const signIn = page.getByTestId('sign-in-form')
    await signIn.waitFor()
    await signIn.getByLabel('Логин').fill('asem')
    await signIn.getByLabel('Пароль').fill('not-the-password')
    await signIn.getByRole('button', { name: 'Войти' }).click()
    await signIn.getByText('Неверный логин или пароль').waitFor()
    await screenshot(page, 'ru-sign-in-refused')
    await signIn.getByLabel('Пароль').fill('birinshi-kupiya')
    await signIn.getByRole('button', { name: 'Войти' }).click()
    await page.getByTestId('user-menu').waitFor()
    // Nothing of the session is readable by the page's scripts (an HttpOnly cookie).
    await expect(page.evaluate(() => document.cookie)).resolves.toBe('')
    await page.close()
  })
})

describe('what a clerk may reach', () => {
  afterEach(() => expect(errors).toEqual([]))

  it('a clerk sees no Data safety in Settings, and the address leads elsewhere; the API refuses it', async () => {
    const app = await start(true)
    const staff = await callApi<{ id: number }>(app, 'staff.create', {
      fullName: 'Ахметов Болат',
      position: 'Іс жүргізуші',
    })
    await actAs(app, { fullName: 'Ахметов Болат', staffId: staff.id, role: 'clerk', username: 'bolat' })
    const page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('user-menu').getByText('Ахметов Болат · Іс жүргізуші').waitFor()
    await page.getByRole('menuitem', { name: 'Баптаулар' }).click()
    await page.getByRole('tab', { name: 'Бағдарлама туралы', selected: true }).waitFor()
    await expect(page.getByRole('tab').allInnerTexts()).resolves.toEqual(['Бағдарлама туралы'])

    await page.goto(`${app.origin}/#/settings/data`)
    await page.getByRole('tab', { name: 'Бағдарлама туралы', selected: true }).waitFor()
    await expect(page.getByTestId('backup-panel').count()).resolves.toBe(0)
    await screenshot(page, 'kk-clerk-settings')
    await expect(callApi(app, 'backup.status')).rejects.toThrow(/"code":"forbidden"/)
    await page.close()
  })
})

describe('the lock', () => {
  afterEach(() => expect(errors).toEqual([]))

  async function halfTypedAppeal(app: WebApp): Promise<Page> {
    const page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    // The address with the page's token first (as the app opens it), then the form.
    await page.goto(app.url)
    await page.getByTestId('user-menu').waitFor()
    await page.goto(`${app.origin}/#/appeals/new`)
    await page.getByRole('heading', { name: 'Өтінішті тіркеу' }).waitFor()
    await page.locator('#appeal_applicant_surname').fill('Жұмабеков')
    await page.locator('#appeal_summary').fill('Абай көшесіндегі шамдар жанбайды')
    return page
  }

  async function unlockKeepsTheForm(page: Page): Promise<void> {
    const lock = page.getByTestId('lock-modal')
    await lock.getByLabel('Құпиясөз').fill('wrong-password')
    await lock.getByRole('button', { name: 'Құлыпты ашу' }).click()
    await lock.getByText('Логин немесе құпиясөз қате').waitFor()
    await lock.getByLabel('Құпиясөз').fill('e2e-admin-password')
    await lock.getByRole('button', { name: 'Құлыпты ашу' }).click()
    await lock.waitFor({ state: 'detached' })
    await expect(page.locator('#appeal_applicant_surname').inputValue()).resolves.toBe('Жұмабеков')
    await expect(page.locator('#appeal_summary').inputValue()).resolves.toBe('Абай көшесіндегі шамдар жанбайды')
  }

  it('locks the desk from the menu over a half-typed appeal, asks for the password and keeps what was typed', async () => {
    const app = await start(true)
    const page = await halfTypedAppeal(app)
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'Жұмыс орнын құлыптау' }).click()
    const lock = page.getByTestId('lock-modal')
    await lock.getByText('жұмыс орны мәзірден құлыпталды').waitFor()
    await screenshot(page, 'kk-lock-by-hand')
    // Locked in the core, not only on the page: a script with the same session is refused.
    await expect(callApi(app, 'appeals.list', {})).rejects.toThrow(/"code":"locked"/)
    await unlockKeepsTheForm(page)
    await page.close()
  })

  it('a list page finds its session locked in the core at its next look, and goes on after the password', async () => {
    const app = await start(true)
    const page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('user-menu').waitFor()
    await page.goto(`${app.origin}/#/appeals`)
    await page.getByRole('table').first().waitFor()
    // The core locks the page's session (as the idle limit does); the page has not asked since.
    await expect(callApi(app, 'auth.lock', {})).resolves.toEqual({ locked: true })
    // The list asks for the data's revision every 1.5 s: that look is refused and the lock shows.
    const lock = page.getByTestId('lock-modal')
    await lock.waitFor({ timeout: 10_000 })
    await screenshot(page, 'kk-lock-found')
    await lock.getByLabel('Құпиясөз').fill('e2e-admin-password')
    await lock.getByRole('button', { name: 'Құлыпты ашу' }).click()
    await lock.waitFor({ state: 'detached' })
    await expect(callApi(app, 'appeals.list', {})).resolves.toMatchObject({ total: 0 })
    await page.close()
  })
})
