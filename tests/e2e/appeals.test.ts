import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page, Request } from 'playwright-core'
import { pdfText, writeFirstPage } from '../helpers/pdf'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  openedDialog,
  screenshot,
  SCREENSHOTS,
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

/** '2026-11-27' → '27.11.2026', as the date pickers take it. */
const typed = (iso: string) => iso.split('-').reverse().join('.')

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const SURNAMES = ['Әбдірахманов', 'Серікбаева', 'Оспанов', 'Нұрланова', 'Қасымов', 'Төлеуова', 'Ермеков']
const FIRST_NAMES = ['Бауыржан', 'Гүлнар', 'Ерлан', 'Айгерім', 'Дәурен', 'Сәуле', 'Мұрат']
const SUMMARIES = [
  'Көшені жарықтандыру туралы',
  'Ауыз су құбырын жөндеу',
  'Балабақшаға орын беру',
  'Жер учаскесін ресімдеу',
  'Мал дәрігерінің көмегі туралы',
]
/** Appeals seeded through the API so that the register has more than one page to scroll. */
const SEEDED = 250

/**
 * A clerk's day with appeals, end to end in Chromium: the register pages from the database as
 * it scrolls; a reception visit is registered from the keyboard (a mistyped IIN is refused
 * under its field, in Kazakh; Enter in a select picks without saving; the returning citizen
 * and the earlier appeal are offered); the receipt PDF holds the number in Kazakh; search
 * finds the Kazakh spelling typed without Kazakh letters; the appeal is extended, taken into
 * work, answered and edited, and its history says so; the pages are photographed in kk and ru.
 */
describe('appeals in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  let registeredNumber = ''
  let registeredId = 0
  /** The returning citizen's earlier appeal, seeded through the API. */
  let earlierNumber = ''

  const api = <T = unknown>(method: string, input: unknown): Promise<T> => callApi<T>(app, method, input)

  const count = () => page.getByTestId('appeals-count').innerText()
  /** A select in the form: focus it and type, as a clerk does; the dropdown opens on typing. */
  async function typeInSelect(id: string, text: string): Promise<void> {
    await page.locator(`#${id}`).focus()
    await page.keyboard.type(text)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
    await page.keyboard.press('Enter')
    // The dropdown closes with an animation; the next select's must not be confused with it.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
  }
  const formItem = (label: string) =>
    page.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) })

  beforeAll(async () => {
    app = await startWebApp()

    const operator = await api<{ id: number }>('staff.create', {
      fullName: 'Серікова Айгүл Маратқызы',
      position: 'Бас маман',
    })
    const executor = await api<{ id: number }>('staff.create', {
      fullName: 'Жақсылықов Нұрлан Ерланұлы',
      position: 'Жетекші маман',
    })
    await actAs(app, { fullName: 'Серікова Айгүл Маратқызы', staffId: operator.id })
    const okrug = await api<{ id: number }>('localities.create', {
      kind: 'okrug',
      nameKk: 'Ақсу ауылдық округі',
      nameRu: 'Аксуский сельский округ',
    })
    const village = await api<{ id: number }>('localities.create', {
      kind: 'settlement',
      parentId: okrug.id,
      nameKk: 'Ақсу ауылы',
      nameRu: 'село Аксу',
    })
    const sectors = await api<{ id: number; code: string }[]>('sectors.list', {})
    const housing = sectors.find((s) => s.code === 'housing')!.id

    // The returning citizen: an earlier appeal on the same issue.
    const earlier = await api<{ regNumber: string }>('appeals.create', {
      receivedAt: localDateTime(30, '10:00'),
      channel: 'reception',
      appealType: 'application',
      sectorId: housing,
      localityId: village.id,
      applicant: {
        kind: 'individual',
        surname: 'Жұмабеков',
        firstName: 'Серік',
        iin: '900515301234',
        phone: '+7 701 555 12 34',
      },
      summary: 'Абай көшесінде шамдар жанбайды',
      executorId: executor.id,
    })
    earlierNumber = earlier.regNumber
    for (let i = 0; i < SEEDED; i++) {
      await api('appeals.create', {
        receivedAt: localDateTime(1 + (i % 60), `${String(9 + (i % 8)).padStart(2, '0')}:15`),
        channel: i % 5 === 0 ? 'written' : 'reception',
        appealType: i % 7 === 0 ? 'complaint' : 'application',
        sectorId: sectors[i % sectors.length]!.id,
        localityId: i % 2 === 0 ? village.id : okrug.id,
        applicant:
          // every 25th from an organisation (an anonymous one would be closed as registered, with no term to sort by)
          i % 25 === 0
            ? {
                kind: 'organisation',
                name: `«Ауыл жастары» бірлестігі (${i + 1})`,
                bin: null,
                phone: null,
                address: null,
              }
            : {
                kind: 'individual',
                surname: SURNAMES[i % SURNAMES.length],
                firstName: FIRST_NAMES[i % FIRST_NAMES.length],
              },
        summary: `${SUMMARIES[i % SUMMARIES.length]} (${i + 1})`,
        executorId: i % 3 === 0 ? executor.id : null,
      })
    }

    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
    await page.evaluate(() => {
      window.location.hash = '#/appeals'
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('pages the register from the database as it scrolls', async () => {
    const total = SEEDED + 1
    await expect.poll(count).toContain(`100 / ${total}`)
    await expect.poll(() => page.locator('[data-testid="appeals-table"] .ant-table-row').count()).toBeGreaterThan(10)
    await screenshot(page, 'kk-appeals-list')

    // Sorted by the deadline, the overdue appeals come first, marked red.
    await page.getByRole('columnheader', { name: 'Мерзімі' }).click()
    await expect
      .poll(() => page.locator('[data-testid="appeals-table"] .ant-table-row').first().innerText())
      .toContain('Мерзімі өтті')
    await screenshot(page, 'kk-appeals-list-by-deadline')

    // Pages are asked for as the clerk scrolls, 100 rows at a time. Counted from the requests,
    // not from the counter: a fast scroll may load two pages between two looks at it.
    const asked: { offset: number; limit: number }[] = []
    const onRequest = (request: Request) => {
      if (request.url().endsWith('/api/appeals.list'))
        asked.push(JSON.parse(request.postData() ?? '{}') as { offset: number; limit: number })
    }
    page.on('request', onRequest)
    await page
      .locator(
        '[data-testid="appeals-table"] .ant-table-body, [data-testid="appeals-table"] .ant-table-tbody-virtual-holder',
      )
      .first()
      .hover()
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 4000)
        return count()
      })
      .toContain(`${total} / ${total}`)
    page.off('request', onRequest)
    expect(asked.map((q) => [q.offset, q.limit])).toEqual([
      [100, 100],
      [200, 100],
    ])
  })

  it('opens the registration form with the focus in its first field', async () => {
    await page.getByRole('link', { name: 'Жаңа өтініш / қабылдау' }).click()
    await page.getByRole('heading', { name: 'Өтінішті тіркеу' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('appeal_channel')
    await expect(page.getByTestId('returning-citizens').innerText()).resolves.toContain('ЖСН-нің алғашқы 4 цифрын')
  })

  it('picks a select option with Enter without saving the half-filled form', async () => {
    // The received date-time is typed like any other field.
    const received = localDateTime(7, '10:30')
    await page.locator('#appeal_receivedAt').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type(`${typed(received.slice(0, 10))} 10:30`)
    await page.keyboard.press('Tab')

    // Typed without Kazakh letters: "тургын уй" finds "Тұрғын үй-коммуналдық шаруашылығы".
    await typeInSelect('appeal_sectorId', 'тургын уй')
    await expect(formItem('Сала').innerText()).resolves.toContain('Тұрғын үй-коммуналдық шаруашылығы')
    await typeInSelect('appeal_localityId', 'аксу ауылы')
    await expect(formItem('Елді мекен').innerText()).resolves.toContain('Ақсу ауылы')
    // Nothing was submitted: no field says it is required, no appeal was registered.
    await expect(page.getByText('Толтыру міндетті').count()).resolves.toBe(0)
    await expect(page.getByTestId('registered-alert').count()).resolves.toBe(0)
  })

  it('refuses a mistyped IIN under its field, in Kazakh', async () => {
    await page.locator('#appeal_applicant_iin').fill('900515301235')
    await page.locator('#appeal_applicant_surname').fill('Жұмабеков')
    await page.locator('#appeal_applicant_firstName').fill('Серік')
    await page.locator('#appeal_applicant_patronymic').fill('Қайратұлы')
    await page.locator('#appeal_applicant_phone').fill('+7 701 555 12 34')
    await page.locator('#appeal_applicant_address').fill('Ақсу ауылы, Абай көшесі, 12')
    await page.locator('#appeal_summary').fill('Абай көшесіндегі шамдар әлі жанбайды, жөндеуді сұраймын')
    await typeInSelect('appeal_executorId', 'жаксылыков')
    await page.locator('#appeal_applicant_phone').press('Enter')

    const help = page.locator('#appeal_applicant_iin_help')
    await help.waitFor()
    await expect(help.innerText()).resolves.toBe('ЖСН бақылау саны сәйкес келмейді: нөмірді тексеріңіз')
    await expect(page.getByTestId('registered-alert').count()).resolves.toBe(0)
    await screenshot(page, 'kk-appeal-new-errors')
  })

  it('offers the returning citizen and the earlier appeal, and saves with Enter', async () => {
    await page.locator('#appeal_applicant_iin').fill('900515301234')
    await expect.poll(() => page.locator('#appeal_applicant_iin_help').count()).toBe(0)
    const panel = page.getByTestId('returning-citizens')
    await expect.poll(() => panel.innerText()).toContain('Жұмабеков Серік')
    await expect(panel.innerText()).resolves.toContain('Өтініштер саны: 1')

    const notice = page.getByTestId('repeat-notice')
    await notice.getByRole('button', { name: 'Қайталама деп белгілеу' }).click()
    await expect.poll(() => notice.innerText()).toContain('Қайталама өтініш ретінде белгіленді')
    await screenshot(page, 'kk-appeal-new-returning')

    await page.locator('#appeal_applicant_iin').press('Enter')
    const alert = page.getByTestId('registered-alert')
    await alert.waitFor()
    registeredNumber = /№ (\d{4}-\d{6})/.exec(await alert.innerText())![1]!

    // The next blank form: focus back in the first field, the clerk's defaults kept.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('appeal_channel')
    await expect(page.locator('#appeal_summary').inputValue()).resolves.toBe('')
    await expect(page.locator('#appeal_applicant_iin').inputValue()).resolves.toBe('')
    await expect(formItem('Елді мекен').innerText()).resolves.toContain('Ақсу ауылы')
    await expect(formItem('Орындаушы').innerText()).resolves.toContain('Жақсылықов Нұрлан')
    await screenshot(page, 'kk-appeal-new-registered')
  })

  it('downloads the receipt slip: a Kazakh PDF with the registration number', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('registered-alert').getByRole('button', { name: 'Талон (PDF)' }).click(),
    ])
    const pdf = join(SCREENSHOTS, 'kk-receipt.pdf')
    await download.saveAs(pdf)
    expect(download.suggestedFilename()).toBe(`талон-${registeredNumber}.pdf`)
    const bytes = readFileSync(pdf)
    const text = await pdfText(bytes)
    expect(text).toContain(registeredNumber)
    expect(text).toContain('Өтінішті қабылдау туралы талон')
    expect(text).toContain('Жұмабеков Серік Қайратұлы')
    await writeFirstPage(bytes, join(SCREENSHOTS, 'kk-receipt.png'), 60)
  })

  it('finds the appeal by a surname typed without Kazakh letters', async () => {
    await page.getByRole('link', { name: 'Өтініштер тізіміне оралу' }).click()
    await page.getByLabel('Нөмір, өтініш беруші, ЖСН, телефон, мекенжай немесе мазмұны бойынша іздеу').fill('Жумабеков')
    await expect.poll(count).toContain('2 / 2')
    const rows = page.locator('[data-testid="appeals-table"] .ant-table-row')
    await expect.poll(() => rows.count()).toBe(2)
    for (const row of await rows.all()) expect(await row.innerText()).toContain('Жұмабеков')
    await screenshot(page, 'kk-appeals-search')

    await rows.filter({ hasText: registeredNumber }).click()
    await page.getByRole('heading', { name: `№ ${registeredNumber} өтініш` }).waitFor()
    registeredId = Number(/#\/appeals\/(\d+)/.exec(page.url())![1])
    await expect(page.getByTestId('status-tag').first().innerText()).resolves.toBe('Тіркелді')
    await screenshot(page, 'kk-appeal-card')
  })

  it('extends the deadline, takes the appeal into work and answers it', async () => {
    const appeal = await api<{ dueOn: string }>('appeals.get', { id: registeredId })
    const extendedTo = addDays(appeal.dueOn, 10)

    await page.getByRole('button', { name: 'Мерзімді ұзарту' }).click()
    const extend = page.getByRole('dialog')
    await extend.locator('#extendedDueOn').fill(typed(extendedTo))
    await extend.locator('#extendedDueOn').press('Tab')
    await extend.locator('#reason').fill('Жөндеу жұмыстарына мердігер іздестірілуде')
    await screenshot(page, 'kk-appeal-extend-dialog')
    await extend.getByRole('button', { name: 'Сақтау' }).click()
    await extend.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('deadline-block').innerText()).toContain(typed(extendedTo))

    await page.getByRole('button', { name: 'Орындауға алу' }).click()
    await expect.poll(() => page.getByTestId('status-tag').first().innerText()).toBe('Орындалуда')

    await page.getByRole('button', { name: 'Жауап беру' }).click()
    const answer = page.getByRole('dialog')
    await typeInSelect('outcome', 'тусиндир')
    await answer.locator('#answerText').fill('Көше шамдары ауыстырылды, жарық қалпына келтірілді.')
    await screenshot(page, 'kk-appeal-answer-dialog')
    await answer.getByRole('button', { name: 'Сақтау' }).click()
    await answer.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('status-tag').first().innerText()).toBe('Жауап берілді')
    await expect(page.getByTestId('deadline-block').innerText()).resolves.toContain('Жауап мерзімінде берілді')
    // A closed appeal offers no more status actions.
    await expect(page.getByRole('button', { name: 'Жауап беру' }).count()).resolves.toBe(0)
  })

  it('edits the appeal with the registration form', async () => {
    await page.getByRole('link', { name: 'Өңдеу' }).click()
    await page.getByRole('heading', { name: `№ ${registeredNumber} өтінішті өңдеу` }).waitFor()
    await expect(page.locator('#appeal_applicant_iin').inputValue()).resolves.toBe('900515301234')
    await page.locator('#appeal_applicant_phone').fill('+7 702 000 00 00')
    await page.locator('#appeal_applicant_phone').press('Enter')
    await page.getByRole('heading', { name: `№ ${registeredNumber} өтініш` }).waitFor()
  })

  it('shows who changed what and when in the history, with translated names and values', async () => {
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('Деректер өзгертілді')
    const text = await history.innerText()
    for (const expected of [
      'Өтініш тіркелді',
      `№ ${registeredNumber}`,
      'Мерзім ұзартылды',
      'Ұзарту себебі: Жөндеу жұмыстарына мердігер іздестірілуде',
      'Күйі: Тіркелді → Орындалуда',
      'Күйі: Орындалуда → Жауап берілді',
      'Қарау нәтижесі: Түсіндірілді',
      // masked like the card's phone; the edit form's reveal of them is recorded
      'Телефон: •••••••••34 → •••••••••00',
      'Дербес деректер көрсетілді',
      'Серікова Айгүл Маратқызы',
    ]) {
      expect(text).toContain(expected)
    }
    await toastsGone(page)
    await screenshot(page, 'kk-appeal-card-answered')
    await history.screenshot({ path: join(SCREENSHOTS, 'kk-appeal-history.png') })
  })

  it('opens the earlier appeal from the repeat link and redirects it to another body', async () => {
    await page.getByRole('link', { name: `№ ${earlierNumber}` }).click()
    await page.getByRole('heading', { name: `№ ${earlierNumber} өтініш` }).waitFor()
    await page.getByRole('button', { name: 'Басқа әрекеттер' }).click()
    await page.getByRole('menuitem', { name: 'Басқа органға жолдау' }).click()
    const dialog = await openedDialog(page)
    await dialog.locator('#redirectedTo').fill('Аудандық тұрғын үй-коммуналдық шаруашылығы бөлімі')
    await dialog.locator('#redirectedTo').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('status-tag').first().innerText()).toBe('Жолданды')
    const deadlines = await page.getByTestId('deadline-block').innerText()
    expect(deadlines).toContain('Жолдау мерзімі (3 жұмыс күні)')
    expect(deadlines).toContain('Аудандық тұрғын үй-коммуналдық шаруашылығы бөлімі')
    await toastsGone(page)
    await screenshot(page, 'kk-appeal-redirected')
    await page.goBack()
    await page.getByRole('heading', { name: `№ ${registeredNumber} өтініш` }).waitFor()
  })

  it('speaks Russian after the switch: card, history, list and the form errors', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.getByRole('heading', { name: `Обращение № ${registeredNumber}` }).waitFor()
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('Статус: На исполнении → Дан ответ')
    await expect(history.innerText()).resolves.toContain('Результат рассмотрения: Разъяснено')
    await expect(page.getByTestId('deadline-block').innerText()).resolves.toContain('Ответ дан в срок')
    await toastsGone(page)
    await screenshot(page, 'ru-appeal-card')
    await history.screenshot({ path: join(SCREENSHOTS, 'ru-appeal-history.png') })

    await page.getByRole('link', { name: 'К списку обращений' }).click()
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click()
    await expect.poll(count).toContain(`Показано 100 из ${SEEDED + 2}`)
    await screenshot(page, 'ru-appeals-list')

    await page.getByRole('link', { name: 'Новое обращение / прием' }).click()
    await page.getByRole('heading', { name: 'Регистрация обращения' }).waitFor()
    await page.locator('#appeal_applicant_iin').fill('12345')
    await page.locator('#appeal_applicant_iin').press('Enter')
    await page.locator('#appeal_applicant_iin_help').waitFor()
    await expect(page.locator('#appeal_applicant_iin_help').innerText()).resolves.toBe('ИИН состоит из 12 цифр')
    await expect(page.locator('#appeal_applicant_surname_help').innerText()).resolves.toBe('Обязательное поле')
    await expect(page.locator('#appeal_sectorId_help').innerText()).resolves.toBe('Обязательное поле')
    await screenshot(page, 'ru-appeal-new-errors')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
