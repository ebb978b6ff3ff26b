import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, screenshot, startWebApp, type WebApp } from './harness'
import {
  freePort,
  SERVER_SETUP,
  startBuiltServer,
  type RunningServer,
  setUpServerOffice,
} from '../helpers/officeServer'

/**
 * The desktop app's first start and its life as a desk of the office server, in Chromium. The
 * Electron window cannot run here, so web mode is started as the desktop app starts
 * (`web --desk DIR`): the same desk logic (desk/deskDoor.ts: the choice kept in desk.json, the
 * remote core pinned to the certificate) behind the page, its calls going over HTTPS to a real
 * office server on the embedded PostgreSQL. Only the transport between page and desk differs
 * (HTTP to 127.0.0.1 instead of the preload's IPC channels).
 */
let browser: Browser
let server: RunningServer
let folder: string
let port: number
const apps: WebApp[] = []

const startServer = () =>
  startBuiltServer(
    ['--embedded-postgres', '--data', join(folder, 'office'), '--pg-port', String(pgPort), '--port', String(port)],
    join(folder, 'history-key'),
    120_000,
  )
let pgPort: number

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'akimat-e2e-desk-'))
  // Run as root, the embedded PostgreSQL runs as the postgres user, who must enter the folder.
  chmodSync(folder, 0o755)
  port = await freePort()
  pgPort = await freePort()
  server = await startServer()
  await setUpServerOffice(server.origin)
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  for (const app of apps) await app.stop()
  await server?.stop()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

async function newDesk(): Promise<{ app: WebApp; page: Page }> {
  const app = await startWebApp(undefined, { setup: false, desk: true })
  apps.push(app)
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  await page.goto(app.url)
  return { app, page }
}

const started = Date.now()
/** Where a slow run spends its time, in the test's output. */
const step = (name: string) => console.log(`desk e2e: ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s`)

/** Every file under a folder, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

describe('the desk', () => {
  it('connects to the office server after the fingerprint is compared, and says so while the server is down', async () => {
    const { app, page } = await newDesk()
    const choice = page.getByTestId('desk-choice')
    await choice.waitFor()
    await page.getByText('Бұл компьютер қалай жұмыс істейді?').waitFor()
    await screenshot(page, 'kk-desk-first-start')

    // A typo first: plain HTTP is refused under the field.
    await choice.getByLabel('Сервердің мекенжайы').fill(`http://127.0.0.1:${port}`)
    await page.getByTestId('desk-look').click()
    await page.getByText('Кеңсе сервері тек https:// арқылы жұмыс істейді').waitFor()

    await choice.getByLabel('Сервердің мекенжайы').fill(`127.0.0.1:${port}`)
    await page.getByTestId('desk-look').click()
    const fingerprint = page.getByTestId('desk-fingerprint')
    await fingerprint.waitFor()
    expect((await fingerprint.innerText()).replace(/\s+/g, ':')).toBe(server.printedFingerprint)
    await page.getByText(`https://127.0.0.1:${port}`).first().waitFor()
    await screenshot(page, 'kk-desk-fingerprint')
    // Nothing is kept before the clerk confirms.
    expect(existsSync(join(app.dataDir, 'desk.json'))).toBe(false)

    step('trust')
    await page.getByTestId('desk-trust').click()
    const form = page.getByTestId('sign-in-form')
    await form.waitFor()
    expect(JSON.parse(readFileSync(join(app.dataDir, 'desk.json'), 'utf8'))).toMatchObject({
      mode: 'server',
      address: `https://127.0.0.1:${port}`,
      fingerprint256: server.printedFingerprint,
    })
    await form.getByLabel('Логин').fill(SERVER_SETUP.admin.username)
    await form.getByLabel('Құпиясөз').fill(SERVER_SETUP.admin.password)
    await form.getByRole('button', { name: 'Кіру' }).click()
    await page.getByTestId('user-menu').waitFor()
    // The account is the server's: the desk made no database of its own.
    await page.getByText(SERVER_SETUP.admin.fullName).first().waitFor()
    await screenshot(page, 'kk-desk-signed-in')
    step('signed in')

    await server.stop()
    step('server stopped')
    await page.goto(`${app.url.split('#')[0]}#/appeals`)
    const banner = page.getByTestId('server-connection')
    await banner.waitFor()
    expect(await banner.innerText()).toContain(`https://127.0.0.1:${port}`)
    expect(await banner.innerText()).toContain('жауап бермейді')
    await screenshot(page, 'kk-desk-server-down')

    server = await startServer()
    step('server started again')
    expect(server.printedFingerprint).toBe(
      JSON.parse(readFileSync(join(app.dataDir, 'desk.json'), 'utf8')).fingerprint256,
    )
    // The banner's retries find the server back; its restart ended every session.
    await expect.poll(() => banner.count(), { timeout: 60_000 }).toBe(0)
    await page.getByTestId('sign-in-form').waitFor({ timeout: 30_000 })
    await screenshot(page, 'kk-desk-server-back')
    step('server back')
    expect(filesUnder(app.dataDir).filter((file) => !file.startsWith('history-key'))).toEqual(['desk.json'])

    // The server comes back with a new certificate (its tls folder deleted): the desk refuses it
    // and says so, and trusts nothing by itself.
    await server.stop()
    rmSync(join(folder, 'office', 'tls'), { recursive: true, force: true })
    server = await startServer()
    step('server started with a new certificate')
    expect(server.printedFingerprint).not.toBe(
      JSON.parse(readFileSync(join(app.dataDir, 'desk.json'), 'utf8')).fingerprint256,
    )
    await form.getByLabel('Логин').fill(SERVER_SETUP.admin.username)
    await form.getByLabel('Құпиясөз').fill(SERVER_SETUP.admin.password)
    await form.getByRole('button', { name: 'Кіру' }).click()
    await banner.waitFor()
    expect(await banner.innerText()).toContain('Кеңсе серверінің сертификаты өзгерді')
    expect(await banner.innerText()).toContain('ештеңе жіберілмеді')
    await screenshot(page, 'kk-desk-certificate-changed')
    expect(JSON.parse(readFileSync(join(app.dataDir, 'desk.json'), 'utf8')).fingerprint256).not.toBe(
      server.printedFingerprint,
    )
  }, 300_000)

  it('this PC alone makes its own database and asks for its first administrator', async () => {
    const { app, page } = await newDesk()
    await page.getByTestId('desk-choice').waitFor()
    await page.getByText('Русский').click()
    await page.getByText('Как будет работать этот компьютер?').waitFor()
    await page.getByTestId('desk-way-local').click()
    await page.getByText('Данные хранятся на этом компьютере. Для офиса, где работает один человек.').waitFor()
    await screenshot(page, 'ru-desk-first-start-local')
    await page.getByTestId('desk-local').click()
    await page.getByTestId('setup-form').waitFor()
    expect(JSON.parse(readFileSync(join(app.dataDir, 'desk.json'), 'utf8'))).toMatchObject({ mode: 'local' })
    expect(existsSync(join(app.dataDir, 'data', 'akimat.sqlite'))).toBe(true)
  })
})
