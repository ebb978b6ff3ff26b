import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ApiMethod } from '@shared/api/methods'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
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

const IIN = '900515301234'
const PHONE = '+7 701 555 12 34'
const ADDRESS = 'Ақсу ауылы, Абай көшесі, 12'

/**
 * Personal data on the appeal card, end to end: the IIN, phone and address are masked on the
 * card and in the list's look-up; "Show" reveals them, and the history records the reveal; the
 * edit form opens with them in full. The page is signed in as a clerk; a press officer's page
 * shows the card masked with no "Show" (every role and output: tests/integration/personal-data-masking.test.ts).
 */
describe('personal data on the appeal card, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let appealId = 0
  let press = { username: '', password: '' }
  const errors: string[] = []

  const api = <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
    callApi<ApiOutput<M>>(app, method, input)
  const details = () => page.getByTestId('appeal-details')

  beforeAll(async () => {
    app = await startWebApp()
    const clerk = await api('staff.create', { fullName: 'Сейітова Ғалия Болатқызы', position: 'Бас маман' })
    const sectors = await api('sectors.list', {})
    await api('staff.create', { fullName: 'Омарова Дана Серікқызы', position: 'Баспасөз хатшысы' })
    press = await callApi(app, 'users.create', {
      username: 'press',
      fullName: 'Омарова Дана Серікқызы',
      role: 'press',
      staffId: null,
      password: 'press-password',
    }).then(() => ({ username: 'press', password: 'press-password' }))
    await actAs(app, { fullName: 'Сейітова Ғалия Болатқызы', staffId: clerk.id, role: 'clerk' })
    const appeal = await api('appeals.create', {
      // yesterday morning: today's may still be ahead of this computer's clock
      receivedAt: `${localNow(new Date(Date.now() - 86_400_000)).date}T09:00`,
      channel: 'reception',
      appealType: 'application',
      sectorId: sectors.find((s) => s.code === 'housing')!.id,
      applicant: {
        kind: 'individual',
        surname: 'Жұмабеков',
        firstName: 'Серік',
        patronymic: 'Қайратұлы',
        iin: IIN,
        phone: PHONE,
        address: ADDRESS,
      },
      summary: 'Абай көшесінде шамдар жанбайды',
    })
    appealId = appeal.id

    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByRole('menuitem', { name: 'Өтініштер' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('shows the IIN, phone and address masked on the card, with "Show"', async () => {
    await page.goto(`${app.origin}/#/appeals/${appealId}`)
    await details().waitFor()
    const text = await details().innerText()
    expect(text).toContain('900515•••••4')
    expect(text).toContain('•••••••••34')
    expect(text).toContain('Ақсу •••')
    for (const full of [IIN, PHONE, 'Абай көшесі, 12']) expect(text).not.toContain(full)
    await page.getByTestId('reveal-personal-data').waitFor()
    await expect(page.getByTestId('reveal-personal-data').innerText()).resolves.toBe('Көрсету')
    await screenshot(page, 'kk-appeal-card-masked')
  })

  it('reveals them on "Show", and the history records who saw them', async () => {
    await page.getByTestId('reveal-personal-data').click()
    await expect.poll(() => details().innerText()).toContain(IIN)
    const text = await details().innerText()
    expect(text).toContain(PHONE)
    expect(text).toContain(ADDRESS)
    await expect(page.getByTestId('reveal-personal-data').count()).resolves.toBe(0)
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('Дербес деректер көрсетілді')
    await expect(history.innerText()).resolves.toContain('Толық көрсетілді: ЖСН / БСН, Телефон, Мекенжайы')
    await expect(history.innerText()).resolves.toContain('Сейітова Ғалия Болатқызы')
    await screenshot(page, 'kk-appeal-card-revealed')
  })

  it('opens the edit form with the values in full, and saves it as it is', async () => {
    await page.getByRole('link', { name: 'Өңдеу' }).click()
    await page.locator('#appeal_applicant_iin').waitFor()
    await expect(page.locator('#appeal_applicant_iin').inputValue()).resolves.toBe(IIN)
    await expect(page.locator('#appeal_applicant_phone').inputValue()).resolves.toBe(PHONE)
    await expect(page.locator('#appeal_applicant_address').inputValue()).resolves.toBe(ADDRESS)
    await page.locator('#appeal_summary').fill('Абай көшесінде бес шам жанбайды')
    await page.locator('#appeal_summary').press('Control+Enter')
    await details().waitFor()
    const stored = await api('appeals.revealPersonalData', { id: appealId })
    expect(stored.applicant).toMatchObject({ iin: IIN, phone: PHONE, address: ADDRESS })
  })

  it('speaks Russian: masked values and "Показать"', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.goto(`${app.origin}/#/appeals/${appealId}`)
    await page.getByTestId('reveal-personal-data').waitFor()
    await expect(page.getByTestId('reveal-personal-data').innerText()).resolves.toBe('Показать')
    await expect(details().innerText()).resolves.toContain('900515•••••4')
    await expect(page.getByTestId('history').innerText()).resolves.toContain('Показаны персональные данные')
    // the "saved" toast of the edit fades before the photograph
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0)
    await screenshot(page, 'ru-appeal-card-masked')
    expect(errors).toEqual([])
  })

  it('shows a press officer the card masked, with no "Show", and refuses the reveal (in Russian, chosen above)', async () => {
    const pressPage = await newWatchedPage(browser, errors)
    const session = (await callApi<{ session: string }>({ ...app, session: '' }, 'auth.login', press)).session
    await usePageSession(pressPage, { origin: app.origin, session })
    await pressPage.goto(`${app.url}`)
    await pressPage.goto(`${app.origin}/#/appeals/${appealId}`)
    const card = pressPage.getByTestId('appeal-details')
    await card.waitFor()
    const text = await card.innerText()
    expect(text).toContain('900515•••••4')
    for (const full of [IIN, PHONE, 'Абай көшесі, 12']) expect(text).not.toContain(full)
    await expect(pressPage.getByTestId('reveal-personal-data').count()).resolves.toBe(0)
    await expect(callApi({ ...app, session }, 'appeals.revealPersonalData', { id: appealId })).rejects.toThrow(
      /forbidden/,
    )
    await screenshot(pressPage, 'ru-press-appeal-card-masked')
    await pressPage.close()
    expect(errors).toEqual([])
  })
})
