import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  actAs,
  callApi,
  launchChromium,
  newWatchedPage,
  openedDialog,
  screenshot,
  startWebApp,
  toastsGone,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Encrypted copies in the browser: the administrator sets the office passphrase in Settings →
 * Data safety, backs up to another folder (the copy is encrypted), adds an appeal, and
 * restores the copy through the dialog's passphrase field: a wrong passphrase is refused in
 * words, the right one opens it and the later appeal is gone.
 */
describe('an encrypted backup restored in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const usb = mkdtempSync(join(tmpdir(), 'akimat-e2e-usb-'))
  const PASSPHRASE = 'Қарқаралы көктемі 2026'

  const api = <T>(method: string, input: unknown = {}): Promise<T> => callApi<T>(app, method, input)
  const register = (summary: string) =>
    api<{ regNumber: string }>('appeals.create', {
      receivedAt: '2026-11-20T10:00',
      channel: 'reception',
      appealType: 'application',
      sectorId: 2,
      applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Қайрат' },
      summary,
    })
  const numbers = async () =>
    (await api<{ rows: { regNumber: string }[] }>('appeals.list', { limit: 100 })).rows.map((r) => r.regNumber).sort()

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors, { width: 1366, height: 900 })
    const staff = await api<{ id: number }>('staff.create', { fullName: 'Сәрсенбаева Айгүл', position: 'Бас маман' })
    await actAs(app, { fullName: 'Сәрсенбаева Айгүл', staffId: staff.id })
    await usePageSession(page, app)
    await register('Су құбыры')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    rmSync(usb, { recursive: true, force: true })
  })

  it('sets the passphrase, backs up encrypted, and restores with the passphrase typed in the dialog', async () => {
    const before = await numbers()
    await page.goto(app.url)
    await page.goto(`${app.origin}/#/settings/data`)

    const panel = page.getByTestId('passphrase-panel')
    await panel.waitFor()
    await expect.poll(() => panel.getByTestId('passphrase-state').innerText()).toContain('Орнатылмаған')
    await panel.getByTestId('passphrase-new').fill(PASSPHRASE)
    await panel.getByTestId('passphrase-repeat').fill(PASSPHRASE)
    await panel.getByTestId('passphrase-save').click()
    await page.getByText('Кеңсе құпия сөзі сақталды').waitFor()
    await expect.poll(() => panel.getByTestId('passphrase-state').innerText()).toContain('Орнатылған')
    expect(await api<{ set: boolean }>('backup.passphrase')).toMatchObject({ set: true })

    // "Back up now" to another folder (web mode: the administrator types it) asks for the passphrase
    const backups = page.getByTestId('backup-panel')
    await backups.getByRole('textbox', { name: 'Қайда сақтау' }).fill(usb)
    await backups.getByTestId('backup-passphrase').fill(PASSPHRASE)
    await toastsGone(page)
    await screenshot(page, 'kk-settings-data-passphrase')
    await backups.getByRole('button', { name: 'Қазір көшірме жасау' }).click()
    await page.getByText('Көшірме сақталды', { exact: false }).waitFor()
    const [copy] = readdirSync(usb)
    expect(copy).toMatch(/^akimat-manual-.*\.sqlite\.enc$/)

    const later = await register('Көше жарығы')
    expect(await numbers()).toEqual([...before, later.regNumber].sort())

    await backups.getByRole('textbox', { name: 'Көшірме файлының жолы' }).fill(join(usb, copy!))
    await backups.getByRole('button', { name: 'Тексеру' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByTestId('restore-encrypted').waitFor()
    await dialog.getByTestId('restore-passphrase').fill('қате құпия сөз')
    await dialog.getByTestId('restore-open').click()
    await expect
      .poll(() => dialog.getByTestId('restore-error').innerText())
      .toContain('Құпия сөз бұл файлға сәйкес келмейді')
    await screenshot(page, 'kk-restore-encrypted-wrong')
    expect(await numbers()).toEqual([...before, later.regNumber].sort()) // nothing changed

    await dialog.getByTestId('restore-passphrase').fill(PASSPHRASE)
    await dialog.getByTestId('restore-open').click()
    await dialog.getByText('Өтініштер', { exact: true }).waitFor()
    await screenshot(page, 'kk-restore-encrypted-opened')
    const reloaded = page.waitForEvent('load')
    await dialog.getByRole('button', { name: 'Қалпына келтіру' }).click()
    await page.getByText('Қалпына келтірілді', { exact: false }).waitFor()
    await expect.poll(numbers).toEqual(before)
    await reloaded
    expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([])
  })
})
