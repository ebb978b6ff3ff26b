import { join } from 'node:path'
import Database from 'better-sqlite3'
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
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Data safety in the browser: back up → add an appeal → restore → the appeal is gone and
 * everything else is as before → undo the restore → it is back; then verify the history, and
 * verify it again after the newest entries are cut off the file behind the program's back.
 */
describe('backup and restore in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

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
    await register('Жол жөндеу')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('backs up, restores without the later appeal, and undoes the restore', async () => {
    const before = await numbers()
    const sectorsBefore = await api('sectors.list')

    await page.goto(app.url)
    await page.goto(`${app.origin}/#/settings/data`)
    const panel = page.getByTestId('backup-panel')
    await panel.waitFor()
    await panel.getByRole('button', { name: 'Қазір көшірме жасау' }).click()
    await page.getByText('Көшірме сақталды', { exact: false }).waitFor()

    const later = await register('Көше жарығы')
    expect(await numbers()).toEqual([...before, later.regNumber].sort())

    // The newest manual backup is the first row of the list.
    const manualRow = panel.locator('.ant-table-tbody tr', { hasText: 'Қолмен' }).first()
    await manualRow.getByRole('button', { name: 'Қалпына келтіру' }).click()
    const dialog = await openedDialog(page)
    await dialog.getByText('Көшірмеде не бар').waitFor()
    await screenshot(page, 'kk-restore-inspect')
    // After a restore or its undo the page reloads itself (800 ms on): the test waits for that
    // load, so it neither photographs nor clicks the page that is about to go.
    let reloaded = page.waitForEvent('load')
    await dialog.getByRole('button', { name: 'Қалпына келтіру' }).click()
    await page.getByText('Қалпына келтірілді', { exact: false }).waitFor()

    await expect.poll(numbers).toEqual(before)
    expect(await api('sectors.list')).toEqual(sectorsBefore)

    await reloaded
    await page.getByTestId('backup-panel').waitFor()
    await screenshot(page, 'kk-settings-data-after-restore')
    reloaded = page.waitForEvent('load')
    await page.getByTestId('backup-panel').getByRole('button', { name: 'Қалпына келтіруді болдырмау' }).click()
    await expect.poll(numbers).toEqual([...before, later.regNumber].sort())
    await reloaded
  })

  it('verifies the history', async () => {
    await page.goto(`${app.origin}/#/settings/data`)
    await page.reload() // the same address: a fresh page, not the one the undo left behind
    await page.getByRole('button', { name: 'Тарихты тексеру' }).click()
    await page.getByTestId('history-ok').waitFor()
    // a restore and its undo are the program's own: history whole, signed with the key from the start
    await expect(page.getByTestId('history-keyed').innerText()).resolves.toContain(
      'Барлық жазбаға кілтпен қол қойылған',
    )
    await screenshot(page, 'kk-settings-data')
  })

  it('reports the newest entries cut off the file while the program runs', async () => {
    const raw = new Database(join(app.dataDir, 'akimat.sqlite'))
    raw.exec('DROP TRIGGER audit_entries_no_delete')
    const last = raw.prepare('SELECT MAX(id) FROM audit_entries').pluck().get() as number
    raw.prepare('DELETE FROM audit_entries WHERE id >= ?').run(last - 1)
    raw.close()
    await page.getByRole('button', { name: 'Тарихты тексеру' }).click()
    const alert = page.getByTestId('history-head')
    await expect.poll(() => alert.innerText()).toContain(`тізбек басы №${last} дейді, дерекқор №${last - 2}`)
    await screenshot(page, 'kk-history-tail-removed')
    await page.getByTestId('language-switch').getByText('Русский', { exact: true }).click()
    await page.getByRole('button', { name: 'Проверить историю' }).click()
    await expect
      .poll(() => alert.innerText())
      .toContain(`голова цепочки указывает №${last}, база заканчивается записью №${last - 2}`)
    await screenshot(page, 'ru-history-tail-removed')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
