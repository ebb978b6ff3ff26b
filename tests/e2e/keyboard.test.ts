import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { catalogs } from '@shared/i18n'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  startWebApp,
  toastsGone,
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

const CITIZEN = { surname: 'Жұмабеков', firstName: 'Серік', iin: '900515301234' }
/** The limit the reception desk set: a returning citizen's visit, summary text aside. */
const KEYSTROKE_BUDGET = 40

/**
 * The clerk's desk from the keyboard, in Chromium: a returning citizen's visit registered with
 * page.keyboard only (every key press counted, within the budget), the "Registered No." notice
 * staying in view, unsaved work guarded (the sidebar, a language switch, a reload, Esc in a
 * dialog), a refused typed date saying why, field errors following the language, and Ctrl+Enter
 * saving the meeting grid.
 */
describe('the keyboard and unsaved work', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  let earlierId = 0
  let registeredId = 0
  let meetingId = 0

  const api = <T = unknown>(method: string, input: unknown): Promise<T> => callApi<T>(app, method, input)
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '')
  const unsavedQuestion = () => page.locator('.unsaved-confirm')
  const questionTitle = () => unsavedQuestion().locator('.ant-modal-confirm-title')
  const switchLanguage = (name: string) => page.getByTestId('language-switch').getByText(name, { exact: true }).click()

  beforeAll(async () => {
    app = await startWebApp()
    const operator = await api<{ id: number }>('staff.create', { fullName: 'Серікова Айгүл', position: 'Бас маман' })
    const executor = await api<{ id: number }>('staff.create', {
      fullName: 'Жақсылықов Нұрлан',
      position: 'Жетекші маман',
    })
    await actAs(app, { fullName: 'Серікова Айгүл', staffId: operator.id })
    const village = await api<{ id: number }>('localities.create', {
      kind: 'okrug',
      nameKk: 'Ақсу ауылдық округі',
      nameRu: 'Аксуский сельский округ',
    })
    const other = await api<{ id: number }>('localities.create', {
      kind: 'okrug',
      nameKk: 'Көктерек ауылдық округі',
      nameRu: 'Коктерекский сельский округ',
    })
    const sectors = await api<{ id: number; code: string }[]>('sectors.list', {})
    const housing = sectors.find((s) => s.code === 'housing')!.id
    const earlier = await api<{ id: number }>('appeals.create', {
      receivedAt: localDateTime(20, '10:00'),
      channel: 'reception',
      appealType: 'application',
      sectorId: housing,
      localityId: village.id,
      applicant: { kind: 'individual', ...CITIZEN, phone: '+7 701 555 12 34' },
      summary: 'Абай көшесінде шамдар жанбайды',
      executorId: executor.id,
    })
    earlierId = earlier.id
    const meeting = await api<{ id: number }>('meetings.create', {
      heldOn: localDateTime(3, '10:00').slice(0, 10),
      localityId: village.id,
      place: 'Мәдениет үйі',
      speakerName: 'Әкім',
      speakerPosition: 'Ауыл әкімі',
      format: 'in_person',
      attendance: 40,
      broadcastLink: '',
      notes: '',
    })
    meetingId = meeting.id

    browser = await launchChromium()
    page = await newWatchedPage(browser, errors, { width: 1366, height: 768 })
    // A clerk who has registered before: the form remembers their channel, executor and locality
    // (another okrug than the citizen's), so the locality and executor selects hold values and
    // show their clear buttons, which Tab must skip.
    await page.addInitScript(
      ({ localityId, executorId }) =>
        localStorage.setItem(
          'akimat-desk.reception-defaults',
          JSON.stringify({ channel: 'reception', localityId, executorId }),
        ),
      { localityId: other.id, executorId: executor.id },
    )
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
  afterEach(() => expect(errors).toEqual([]))

  it(`registers a returning citizen's visit keyboard-only in at most ${KEYSTROKE_BUDGET} key presses`, async () => {
    // How the count is made: every key pressed through press() or typed through typeCounted()
    // adds one per key, and a chord counts each of its keys (Ctrl+Enter is 2). The summary is
    // typed uncounted, as the budget says. Waiting for the page is no key press.
    let presses = 0
    const press = async (key: string) => {
      presses += key.split('+').length
      await page.keyboard.press(key)
    }
    const typeCounted = async (text: string) => {
      presses += [...text].length
      await page.keyboard.type(text)
    }
    await page.getByRole('heading', { name: 'Басты бет' }).waitFor()

    // F2 from the dashboard opens the form, the focus in its first field.
    await press('F2')
    await page.getByRole('heading', { name: 'Өтінішті тіркеу' }).waitFor()
    await expect.poll(focusedId).toBe('appeal_channel')

    // The sector: three Tabs (received at, type, sector), a few letters typed without Kazakh
    // letters, Enter picks it: the list closes, stays closed, and nothing is saved.
    for (let i = 0; i < 3; i++) await press('Tab')
    expect(await focusedId()).toBe('appeal_sectorId')
    await typeCounted('тург')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
    await press('Enter')
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    await page.waitForTimeout(400)
    expect(await page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    await expect(page.getByTestId('registered-alert').count()).resolves.toBe(0)

    // Tab from the locality (holding the remembered okrug, its clear button showing) goes to the
    // applicant kind, not to the clear button; one more Tab to the IIN.
    await press('Tab')
    expect(await focusedId()).toBe('appeal_localityId')
    await press('Tab')
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).type)).resolves.toBe('radio')
    await press('Tab')
    expect(await focusedId()).toBe('appeal_applicant_iin')

    // The IIN finds the citizen; ↓ goes to them in the panel, Enter fills their details in.
    await typeCounted(CITIZEN.iin)
    const use = page.getByTestId('returning-citizens').getByRole('button', { name: 'Деректерін толтыру' })
    await use.waitFor()
    await press('ArrowDown')
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-returning-use'))).toBe(true)
    await press('Enter')
    await expect.poll(() => page.locator('#appeal_applicant_surname').inputValue()).toBe(CITIZEN.surname)
    await expect.poll(focusedId).toBe('appeal_summary')
    await page.keyboard.type('Абай көшесінде шамдар әлі де жанбайды') // the summary: not counted

    // The same issue again: "mark as repeated" is three Tabs away (collective, executor — its
    // clear button skipped — the notice's button).
    const mark = page.getByTestId('repeat-notice').getByRole('button', { name: 'Қайталама деп белгілеу' })
    await mark.waitFor()
    for (let i = 0; i < 3; i++) await press('Tab')
    await expect.poll(() => mark.evaluate((button) => button === document.activeElement)).toBe(true)
    await press('Enter')
    await page.getByTestId('repeat-notice').getByText('Қайталама өтініш ретінде белгіленді', { exact: false }).waitFor()

    await press('Control+Enter')
    const notice = page.getByTestId('registered-alert')
    await notice.waitFor()

    console.log(`returning citizen's visit: ${presses} key presses beyond the summary`)
    expect(presses).toBeLessThanOrEqual(KEYSTROKE_BUDGET)

    registeredId = Number(
      /#\/appeals\/(\d+)/.exec(
        (await notice.getByRole('link', { name: 'Өтінішті ашу' }).getAttribute('href')) ?? '',
      )?.[1],
    )
    const saved = await api<{
      applicant: { surname: string; firstName: string; iin: string | null }
      repeatedOfId: number | null
      summary: string
    }>('appeals.get', { id: registeredId })
    expect(saved.applicant).toMatchObject({ surname: CITIZEN.surname, firstName: CITIZEN.firstName })
    expect(saved.repeatedOfId).toBe(earlierId)
    expect(saved.summary).toBe('Абай көшесінде шамдар әлі де жанбайды')
  })

  it('keeps the "Registered No." notice in view until it is closed, in kk and ru', async () => {
    const notice = page.getByTestId('registered-alert')
    // Past a toast's three seconds, and with the next form scrolled down, it is still in view.
    await page.waitForTimeout(4000)
    await page.locator('#appeal_summary').scrollIntoViewIfNeeded()
    await expect(notice.isVisible()).resolves.toBe(true)
    const box = (await notice.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(768)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'kk-registered-notice')
    await switchLanguage('Русский')
    await notice.getByText('Обращение зарегистрировано', { exact: false }).waitFor()
    await screenshot(page, 'ru-registered-notice')
    await switchLanguage('Қазақша')
    await notice.getByRole('button', { name: 'Хабарламаны жабу' }).click()
    await notice.waitFor({ state: 'detached' })
  })

  it('asks before the sidebar drops a half-typed appeal; the draft survives a language switch and a reload', async () => {
    await page.locator('#appeal_applicant_surname').fill('Оспанова')
    await page.locator('#appeal_summary').fill('Балабақшаға орын беру туралы')
    await page.getByRole('menuitem', { name: 'Өтініштер' }).click()
    await questionTitle().getByText('Сақталмаған өзгерістер бар').waitFor()
    await screenshot(page, 'kk-unsaved-question')
    // Enter (the focus is on "keep editing") keeps the work and the address.
    await page.keyboard.press('Enter')
    await unsavedQuestion().waitFor({ state: 'detached' })
    expect(page.url()).toContain('#/appeals/new')
    await expect(page.locator('#appeal_applicant_surname').inputValue()).resolves.toBe('Оспанова')

    await switchLanguage('Русский')
    await page.getByRole('heading', { name: 'Регистрация обращения' }).waitFor()
    await expect(page.locator('#appeal_summary').inputValue()).resolves.toBe('Балабақшаға орын беру туралы')
    await page.getByRole('menuitem').first().click()
    await questionTitle().getByText('Есть несохраненные изменения').waitFor()
    await screenshot(page, 'ru-unsaved-question')
    await unsavedQuestion().getByRole('button', { name: 'Продолжить заполнение' }).click()
    await unsavedQuestion().waitFor({ state: 'detached' })
    await switchLanguage('Қазақша')

    // A reload finds the draft (kept for this tab and this user).
    await page.reload()
    await page.getByRole('heading', { name: 'Өтінішті тіркеу' }).waitFor()
    await expect.poll(() => page.locator('#appeal_applicant_surname').inputValue()).toBe('Оспанова')
    await expect(page.locator('#appeal_summary').inputValue()).resolves.toBe('Балабақшаға орын беру туралы')

    // Leaving for good drops it: the next form is blank.
    await page.getByRole('menuitem', { name: 'Өтініштер' }).click()
    await unsavedQuestion().getByRole('button', { name: 'Жабу, сақтамау' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/appeals$/)
    await page.evaluate(() => (window.location.hash = '#/appeals/new'))
    await page.getByRole('heading', { name: 'Өтінішті тіркеу' }).waitFor()
    await expect(page.locator('#appeal_applicant_surname').inputValue()).resolves.toBe('')
  })

  it('shows a field error in the language switched to', async () => {
    await page.keyboard.press('F2')
    await expect.poll(focusedId).toBe('appeal_channel')
    await page.keyboard.press('Control+Enter')
    const sector = page.locator('.ant-form-item').filter({ has: page.locator('#appeal_sectorId') })
    await sector.getByText(catalogs.kk.validation.required).waitFor()
    await switchLanguage('Русский')
    await sector.getByText(catalogs.ru.validation.required).waitFor()
    await switchLanguage('Қазақша')
    await sector.getByText(catalogs.kk.validation.required).waitFor()

    // The clear button out of the Tab order, Delete clears a select from the keyboard.
    const locality = page.locator('.ant-form-item').filter({ has: page.locator('#appeal_localityId') })
    // the remembered okrug (the page's start script writes it again on each load)
    await expect(locality.innerText()).resolves.toContain('Көктерек ауылдық округі')
    await page.locator('#appeal_localityId').focus()
    await page.keyboard.press('Delete')
    await expect.poll(() => locality.innerText()).not.toContain('Көктерек ауылдық округі')
  })

  it('asks before Esc drops a typed extension reason, and says why a typed date is refused', async () => {
    // The form left with its locality cleared: a change, so leaving asks.
    await page.evaluate((id) => (window.location.hash = `#/appeals/${id}`), registeredId)
    await unsavedQuestion().getByRole('button', { name: 'Жабу, сақтамау' }).click()
    await page.getByRole('button', { name: 'Мерзімді ұзарту' }).click()
    const dialog = page.getByRole('dialog').filter({ hasText: 'Мерзімді ұзарту' })
    await dialog.waitFor()

    // Typed dates the picker would not take say why, under the field.
    const newDue = dialog.locator('#extendedDueOn')
    const refused = dialog.getByTestId('date-refused')
    await newDue.focus()
    await page.keyboard.type('31.02.2026')
    await page.keyboard.press('Tab')
    await refused.getByText('«31.02.2026» — мұндай күн жоқ').waitFor()
    await newDue.focus()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('1.3.26')
    await page.keyboard.press('Enter')
    await refused.getByText('Күн ', { exact: false }).waitFor()
    expect(await refused.innerText()).toMatch(/^Күн \d\d\.\d\d\.\d{4} түрінде терілуі керек$/)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('01.01.2020')
    await page.keyboard.press('Tab')
    await refused.getByText('01.01.2020 бұл жерде рұқсат етілмеген күн', { exact: false }).waitFor()
    // Enter on the refused date did not send the dialog.
    await expect(dialog.isVisible()).resolves.toBe(true)

    await dialog.locator('#reason').fill('Жер телімін қосымша тексеру қажет')
    await page.keyboard.press('Escape')
    await unsavedQuestion().waitFor()
    await page.keyboard.press('Escape') // keeps editing
    await unsavedQuestion().waitFor({ state: 'detached' })
    await expect(dialog.locator('#reason').inputValue()).resolves.toBe('Жер телімін қосымша тексеру қажет')
    await page.keyboard.press('Escape')
    await unsavedQuestion().getByRole('button', { name: 'Жабу, сақтамау' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('saves the meeting grid with Ctrl+Enter', async () => {
    await toastsGone(page)
    await page.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meetingId)
    await page.getByRole('combobox', { name: '1-жол: Сала' }).focus()
    await page.keyboard.type('Тұрғын')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Көшеге жарық орнату қажет')
    await page.keyboard.press('Control+Enter')
    await page.getByText('Тіркелген сұрақтар: 1').waitFor()
    expect((await api<{ questionsCount: number }>('meetings.get', { id: meetingId })).questionsCount).toBe(1)
  })
})
