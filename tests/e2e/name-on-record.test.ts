import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  callApi,
  launchChromium,
  motionDone,
  newWatchedPage,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * The same IIN under another name, in Chromium: the registration form warns with the name on
 * record, holds the save until the clerk confirms, and the card's history shows the confirmed
 * name; in Kazakh, then in Russian.
 */
describe('an IIN on record under another name in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const IIN = '900515301234'

  beforeAll(async () => {
    app = await startWebApp()
    const sectors = await callApi<{ id: number; code: string }[]>(app, 'sectors.list', {})
    await callApi(app, 'appeals.create', {
      receivedAt: '2026-01-12T10:00',
      channel: 'reception',
      appealType: 'application',
      sectorId: sectors.find((s) => s.code === 'housing')!.id,
      applicant: { kind: 'individual', surname: 'Ахметов', firstName: 'Серік', patronymic: 'Болатұлы', iin: IIN },
      summary: 'Су құбыры туралы',
    })
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  async function fillNewAppeal(heading: string, sector: string, surname: string, firstName: string): Promise<void> {
    await page.evaluate(() => {
      window.location.hash = '#/appeals/new'
    })
    await page.getByRole('heading', { name: heading }).waitFor()
    await page.locator('#appeal_sectorId').focus()
    await page.keyboard.type(sector)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('#appeal_applicant_iin').fill(IIN)
    await page.locator('#appeal_applicant_surname').fill(surname)
    await page.locator('#appeal_applicant_firstName').fill(firstName)
    await page.locator('#appeal_summary').fill('Көше жарығы туралы')
  }

  it('a folded spelling of the name on record raises no warning', async () => {
    await fillNewAppeal('Өтінішті тіркеу', 'тургын уй', 'Ахметов', 'Серик')
    // the returning-citizen panel has looked the IIN up by then: the warning had the same time
    await expect.poll(() => page.getByTestId('returning-citizens').innerText()).toContain('Ахметов Серік')
    await page.waitForTimeout(800)
    await expect(page.getByTestId('name-on-record').count()).resolves.toBe(0)
  })

  it('warns in Kazakh, holds the save until confirmed, then registers', async () => {
    await page.locator('#appeal_applicant_surname').fill('Омаров')
    const warning = page.getByTestId('name-on-record')
    await expect
      .poll(() => warning.innerText())
      .toContain('Бұл ЖСН/БСН «Ахметов Серік Болатұлы» атымен тіркелген (1 өтініш, соңғысы 12.01.2026)')
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click()
    await expect
      .poll(() => page.locator('#appeal_applicantNameConfirmed_help').innerText())
      .toBe('Сақтау үшін аты-жөнін растаңыз немесе түзетіңіз')
    await expect(page.getByTestId('registered-alert').count()).resolves.toBe(0)
    await screenshot(page, 'kk-name-on-record-held')

    await warning.getByText('Иә, бұл басқа атпен сол адам / жазылған аты-жөні дұрыс').click()
    // the "confirm or correct" message folds away, and the button moves up as it does
    await page.locator('#appeal_applicantNameConfirmed_help').waitFor({ state: 'detached' })
    await motionDone(page)
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click()
    const alert = page.getByTestId('registered-alert')
    await alert.waitFor()
    await alert.getByText('Өтінішті ашу').click()
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('ЖСН/БСН бойынша басқа аты-жөні расталды')
    await expect(history.innerText()).resolves.toContain('Ахметов Серік Болатұлы → Омаров Серик')
    await screenshot(page, 'kk-name-on-record-history')
  })

  it('warns in Russian, and a changed name takes the confirmation back', async () => {
    await page.getByTestId('language-switch').getByText('Русский', { exact: true }).click()
    await fillNewAppeal('Регистрация обращения', 'жилищно', 'Сейітов', 'Серік')
    const warning = page.getByTestId('name-on-record')
    // two names on record now: the latest one, with its own count
    await expect
      .poll(() => warning.innerText())
      .toMatch(/Этот ИИН\/БИН записан как «Омаров Серик» \(обращений: 1, последнее \d{2}\.\d{2}\.\d{4}\)/)
    const confirm = warning.getByText('Да, это тот же человек под другим именем / указанное имя верно')
    await confirm.click()
    await expect(page.locator('#appeal_applicantNameConfirmed').isChecked()).resolves.toBe(true)
    await page.locator('#appeal_applicant_firstName').fill('Сауле')
    await expect.poll(() => page.locator('#appeal_applicantNameConfirmed').isChecked()).toBe(false)
    await warning.waitFor()
    await screenshot(page, 'ru-name-on-record-warning')
    // Ctrl+Enter is held as the button is
    await page.locator('#appeal_summary').press('Control+Enter')
    await expect
      .poll(() => page.locator('#appeal_applicantNameConfirmed_help').innerText())
      .toBe('Чтобы сохранить, подтвердите или исправьте имя')
    await expect(page.getByTestId('registered-alert').count()).resolves.toBe(0)
  })

  it('on the edit page: the appeal’s own name needs nothing, another one is warned of and recorded', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/appeals/1/edit'
    })
    // the registration form above still holds typed work: leaving it asks first
    await page.locator('.unsaved-confirm').waitFor()
    await motionDone(page)
    await page.locator('.unsaved-confirm .ant-btn-dangerous').click()
    await page.getByRole('heading', { name: 'Изменение обращения № 2026-000001' }).waitFor()
    await expect.poll(() => page.locator('#appeal_applicant_iin').inputValue()).toBe(IIN)
    await page.waitForTimeout(800)
    await expect(page.getByTestId('name-on-record').count()).resolves.toBe(0)

    await page.locator('#appeal_applicant_surname').fill('Ахметова')
    await page.locator('#appeal_applicant_firstName').fill('Сауле')
    const warning = page.getByTestId('name-on-record')
    await expect.poll(() => warning.innerText()).toContain('Этот ИИН/БИН записан как «Омаров Серик»')
    await warning.getByText('Да, это тот же человек под другим именем / указанное имя верно').click()
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
    await page.evaluate(() => {
      window.location.hash = '#/appeals/1'
    })
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('Подтверждено другое имя при том же ИИН/БИН')
    await expect(history.innerText()).resolves.toContain('Омаров Серик → Ахметова Сауле Болатұлы')
    await screenshot(page, 'ru-name-on-record-history')
    expect(errors).toEqual([])
  })
})
