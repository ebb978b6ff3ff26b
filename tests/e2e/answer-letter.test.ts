import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Download, Page } from 'playwright-core'
import { pdfText, writeFirstPage } from '../helpers/pdf'
import {
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  SCREENSHOTS,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * The answer with its details, typed from the keyboard, then the answer letter: the draft opens
 * for editing, an edited paragraph goes into the PDF (downloaded, and printed through a new tab
 * in web mode); in Kazakh, then the Russian letter with the interface in Russian.
 */
describe('answer details and the answer letter in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let appealId: number
  const errors: string[] = []
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  const typedToday = `${pad(now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear()}`
  const EDITED = 'Жөндеу жұмыстарының кестесі ауыл әкімдігінің ақпарат тақтасында ілулі тұр.'

  beforeAll(async () => {
    app = await startWebApp()
    await callApi(app, 'office.update', {
      nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
      nameRu: 'Аппарат акима Карабасского сельского округа',
      addressKk: 'Қарабас ауылы, Бейбітшілік көшесі, 1',
      addressRu: 'село Карабас, улица Бейбитшилик, 1',
      headName: 'Сейітов Арман Бекұлы',
      headPosition: 'Округ әкімі',
      headPositionRu: 'Аким округа',
    })
    const sectors = await callApi<{ id: number; code: string }[]>(app, 'sectors.list', {})
    const created = await callApi<{ id: number }>(app, 'appeals.create', {
      receivedAt: `${today}T00:05`,
      channel: 'reception',
      appealType: 'application',
      sectorId: sectors.find((s) => s.code === 'housing')!.id,
      applicant: {
        kind: 'individual',
        surname: 'Құрманғалиев',
        firstName: 'Ұлан',
        patronymic: 'Өмірзақұлы',
        address: 'Қарабас ауылы, Абай көшесі, 12',
      },
      summary: 'Ауыз су құбырын жөндеу туралы',
    })
    appealId = created.id
    await callApi(app, 'appeals.transition', { id: appealId, to: 'in_progress' })
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

  async function openCard(): Promise<void> {
    await page.evaluate((id) => {
      window.location.hash = `#/appeals/${id}`
    }, appealId)
    await page.getByTestId('appeal-details').waitFor()
  }

  /** The letter as the PDF button downloads it: its name and text. */
  async function downloadLetter(name: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.ant-modal .ant-btn-primary').click(),
    ])
    const file = join(SCREENSHOTS, `${name}.pdf`)
    await download.saveAs(file)
    const bytes = readFileSync(file)
    await writeFirstPage(bytes, join(SCREENSHOTS, `${name}-pdf.png`), 100)
    return { fileName: download.suggestedFilename(), text: (await pdfText(bytes)).replace(/\s+/g, ' ') }
  }

  it('answers with the outgoing number, date, signatory and delivery from the keyboard', async () => {
    await openCard()
    await page.getByRole('button', { name: 'Жауап беру', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.locator('#outcome').waitFor()
    // the outcome select has the focus
    await page.keyboard.type('Бас тарт')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('#answerText').focus()
    await page.keyboard.type('Құбыр аудандық бюджеттің 2027 жылғы жоспарына енгізілген.')
    await page.locator('#outgoingNumber').focus()
    await page.keyboard.type('01-12/345')
    await page.locator('#outgoingOn').focus()
    await page.keyboard.type(typedToday)
    await page.keyboard.press('Enter')
    await page.locator('#signatoryName').focus()
    await page.keyboard.type('Аудан әкімінің орынбасары Б. Нұрланов')
    await page.locator('#delivery').focus()
    await page.keyboard.type('Пошта')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor()
    await page.keyboard.press('Enter')
    await screenshot(page, 'kk-answer-details-dialog')
    await page.keyboard.press('Control+Enter')
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' })

    const details = page.getByTestId('appeal-details')
    await expect.poll(() => details.innerText()).toContain('01-12/345')
    const text = await details.innerText()
    expect(text).toContain('Пошта арқылы')
    expect(text).toContain('Аудан әкімінің орынбасары Б. Нұрланов')
    expect(text).toContain(typedToday)
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('Жауаптың шығыс нөмірі')
    await screenshot(page, 'kk-answer-details-card')
  })

  it('opens the Kazakh letter draft, takes an edited paragraph into the PDF and prints it in a new tab', async () => {
    await page.getByTestId('answer-letter').click()
    const reasons = page.locator('#reasons')
    await reasons.waitFor()
    expect(await page.locator('#decision').inputValue()).toContain('қанағаттандырудан бас тартылды')
    expect(await page.locator('#appealRoute').inputValue()).toContain('Әкімшілік рәсімдік-процестік кодексінде')
    await reasons.focus()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type(EDITED)
    await screenshot(page, 'kk-answer-letter-draft')

    const { fileName, text } = await downloadLetter('kk-answer-letter')
    expect(fileName).toBe('жауап-01-12_345.pdf')
    for (const part of [
      'Қарабас ауылдық округі әкімінің аппараты',
      'Шығыс № 01-12/345',
      'Құрманғалиев Ұлан Өмірзақұлы',
      'Қарабас ауылы, Абай көшесі, 12',
      EDITED,
      'Аудан әкімінің орынбасары Б. Нұрланов',
    ])
      expect(text).toContain(part)

    // web mode's print: the PDF opens in a new tab for the browser's own print
    // A browser with a PDF viewer shows the blob in the tab; this headless Chromium has none and
    // hands the tab's PDF over as a download instead: either way the tab holds the edited letter.
    // The download is listened for inside the tab's own 'page' event: Playwright hands events
    // over as they come, and one that comes before the click's reply (a slow, loaded machine)
    // would be missed by a listener added after the click resolves.
    const tabAndDownload = new Promise<[Page, Download | null]>((resolve) =>
      page.context().once('page', (tab) => {
        void tab.waitForEvent('download', { timeout: 15_000 }).then(
          (download) => resolve([tab, download]),
          () => resolve([tab, null]),
        )
      }),
    )
    await page.getByTestId('letter-print').click()
    const [tab, download] = await tabAndDownload
    const printed = download
      ? readFileSync((await download.path())!)
      : new Uint8Array(
          await page.evaluate(
            async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())),
            tab.url(),
          ),
        )
    expect((await pdfText(new Uint8Array(printed))).replace(/\s+/g, ' ')).toContain(EDITED)
    await tab.close()
    await page.keyboard.press('Escape')
    const question = page.locator('.unsaved-confirm')
    await question.locator('.ant-btn-dangerous').click()
    await page.locator('.ant-modal-wrap:visible').first().waitFor({ state: 'detached' })
    // the card read again shows both steps in the history
    await page.reload()
    await page.getByTestId('history').waitFor()
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('Жауап хаты (kk)')
  })

  it('in Russian: the interface and the letter', async () => {
    await page.getByTestId('language-switch').getByText('Русский', { exact: true }).click()
    await openCard()
    await expect.poll(() => page.getByTestId('appeal-details').innerText()).toContain('Почтой')
    await screenshot(page, 'ru-answer-details-card')
    await page.getByTestId('answer-letter').click()
    await page.locator('#reasons').waitFor()
    expect(await page.locator('#decision').inputValue()).toContain('в его удовлетворении отказано')
    await screenshot(page, 'ru-answer-letter-draft')
    const { fileName, text } = await downloadLetter('ru-answer-letter')
    expect(fileName).toBe('otvet-01-12_345.pdf')
    expect(text).toContain('Аппарат акима Карабасского сельского округа')
    expect(text).toContain('Исх. № 01-12/345')
    expect(text).toContain('вышестоящий административный орган')
    expect(errors).toEqual([])
  })
})
