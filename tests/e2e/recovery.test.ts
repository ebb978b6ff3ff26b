import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  E2E_ADMIN,
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  signInByApi,
  startWebApp,
  toastsGone,
  type WebApp,
} from './harness'

/**
 * Web mode started on a data folder whose database is damaged: the page shows the recovery
 * screen (in Kazakh) with the backups folder's copies; restoring one brings the sign-in screen,
 * and the data is the backup's, the damaged file kept aside.
 */
describe('recovery mode in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  let dataDir: string
  let backupName: string
  const errors: string[] = []

  beforeAll(async () => {
    const first = await startWebApp()
    dataDir = first.dataDir
    const register = (summary: string) =>
      callApi(first, 'appeals.create', {
        receivedAt: '2026-11-20T10:00',
        channel: 'reception',
        appealType: 'application',
        sectorId: 2,
        applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Қайрат' },
        summary,
      })
    await register('Су құбыры')
    backupName = basename((await callApi<{ file: string }>(first, 'backup.create', { folder: null })).file)
    await register('Көшірмеде жоқ өтініш')
    // Cut off (no checkpoint), then the file's schema page overwritten: it no longer opens.
    await first.kill()
    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `akimat.sqlite${suffix}`), { force: true })
    const bytes = readFileSync(join(dataDir, 'akimat.sqlite'))
    bytes.fill(0x5a, 100, 4096)
    writeFileSync(join(dataDir, 'akimat.sqlite'), bytes)

    app = await startWebApp(dataDir, { setup: false })
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors, { width: 1366, height: 860 })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('shows the recovery page, restores the backup and leads to the sign-in screen with the data back', async () => {
    await page.goto(app.url)
    const recovery = page.getByTestId('recovery')
    await recovery.waitFor()
    await recovery.getByText('Дерекқор ашылмады').first().waitFor()
    expect(await page.getByTestId('recovery-file').textContent()).toContain(join(dataDir, 'akimat.sqlite'))
    const row = recovery.locator('.ant-table-tbody tr', { hasText: 'Қолмен' })
    await row.getByText('1 өтініш', { exact: false }).waitFor()
    await screenshot(page, 'kk-recovery')

    // Russian and English are offered: the user's language is in the file that did not open.
    await page.getByTestId('language-switch').getByText('Русский').click()
    await recovery.getByText('База данных не открылась').first().waitFor()
    await screenshot(page, 'ru-recovery')
    await page.getByTestId('language-switch').getByText('Қазақша').click()

    await page.getByTestId(`recovery-restore-${backupName}`).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Осы көшірмені ашу' }).click()
    await page.getByTestId('sign-in-form').waitFor()
    await page.getByText('Дерекқор ашылды', { exact: false }).waitFor()
    await screenshot(page, 'kk-recovery-restored-sign-in')
    await toastsGone(page)

    const session = await signInByApi(app, E2E_ADMIN.username, E2E_ADMIN.password)
    const list = await callApi<{ rows: { summary: string }[] }>({ ...app, session }, 'appeals.list', { limit: 100 })
    expect(list.rows.map((r) => r.summary)).toEqual(['Су құбыры'])
    // The damaged file kept aside, with the log files its failed opening left, under one name.
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('akimat.sqlite.damaged-'))
    const damaged = aside.filter((f) => f.endsWith('Z'))
    expect(damaged).toHaveLength(1)
    expect(aside.every((f) => f.startsWith(damaged[0]!))).toBe(true)
    expect(existsSync(join(dataDir, 'backups', backupName))).toBe(true)
    expect(errors).toEqual([])
  })
})
