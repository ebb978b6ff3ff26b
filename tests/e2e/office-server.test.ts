import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, screenshot } from './harness'
import {
  callServer,
  freePort,
  SERVER_SETUP,
  startBuiltServer,
  type RunningServer,
  setUpServerOffice,
} from '../helpers/officeServer'

/**
 * The office server in Chromium: a desk opens https://…, accepts the self-signed certificate
 * (as a person does after comparing its fingerprint), signs in with no token in the address,
 * and works with the appeal list; Settings shows the administrator the fingerprint.
 */
let browser: Browser
let server: RunningServer
let folder: string

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'akimat-e2e-server-'))
  // Run as root, the embedded PostgreSQL runs as the postgres user, who must enter the folder.
  chmodSync(folder, 0o755)
  server = await startBuiltServer(
    ['--embedded-postgres', '--data', join(folder, 'office'), '--pg-port', String(await freePort())],
    join(folder, 'history-key'),
    120_000,
  )
  await setUpServerOffice(server.origin)
  const login = await callServer<{ session: string }>(server.origin, 'auth.login', {
    username: SERVER_SETUP.admin.username,
    password: SERVER_SETUP.admin.password,
  })
  expect((await callServer(server.origin, 'sample.load', {}, login.data!.session)).ok).toBe(true)
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('a desk on the office server', () => {
  it('signs in over HTTPS, opens the appeal list, and finds the fingerprint in Settings', async () => {
    const errors: string[] = []
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 860 } })
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text())
    })
    await page.goto(`${server.origin}/`)
    const form = page.getByTestId('sign-in-form')
    await form.waitFor()
    await form.getByLabel('Логин').fill(SERVER_SETUP.admin.username)
    await form.getByLabel('Құпиясөз').fill(SERVER_SETUP.admin.password)
    await screenshot(page, 'kk-office-server-sign-in')
    await form.getByRole('button', { name: 'Кіру' }).click()
    await page.getByTestId('user-menu').waitFor()
    // The session is an HttpOnly, Secure cookie: nothing of it reaches the page's scripts.
    await expect(page.evaluate(() => document.cookie)).resolves.toBe('')
    const [cookie] = await context.cookies(`${server.origin}/api/`)
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/' })

    await page.goto(`${server.origin}/#/appeals`)
    const rows = page.locator('[data-testid="appeals-table"] .ant-table-row')
    await expect.poll(() => rows.count()).toBeGreaterThan(5)
    await screenshot(page, 'kk-office-server-appeals')

    await page.goto(`${server.origin}/#/settings/about`)
    const fingerprint = page.getByTestId('server-fingerprint')
    await fingerprint.waitFor()
    expect(await fingerprint.innerText()).toContain(server.printedFingerprint)
    await page.getByText('Кеңсе сервері (HTTPS)').waitFor()
    await screenshot(page, 'kk-office-server-settings')
    expect(errors).toEqual([])
    await context.close()
  })

  // Last: it leaves 127.0.0.1 refused for ten minutes.
  it('tells a desk in its language that too many sign-ins failed from it', async () => {
    // Wrong passwords until the server refuses this address (20 within ten minutes).
    let status = 0
    for (let i = 0; i < 30 && status !== 429; i++) {
      status = (await callServer(server.origin, 'auth.login', { username: `guess${i}`, password: 'wrong-password' }))
        .status
    }
    expect(status).toBe(429)
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 860 } })
    const page = await context.newPage()
    await page.goto(`${server.origin}/`)
    const form = page.getByTestId('sign-in-form')
    await form.getByLabel('Логин').fill(SERVER_SETUP.admin.username)
    await form.getByLabel('Құпиясөз').fill(SERVER_SETUP.admin.password)
    await form.getByRole('button', { name: 'Кіру' }).click()
    await form
      .getByText('Осы компьютерден кіру әрекеттері тым көп рет сәтсіз болды — 10 минуттан кейін қайталаңыз')
      .waitFor()
    await screenshot(page, 'kk-office-server-too-many-sign-ins')
    await context.close()
  })
})
