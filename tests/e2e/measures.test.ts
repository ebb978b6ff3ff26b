import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ApiMethod } from '@shared/api/methods'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import {
  actAs,
  callApi,
  discardDialog,
  launchChromium,
  newWatchedPage,
  pickOption,
  screenshot,
  SCREENSHOTS,
  startWebApp,
  toastsGone,
  usePageSession,
  type WebApp,
} from './harness'

/** Today plus `days`, as the API takes dates ('YYYY-MM-DD'), in this computer's time like the app's. */
function isoDay(days: number): string {
  const [y, m, d] = localNow().date.split('-').map(Number)
  return localNow(new Date(y!, m! - 1, d! + days, 12)).date
}
/** The same day as the clerk types and reads it: 10.03.2026. */
const typed = (iso: string) => iso.split('-').reverse().join('.')

/**
 * The measures promised at a report meeting, end to end: two added in the dialog (one answering
 * a question), one refused on its deadline field in Kazakh with nothing saved, one marked done,
 * the counter on the page and the column on the meetings list — then a look in Russian. The
 * meeting and its questions are set up over the HTTP API: they are not what this is about.
 */
describe('measures promised at a report meeting, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let meetingId = 0
  let lightsQuestion = { id: 0, regNumber: '' }
  const errors: string[] = []
  // Held five weeks ago: a deadline ten days after it has passed, one a month from now has not.
  const heldOn = isoDay(-35)
  const lightsDue = isoDay(30)
  const kindergartenDue = isoDay(-25)

  const api = <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
    callApi<ApiOutput<M>>(app, method, input)
  const measures = async () => (await api('meetings.get', { id: meetingId })).measures
  const dialog = () => page.getByRole('dialog')
  const formItem = (label: string) =>
    dialog()
      .locator('.ant-form-item')
      .filter({ has: page.getByText(label, { exact: true }) })
  const measureRow = (text: string) =>
    page.getByTestId('meeting-measures').locator('tr.ant-table-row').filter({ hasText: text })

  /** Fills the add/edit dialog the way a clerk does: text, body, a typed deadline, perhaps a question. */
  async function fillMeasure(m: { text: string; responsible: string; dueOn: string; question?: string }) {
    await dialog().locator('#text').fill(m.text)
    await dialog().locator('#responsible').fill(m.responsible)
    await dialog().locator('#dueOn').fill(typed(m.dueOn))
    await dialog().locator('#dueOn').press('Tab')
    if (m.question) {
      await dialog().locator('#appealId').focus()
      await page.keyboard.type(m.question)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    }
  }

  async function saveDialog(save = 'Сақтау') {
    await dialog().getByRole('button', { name: save }).click()
    await dialog().waitFor({ state: 'detached' })
  }

  beforeAll(async () => {
    app = await startWebApp()
    const clerk = await api('staff.create', { fullName: 'Сейітова Ғалия Болатқызы', position: 'Бас маман' })
    await actAs(app, { fullName: 'Сейітова Ғалия Болатқызы', staffId: clerk.id })
    const meeting = await api('meetings.create', {
      heldOn,
      place: 'Ауылдық мәдениет үйі',
      speakerName: 'Жұмабеков Ерлан Серікұлы',
      speakerPosition: 'Көктерек ауылдық округінің әкімі',
    })
    meetingId = meeting.id
    const sectors = await api('sectors.list', {})
    const sector = (code: string) => sectors.find((s) => s.code === code)!.id
    const details = await api('meetings.addQuestions', {
      meetingId,
      questions: [
        {
          sectorId: sector('housing'),
          summary: 'Орталық көшеде түнгі жарық жоқ',
          applicantName: 'Омаров Бекзат Асқарұлы',
        },
        { sectorId: sector('social'), summary: 'Балабақшада орын жетіспейді', applicantName: 'Қасымова Гүлнар' },
      ],
    })
    lightsQuestion = details.questions.find((q) => q.summary.includes('жарық'))!

    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    // The menu first: the page has taken its token before it is sent elsewhere by its address.
    await page.getByRole('menuitem', { name: 'Есептік кездесулер' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('adds a measure answering a question, and one on its own', async () => {
    await page.goto(`${app.origin}/#/meetings/${meetingId}`)
    await page.getByText('Кездесуде уәде етілген шаралар').waitFor()
    await page.getByText('Шаралар әлі енгізілмеген').waitFor()

    await page.getByRole('button', { name: 'Шара қосу' }).click()
    await fillMeasure({
      text: 'Орталық көшеге 20 шам орнату',
      responsible: 'Аудандық ТКШ бөлімі',
      dueOn: lightsDue,
      question: 'түнгі жарық',
    })
    await expect(formItem('Сұрақ').innerText()).resolves.toContain(
      `№ ${lightsQuestion.regNumber} — Орталық көшеде түнгі жарық жоқ`,
    )
    await screenshot(page, 'kk-measure-dialog')
    await saveDialog()
    await measureRow('Орталық көшеге 20 шам орнату').waitFor()

    await page.getByRole('button', { name: 'Шара қосу' }).click()
    await fillMeasure({
      text: 'Балабақшаға қосымша топ ашу',
      responsible: 'Аудандық білім бөлімі',
      dueOn: kindergartenDue,
    })
    await saveDialog()

    await expect
      .poll(async () => (await measures()).map((m) => m.text))
      .toEqual(['Балабақшаға қосымша топ ашу', 'Орталық көшеге 20 шам орнату'])
    const [kindergarten, lights] = await measures()
    expect(lights).toMatchObject({
      responsible: 'Аудандық ТКШ бөлімі',
      dueOn: lightsDue,
      appealId: lightsQuestion.id,
      state: 'open',
    })
    expect(kindergarten).toMatchObject({
      responsible: 'Аудандық білім бөлімі',
      dueOn: kindergartenDue,
      appealId: null,
      state: 'overdue',
    })

    // Deadline order; the question's number opens its appeal; the state in colour.
    const lightsRow = measureRow('Орталық көшеге 20 шам орнату')
    await expect(lightsRow.getByRole('link', { name: lightsQuestion.regNumber }).getAttribute('href')).resolves.toBe(
      `#/appeals/${lightsQuestion.id}`,
    )
    await expect.poll(() => lightsRow.getByTestId('measure-state').innerText()).toBe('Орындалуда')
    await expect.poll(() => measureRow('Балабақшаға').getByTestId('measure-state').innerText()).toBe('Мерзімі өтті')
    await expect
      .poll(() => page.getByTestId('measure-counts').innerText())
      .toBe('Барлығы 2 шара, орындалғаны — 0, мерзімі өткені — 1')
  })

  it("shows the promise on the question's appeal card, and only there", async () => {
    await measureRow('Орталық көшеге 20 шам орнату').getByRole('link', { name: lightsQuestion.regNumber }).click()
    const panel = page.getByTestId('question-measures')
    await panel.getByText('Осы сұрақ бойынша уәде етілген шаралар').waitFor()
    await panel.getByText('Орталық көшеге 20 шам орнату').waitFor()
    await panel.getByText(`мерзімі ${typed(lightsDue)}`).waitFor()
    await expect(panel.getByTestId('measure-state').innerText()).resolves.toBe('Орындалуда')
    expect(await panel.getByText('Балабақшаға қосымша топ ашу').count()).toBe(0)
    await screenshot(page, 'kk-appeal-card-measures')
    await page.goBack()
    await page.getByText('Кездесуде уәде етілген шаралар').waitFor()
  })

  it('refuses a deadline before the meeting on that field, in Kazakh, and saves nothing', async () => {
    await page.getByRole('button', { name: 'Шара қосу' }).click()
    await fillMeasure({ text: 'Жайылымға су жеткізу', responsible: 'Ауыл шаруашылығы бөлімі', dueOn: isoDay(-40) })
    await dialog().getByRole('button', { name: 'Сақтау' }).click()
    await formItem('Орындау мерзімі')
      .getByText(`Күн кездесу өткен күннен (${typed(heldOn)}) ерте болмайды`)
      .waitFor()
    // Only that field: the text and the body were fine.
    await expect(dialog().locator('.ant-form-item-explain-error').count()).resolves.toBe(1)
    expect(await measures()).toHaveLength(2)
    await screenshot(page, 'kk-measure-refused')

    // Cancel over typed work asks first; dropping it closes the form
    await discardDialog(page, dialog().getByRole('button', { name: 'Болдырмау' }))
    expect(await measures()).toHaveLength(2)
  })

  it('marks a measure done, with the date and what was done', async () => {
    await measureRow('Орталық көшеге 20 шам орнату').getByRole('button', { name: 'Орындалуын белгілеу' }).click()
    await expect(dialog().locator('#doneOn').inputValue()).resolves.toBe(typed(isoDay(0)))
    await dialog().locator('#doneNote').fill('20 шам орнатылды, қабылдау актісі жасалды')
    await screenshot(page, 'kk-measure-done-dialog')
    await saveDialog()

    const lightsRow = measureRow('Орталық көшеге 20 шам орнату')
    await expect.poll(() => lightsRow.getByTestId('measure-state').innerText()).toBe('Орындалды')
    await expect(lightsRow.innerText()).resolves.toContain(typed(isoDay(0)))
    await expect(lightsRow.innerText()).resolves.toContain('Орындалғаны: 20 шам орнатылды, қабылдау актісі жасалды')
    await lightsRow.getByRole('button', { name: 'Қайта ашу' }).waitFor()
    await expect
      .poll(() => page.getByTestId('measure-counts').innerText())
      .toBe('Барлығы 2 шара, орындалғаны — 1, мерзімі өткені — 1')
    const lights = (await measures()).find((m) => m.text.startsWith('Орталық'))!
    expect(lights).toMatchObject({
      doneOn: isoDay(0),
      doneNote: '20 шам орнатылды, қабылдау актісі жасалды',
      state: 'done',
    })

    await toastsGone(page)
    await screenshot(page, 'kk-meeting-measures')
  })

  it('shows done of total and the overdue count on the meetings list', async () => {
    await page.getByRole('link', { name: 'Кездесулер тізімі' }).click()
    await page.getByRole('columnheader', { name: 'Шаралар' }).waitFor()
    // Five weeks back can be last year in January: all years, so the meeting is listed whenever this runs.
    await page.locator('#meetings-year').click()
    await pickOption(page, 'Барлық жылдар', { exact: true })
    const row = page.locator('.ant-table-tbody tr.ant-table-row')
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => row.locator('td').last().innerText()).toMatch(/^1 \/ 2\s+мерзімі өтті: 1$/)
    // The list still fits an office screen: no horizontal scroll.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366)
    await screenshot(page, 'kk-meetings-list-measures')
  })

  it('counts the overdue measure on the dashboard, six figures in one row', async () => {
    await page.getByRole('menuitem', { name: 'Басты бет' }).click()
    const figure = page.getByTestId('figure-measuresOverdue')
    await figure.getByText('Мерзімі өткен шаралар').waitFor()
    await expect.poll(() => figure.locator('.ant-statistic-content').innerText()).toBe('1')
    const tops = await page
      .locator('[data-testid^="figure-"]:not([data-testid^="figure-link-"])')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    await screenshot(page, 'kk-dashboard-measures')

    // The figure leads to the meetings of any year with a measure past its deadline.
    await figure.getByRole('link', { name: 'Мерзімі өткен шаралар' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/meetings\/overdue$/)
    await expect(
      page.getByRole('checkbox', { name: 'Тек мерзімі өткен шаралары бар кездесулер' }).isChecked(),
    ).resolves.toBe(true)
    const rows = page.locator('.ant-table-tbody tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(1)
    await expect.poll(() => rows.locator('td').last().innerText()).toMatch(/мерзімі өтті: 1$/)
    // The table fades in after loading: photograph it whole.
    await expect
      .poll(() => page.locator('.ant-table-wrapper .ant-spin-container').evaluate((el) => getComputedStyle(el).opacity))
      .toBe('1')
    await screenshot(page, 'kk-meetings-overdue')
  })

  it('speaks Russian after the switch', async () => {
    await page.getByText('Русский', { exact: true }).click()
    await page.getByRole('columnheader', { name: 'Меры' }).waitFor()
    await page.getByText('просрочено: 1').waitFor()
    await page.getByRole('link', { name: /\d\d\.\d\d\.\d{4}/ }).click()
    await page.getByText('Меры, обещанные на встрече').waitFor()
    await expect
      .poll(() => page.getByTestId('measure-counts').innerText())
      .toBe('Всего мер: 2, выполнено — 1, просрочено — 1')
    await expect.poll(() => measureRow('Балабақшаға').getByTestId('measure-state').innerText()).toBe('Просрочено')
    await page.getByRole('columnheader', { name: 'Ответственный орган' }).waitFor()
    await screenshot(page, 'ru-meeting-measures')
  })

  it('marks the overdue measure done late, in Russian', async () => {
    await measureRow('Балабақшаға').getByRole('button', { name: 'Отметить выполнение' }).click()
    await dialog().getByText('Выполнение меры').waitFor()
    await saveDialog('Сохранить')
    await expect
      .poll(() => measureRow('Балабақшаға').getByTestId('measure-state').innerText())
      .toBe('Выполнено с опозданием')
    await expect.poll(() => page.getByTestId('measure-counts').innerText()).toBe('Всего мер: 2, выполнено — 2')
    expect((await measures()).find((m) => m.text.startsWith('Балабақшаға'))).toMatchObject({
      doneOn: isoDay(0),
      doneNote: null,
      state: 'done_late',
    })
    await toastsGone(page)
    await page.getByTestId('meeting-measures').screenshot({ path: join(SCREENSHOTS, 'ru-measures-done-late.png') })
  })

  it('reopens and deletes a measure after confirming', async () => {
    await measureRow('Орталық көшеге').getByRole('button', { name: 'Возобновить' }).click()
    await page
      .locator('.ant-popconfirm:visible')
      .getByText('Дата исполнения и отметка о сделанном будут удалены')
      .waitFor()
    await toastsGone(page)
    await screenshot(page, 'ru-measure-reopen-confirm')
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Возобновить' }).click()
    await expect.poll(() => measureRow('Орталық көшеге').getByTestId('measure-state').innerText()).toBe('В работе')
    expect((await measures()).find((m) => m.text.startsWith('Орталық'))).toMatchObject({
      doneOn: null,
      doneNote: null,
      state: 'open',
    })

    await measureRow('Балабақшаға').getByRole('button', { name: 'Удалить' }).click()
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Удалить' }).click()
    await expect.poll(async () => (await measures()).map((m) => m.text)).toEqual(['Орталық көшеге 20 шам орнату'])
    await expect.poll(() => page.getByTestId('measure-counts').innerText()).toBe('Всего мер: 1, выполнено — 0')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
