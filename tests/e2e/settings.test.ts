import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  callApi,
  discardDialog,
  launchChromium,
  newWatchedPage,
  openedDialog,
  pickOption,
  screenshot,
  startWebApp,
  toasts,
  toastsGone,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Settings end to end, in Kazakh first and then in Russian: staff added in the UI, an account
 * for one of them (Settings → Users, administrators only), an okrug and its settlement,
 * the shipped 2026 calendar with its sources, a day added, changed and removed with a reason
 * (and the warning a removed holiday leaves), the warning when next year's calendar is missing
 * (Settings and the dashboard), a calendar file merged in (and one refused), office hours, the
 * office identity. Every tab is photographed in both languages.
 */
describe('settings in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

  /** The rows of the table in the tab being shown (other tabs are not rendered). */
  const rows = () => page.locator('.ant-tabs-content .ant-table-tbody tr.ant-table-row')
  const openTab = async (name: string) => {
    await page.getByRole('tab', { name, exact: true }).click()
    await page.getByRole('tab', { name, exact: true, selected: true }).waitFor()
  }

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

  it('signed in as the administrator: the header names them and their role; Settings opens on Staff', async () => {
    await page.goto(app.url)
    await page.getByTestId('user-menu').getByText('Әкімші Тестов · Әкімші').waitFor()
    await page.getByRole('menuitem', { name: 'Баптаулар' }).click()
    await openTab('Қызметкерлер')
    expect(page.url()).toContain('#/settings/staff')
    await expect(page.getByRole('dialog').count()).resolves.toBe(0)
  })

  it('adds two staff members, and says what is missing in Kazakh', async () => {
    await page.getByRole('button', { name: 'Қызметкер қосу' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await expect.poll(() => dialog.getByText('Толтыру міндетті').count()).toBe(2)
    await dialog.getByLabel('Аты-жөні').fill('Сейітов Серік Болатұлы')
    await dialog.getByLabel('Лауазымы (қазақша)').fill('Бас маман')
    await dialog.getByLabel('Бөлімі').fill('Ішкі саясат бөлімі')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: 'Қызметкер қосу' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('Аты-жөні').fill('Ахметова Айгүл Нұрланқызы')
    await dialog.getByLabel('Лауазымы (қазақша)').fill('Іс жүргізуші')
    await dialog.getByLabel('Лауазымы (қазақша)').press('Enter')
    await dialog.waitFor({ state: 'detached' })

    await expect.poll(() => rows().count()).toBe(2)
    // Listed by name: Ахметова before Сейітов.
    await expect(rows().first().innerText()).resolves.toContain('Ахметова Айгүл Нұрланқызы')
    await expect(rows().last().innerText()).resolves.toContain('Ішкі саясат бөлімі')
    await screenshot(page, 'kk-settings-staff')
  })

  it('gives a staff member an account with a role (Settings → Users)', async () => {
    await openTab('Пайдаланушылар')
    await page.getByRole('button', { name: 'Пайдаланушы қосу' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByLabel('Логин').fill('serik')
    await dialog.getByLabel('Қызметкер').click()
    await pickOption(page, 'Сейітов Серік Болатұлы')
    await expect.poll(() => dialog.getByLabel('Аты-жөні').inputValue()).toBe('Сейітов Серік Болатұлы')
    await dialog.getByLabel('Құпиясөз', { exact: true }).fill('qysqa')
    await dialog.getByLabel('Құпиясөзді қайталаңыз').fill('qysqa')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.getByText('Құпиясөз кемінде 8 таңба болуы керек').waitFor()
    await dialog.getByLabel('Құпиясөз', { exact: true }).fill('serik-password')
    await dialog.getByLabel('Құпиясөзді қайталаңыз').fill('serik-password')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })
    const row = rows().filter({ hasText: 'serik' })
    await expect.poll(() => row.innerText()).toContain('Іс жүргізуші')
    await expect(rows().count()).resolves.toBe(2)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await screenshot(page, 'kk-settings-users')
  })

  it('adds a rural okrug and its settlement; a settlement without an okrug is refused', async () => {
    await openTab('Елді мекендер')
    await page.getByRole('button', { name: 'Ауылдық округ қосу' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByLabel('Атауы (қазақша)').fill('Көктерек ауылдық округі')
    await dialog.getByLabel('Атауы (орысша)').fill('Коктерекский сельский округ')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: '+ Елді мекен қосу' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByText('Жаңа елді мекен').waitFor()
    await dialog.getByLabel('Атауы (қазақша)').fill('Көктерек ауылы')
    await dialog.getByLabel('Атауы (орысша)').fill('село Коктерек')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })

    await expect.poll(() => rows().count()).toBe(2)
    await expect(rows().nth(0).innerText()).resolves.toContain('Көктерек ауылдық округі')
    await expect(rows().nth(1).innerText()).resolves.toContain('село Коктерек')

    await page.getByRole('button', { name: 'Ауылдық округ қосу' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByText('Елді мекен', { exact: true }).click()
    await dialog.getByLabel('Атауы (қазақша)').fill('Жетім ауыл')
    await dialog.getByLabel('Атауы (орысша)').fill('Село без округа')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.getByText('Елді мекен үшін ауылдық округті таңдаңыз').waitFor()
    await discardDialog(page, dialog.getByRole('button', { name: 'Болдырмау' }))
    await expect.poll(() => rows().count()).toBe(2)
    await screenshot(page, 'kk-settings-localities')
  })

  it('shows the 2026 calendar with Nauryz', async () => {
    await openTab('Жұмыс күндерінің күнтізбесі')
    const nauryz = rows().filter({ hasText: '21.03.2026' })
    await nauryz.waitFor()
    await expect(nauryz.innerText()).resolves.toContain('Наурыз мейрамы')
    await expect(nauryz.innerText()).resolves.toContain('Мереке күні')
    await expect(nauryz.innerText()).resolves.toContain('Дереккөзі: «Қазақстан Республикасындағы мерекелер туралы»')
    await expect(nauryz.innerText()).resolves.toContain('Бағдарламамен бірге')
    await page
      .getByText('Файлдағы күндер қосылады немесе сол күндері бар күндерді ауыстырады', { exact: false })
      .waitFor()
    await page.getByTestId('office-hours').getByText('Жұмыс уақыты').waitFor()
    await screenshot(page, 'kk-settings-calendar')
  })

  it('adds a day with a reason, changes it, and removes a holiday, which leaves a warning naming it', async () => {
    const saves: string[] = []
    const countSave = (request: { url(): string }) => {
      if (request.url().endsWith('/api/calendar.saveDay')) saves.push(request.url())
    }
    page.on('request', countSave)
    await page.getByTestId('calendar-add').click()
    let dialog = page.getByRole('dialog')
    await dialog.getByTestId('calendar-day-date').click()
    await page.keyboard.type('06.04.2026')
    // Enter confirms the typed date; it does not send the dialog half-filled.
    await page.keyboard.press('Enter')
    await dialog.getByTestId('calendar-day-note').fill('Демалыс күнін ауыстыру')
    await dialog.getByTestId('calendar-day-source').fill('Министрдің бұйрығы № 1')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    // The reason is required: the API says so under the field, answering the one save sent.
    await dialog.getByText('Толтыру міндетті').waitFor()
    expect(saves).toHaveLength(1)
    page.off('request', countSave)
    await dialog.getByTestId('calendar-day-reason').fill('Еңбек министрлігінің бұйрығы жарияланды')
    await screenshot(page, 'kk-settings-calendar-add')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Сақталды: 06.04.2026').waitFor()
    const added = rows().filter({ hasText: '06.04.2026' })
    await expect(added.innerText()).resolves.toContain('Әкімдік енгізген')
    await expect(added.innerText()).resolves.toContain('Министрдің бұйрығы № 1')

    await added.getByRole('button', { name: 'Өзгерту' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByText('06.04.2026 күнін өзгерту').waitFor()
    await dialog.getByTestId('calendar-day-source').fill('Министрдің бұйрығы № 2')
    await dialog.getByTestId('calendar-day-reason').fill('Бұйрықтың нөмірі түзетілді')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => added.innerText()).toContain('Министрдің бұйрығы № 2')

    await rows().filter({ hasText: '06.07.2026' }).getByRole('button', { name: 'Жою' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByTestId('calendar-remove-reason').fill('Тексеру үшін')
    await dialog.getByRole('button', { name: 'Сақтау' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page
      .getByTestId('calendar-missing-holidays')
      .getByText('2026 жылдың күнтізбесінде заң бойынша мерекелер жоқ: Астана күні (06.07.2026)')
      .waitFor()
    await screenshot(page, 'kk-settings-calendar-edited')

    // Capital Day back, as shipped, for the rest of the run.
    await callApi(app, 'calendar.saveDay', {
      date: '2026-07-06',
      kind: 'holiday',
      note: 'Астана күні / День столицы',
      reason: 'Қайтару',
    })
  })

  it("warns in Settings and on the dashboard when next year's calendar is missing", async () => {
    const nextYear = new Date().getFullYear() + 1
    const days = await callApi<{ date: string }[]>(app, 'calendar.list', { year: nextYear })
    for (const { date } of days) await callApi(app, 'calendar.removeDay', { date, reason: 'Тексеру үшін' })
    await page.reload()
    await page.getByRole('tab', { name: 'Жұмыс күндерінің күнтізбесі', selected: true }).waitFor()
    const warning = page.getByTestId('calendar-missing-years')
    await warning.getByText(`Күнтізбеге ${nextYear} жылға арналған күндер енгізілмеген`, { exact: false }).waitFor()
    await screenshot(page, 'kk-settings-calendar-missing-year')
    await page.goto(`${app.origin}/#/dashboard`)
    await page.getByTestId('figure-total').waitFor()
    await page
      .getByTestId('calendar-missing-years')
      .getByText(`Күнтізбеге ${nextYear} жылға арналған күндер енгізілмеген`, { exact: false })
      .waitFor()
    await screenshot(page, 'kk-dashboard-calendar-missing-year')

    // An appeal of a year the calendar does not hold (2020): its deadline is provisional, on the card.
    const sectors = await callApi<{ id: number; code: string }[]>(app, 'sectors.list', {})
    const historic = await callApi<{ id: number; dueProvisional: boolean }>(app, 'appeals.create', {
      receivedAt: '2020-05-05T10:00',
      channel: 'written',
      appealType: 'application',
      sectorId: sectors.find((s) => s.code === 'housing')!.id,
      applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Серік' },
      summary: 'Тарихи тіркелімнен енгізілген өтініш',
    })
    expect(historic.dueProvisional).toBe(true)
    await page.goto(`${app.origin}/#/appeals/${historic.id}`)
    await page.getByTestId('provisional-tag').first().getByText('Шамамен').waitFor()
    await screenshot(page, 'kk-appeal-provisional')

    await page.goto(`${app.origin}/#/settings/calendar`)
    await page.getByRole('tab', { name: 'Жұмыс күндерінің күнтізбесі', selected: true }).waitFor()
  })

  it('merges a calendar file in after saying what it adds, and warns of the holidays its year lacks', async () => {
    const file = {
      about: 'test calendar',
      days: [
        { date: '2030-01-01', kind: 'holiday', note: 'Жаңа жыл / Новый год' },
        { date: '2030-01-02', kind: 'holiday', note: 'Жаңа жыл / Новый год' },
        { date: '2030-01-05', kind: 'working_weekend', note: 'Жұмыс күні / Рабочий день' },
      ],
    }
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'kz-2030.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    const confirm = page.getByRole('dialog')
    await confirm.getByText('Файлда 3 күн бар (жылдар: 2030)', { exact: false }).waitFor()
    await confirm.getByRole('button', { name: 'Импорттау', exact: true }).click()
    await confirm.waitFor({ state: 'detached' })
    const result = page.getByTestId('calendar-import-result')
    await result.getByText('Файлдағы 3 күн: 3 қосылды, 0 ауыстырылды (жылдар: 2030)').waitFor()
    await result
      .getByText('2030 жылдың күнтізбесінде заң бойынша мерекелер жоқ: Православиелік Рождество', { exact: false })
      .waitFor()
    // The page moved to the imported year.
    await expect.poll(() => rows().count()).toBe(3)
    await expect(rows().last().innerText()).resolves.toContain('Жұмыс күні (ауыстырылған)')
    await screenshot(page, 'kk-settings-calendar-import')
  })

  it('refuses a file with a bad day, says which row in Kazakh, and changes nothing', async () => {
    const file = { days: [{ date: '2030-01-07', kind: 'working_weekend', note: '' }] }
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await (await openedDialog(page)).getByRole('button', { name: 'Импорттау', exact: true }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    const result = page.getByTestId('calendar-import-result')
    await result.getByText('Күнтізбе импортталмады').waitFor()
    await result.getByText('1-жол (2030-01-07): 2030-01-07 — демалыс күні емес', { exact: false }).waitFor()
    await expect.poll(() => rows().count()).toBe(3)
    await screenshot(page, 'kk-settings-calendar-refused')

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('days: none') })
    await result.getByText('Файл оқылмады', { exact: false }).waitFor()
  })

  it('fills in the office identity, which is still there after a reload', async () => {
    await openTab('Әкімдік деректері')
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
    // The localities saved before said "Сақталды" too: this save's toast must be its own.
    await toastsGone(page)
    await page.getByRole('button', { name: 'Сақтау' }).click()
    await toasts(page).getByText('Сақталды', { exact: true }).waitFor()
    await toastsGone(page)
    await screenshot(page, 'kk-settings-office')

    await page.reload()
    await page.getByRole('tab', { name: 'Әкімдік деректері', selected: true }).waitFor()
    await expect.poll(() => page.getByLabel('Басшының аты-жөні').inputValue()).toBe('Жұмабеков Ерлан Серікұлы')
    await expect(page.getByLabel('Аудан', { exact: true }).inputValue()).resolves.toBe('Абай ауданы')
  })

  it('photographs the sector and about tabs in Kazakh', async () => {
    await openTab('Салалар анықтамалығы')
    await expect.poll(() => rows().count()).toBe(8)
    await screenshot(page, 'kk-settings-sectors')
    await openTab('Бағдарлама туралы')
    await page.getByText('Деректер файлы').waitFor()
    await screenshot(page, 'kk-settings-about')
  })

  it('shows every tab in Russian', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.getByRole('heading', { name: 'Настройки' }).waitFor()
    await page.getByTestId('user-menu').getByText('Әкімші Тестов · Администратор').waitFor()

    await openTab('Справочник сфер')
    await expect.poll(() => rows().count()).toBe(8)
    await screenshot(page, 'ru-settings-sectors')

    await openTab('Сотрудники')
    await page.getByRole('columnheader', { name: 'ФИО' }).waitFor()
    await expect.poll(() => rows().count()).toBe(2)
    await screenshot(page, 'ru-settings-staff')

    await openTab('Населенные пункты')
    await expect.poll(() => rows().count()).toBe(2)
    await expect(rows().nth(1).innerText()).resolves.toContain('Населенный пункт')
    await screenshot(page, 'ru-settings-localities')

    await openTab('Календарь рабочих дней')
    await page.getByText('Дни из файла добавляются или заменяют дни с теми же датами', { exact: false }).waitFor()
    await expect.poll(() => rows().filter({ hasText: '21.03.2026' }).count()).toBe(1)
    await expect(rows().filter({ hasText: '21.03.2026' }).innerText()).resolves.toContain('Праздничный день')
    await expect(rows().filter({ hasText: '21.03.2026' }).innerText()).resolves.toContain(
      'Источник: Закон РК «О праздниках в Республике Казахстан» от 13.12.2001 № 267-II, ст. 3',
    )
    await expect(rows().filter({ hasText: '06.04.2026' }).innerText()).resolves.toContain('Внесен акиматом')
    await page
      .getByTestId('calendar-missing-years')
      .getByText(`Календарь не содержит дней за ${new Date().getFullYear() + 1} г.`, { exact: false })
      .waitFor()
    await page.getByTestId('office-hours').getByText('Время работы').waitFor()
    await screenshot(page, 'ru-settings-calendar')

    await rows().filter({ hasText: '06.04.2026' }).getByRole('button', { name: 'Изменить' }).click()
    const edit = page.getByRole('dialog')
    await edit.getByText('Изменение дня 06.04.2026').waitFor()
    await edit.getByText('Причина (записывается в историю)').waitFor()
    await screenshot(page, 'ru-settings-calendar-edit')
    await edit.getByRole('button', { name: 'Отмена' }).click()
    await edit.waitFor({ state: 'detached' })

    const file = { days: [{ date: '2030-01-08', kind: 'working_weekend', note: '' }] }
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await (await openedDialog(page)).getByRole('button', { name: 'Импортировать', exact: true }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page
      .getByTestId('calendar-import-result')
      .getByText('Строка 1 (2030-01-08): 2030-01-08 — не выходной', { exact: false })
      .waitFor()
    await screenshot(page, 'ru-settings-calendar-refused')

    await openTab('Сведения об акимате')
    await expect.poll(() => page.getByLabel('ФИО руководителя').inputValue()).toBe('Жұмабеков Ерлан Серікұлы')
    await screenshot(page, 'ru-settings-office')

    await openTab('О программе')
    await page.getByText('Файл данных').waitFor()
    await screenshot(page, 'ru-settings-about')
  })

  it("changes an account's role, in Russian", async () => {
    await openTab('Пользователи')
    await rows().filter({ hasText: 'serik' }).getByRole('button', { name: 'Изменить' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByLabel('Роль').click()
    await pickOption(page, 'Пресс-служба')
    await dialog.getByRole('button', { name: 'Сохранить' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => rows().filter({ hasText: 'serik' }).innerText()).toContain('Пресс-служба')
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await screenshot(page, 'ru-settings-users')
  })

  it('deactivates a staff member, never deletes', async () => {
    await openTab('Сотрудники')
    await page.getByRole('button', { name: 'Изменить: Ахметова Айгүл Нұрланқызы' }).click()
    const dialog = await openedDialog(page)
    const active = dialog.getByRole('switch', { name: 'Активен' })
    await active.click()
    // What is saved is what the switch shows: off.
    await expect.poll(() => active.getAttribute('aria-checked')).toBe('false')
    await dialog.getByRole('button', { name: 'Сохранить' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => rows().filter({ hasText: 'Ахметова' }).innerText()).toContain('Отключен')
    await expect.poll(() => rows().count()).toBe(2)
    await screenshot(page, 'ru-settings-staff-deactivated')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
