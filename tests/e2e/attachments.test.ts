import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ApiMethod } from '@shared/api/methods'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import { pdfFile, pngFile } from '../helpers/attachmentFiles'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  signInByApi,
  startWebApp,
  toasts,
  toastsGone,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Attachments on the appeal card, in Chromium, as a clerk: a PNG chosen with the picker is
 * listed and previewed, a PDF dropped on the zone is attached too, the file is served with its
 * own type and `inline` (never to a page without a session or to a role that may not see it),
 * and a deletion shows in the card's history.
 */
describe('attachments on the appeal card, in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let appealId = 0
  let pressSession = ''
  const errors: string[] = []
  const card = () => page.getByTestId('attachments')

  const api = <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
    callApi<ApiOutput<M>>(app, method, input)
  const get = (path: string, session: string | null) =>
    fetch(`${app.origin}${path}`, { headers: session ? { Authorization: `Bearer ${session}` } : {} })

  beforeAll(async () => {
    app = await startWebApp()
    const clerk = await api('staff.create', { fullName: 'Сейітова Ғалия Болатқызы', position: 'Бас маман' })
    const sectors = await api('sectors.list', {})
    await api('users.create', {
      username: 'press',
      fullName: 'Омарова Дана Серікқызы',
      role: 'press',
      staffId: null,
      password: 'press-password',
    })
    pressSession = await signInByApi(app, 'press', 'press-password')
    await actAs(app, { fullName: 'Сейітова Ғалия Болатқызы', staffId: clerk.id, role: 'clerk' })
    const appeal = await api('appeals.create', {
      receivedAt: `${localNow(new Date(Date.now() - 86_400_000)).date}T09:00`,
      channel: 'reception',
      appealType: 'application',
      sectorId: sectors.find((s) => s.code === 'housing')!.id,
      applicant: {
        kind: 'individual',
        surname: 'Жұмабеков',
        firstName: 'Серік',
        address: 'Ақсу ауылы, Абай көшесі, 12',
      },
      summary: 'Абай көшесінде шамдар жанбайды',
    })
    appealId = appeal.id

    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await page.setViewportSize({ width: 1366, height: 900 })
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByRole('menuitem', { name: 'Өтініштер' }).waitFor()
    await page.goto(`${app.origin}/#/appeals/${appealId}`)
    await card().waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('attaches a PNG chosen with the picker and previews it', async () => {
    await expect(card().innerText()).resolves.toContain('Тіркемелер жоқ')
    await card()
      .locator('input[type=file]')
      .setInputFiles({ name: 'хат-скан.png', mimeType: 'image/png', buffer: pngFile([20, 110, 190], 320, 200) })
    await expect.poll(() => toasts(page).allInnerTexts()).toContain('«хат-скан.png» тіркелді')
    await page.getByTestId('attachment').first().waitFor()
    await expect(card().innerText()).resolves.toContain('Сейітова Ғалия Болатқызы')

    await card().getByText('хат-скан.png').click()
    const preview = page.getByTestId('attachment-preview')
    await preview.waitFor()
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320)
    await screenshot(page, 'kk-attachment-preview')
    await page.keyboard.press('Escape')
    await preview.waitFor({ state: 'detached' })
  })

  it('attaches a PDF dropped on the zone', async () => {
    const bytes = pdfFile('Answer to the applicant').toString('base64')
    const dataTransfer = await page.evaluateHandle((b64) => {
      const transfer = new DataTransfer()
      const content = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))
      transfer.items.add(new File([content], 'жауап-хат.pdf', { type: 'application/pdf' }))
      return transfer
    }, bytes)
    const zone = card().locator('.ant-upload-btn')
    await zone.dispatchEvent('dragover', { dataTransfer })
    await zone.dispatchEvent('drop', { dataTransfer })
    await expect.poll(() => page.getByTestId('attachment').count()).toBe(2)
    await expect(card().innerText()).resolves.toContain('жауап-хат.pdf')
    await toastsGone(page)
    await screenshot(page, 'kk-attachments-card')
  })

  it('serves each file with its own type, inline, only to a session that may see it', async () => {
    const listed = await api('attachments.list', { ownerKind: 'appeal', ownerId: appealId })
    for (const attachment of listed) {
      const response = await get(`/api/attachment/${attachment.id}`, app.session)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(attachment.mediaType)
      expect(response.headers.get('content-disposition')).toMatch(/^inline; /)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(Buffer.from(await response.arrayBuffer()).length).toBe(attachment.sizeBytes)
      const saved = await get(`/api/attachment/${attachment.id}?download`, app.session)
      expect(saved.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      )
      expect(saved.headers.get('content-disposition')).toMatch(/^attachment; /)
    }
    const first = listed[0]!.id
    expect((await get(`/api/attachment/${first}`, null)).status).toBe(401)
    expect((await get(`/api/attachment/${first}`, pressSession)).status).toBe(403)
    expect((await get('/api/attachment/999999', app.session)).status).toBe(404)
  })

  it('deletes a file and shows the deletion in the history', async () => {
    const row = page.getByTestId('attachment').filter({ hasText: 'хат-скан.png' })
    await row.getByRole('button', { name: 'Жою' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Жою' }).click()
    await expect.poll(() => toasts(page).allInnerTexts()).toContain('«хат-скан.png» жойылды')
    await expect.poll(() => page.getByTestId('attachment').count()).toBe(1)
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('Файл жойылды')
    const text = await history.innerText()
    expect(text).toContain('Файл тіркелді')
    expect(text).toContain('Файл ашылды')
    expect(text).toContain('хат-скан.png')
    await toastsGone(page)
    await history.scrollIntoViewIfNeeded()
    await screenshot(page, 'kk-attachment-deleted-history')
    expect(errors).toEqual([])
  })
})
