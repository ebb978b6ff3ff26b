import { Client } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startTestPostgres } from '../helpers/testPostgres'
import { callApi, launchChromium, screenshot, signInByApi, startWebApp, usePageSession, type WebApp } from './harness'

/** This computer's local date and time now, as the API takes it ('YYYY-MM-DDTHH:MM'). */
function localNow(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`
}

const DESK_A = { username: 'asel', fullName: 'Әлімова Әсел Қайратқызы', password: 'asel-desk-password' }
const DESK_B = { username: 'berik', fullName: 'Бекенов Берік Серікұлы', password: 'berik-desk-password' }

/**
 * Two clerks on one office server (web mode on PostgreSQL), each in a browser context of their
 * own: what A registers appears in B's open register within 2 s without a reload, and when
 * both edit one appeal, B saves first and A's save made on the older version is refused with
 * a message naming B; B's text stays.
 */
describe('two desks on one PostgreSQL database', () => {
  let stopPostgres: () => Promise<void>
  let app: WebApp
  let browser: Browser
  const contexts: BrowserContext[] = []
  let sessionA = ''
  let sessionB = ''
  let sectorId = 0

  beforeAll(async () => {
    const postgres = await startTestPostgres()
    stopPostgres = postgres.stop
    const admin = postgres.admin
    const client = new Client({ connectionString: admin })
    await client.connect()
    await client.query('CREATE DATABASE two_desks')
    await client.end()
    const db = new URL(admin)
    db.pathname = '/two_desks'
    app = await startWebApp(undefined, { db: db.toString() })
    for (const desk of [DESK_A, DESK_B]) await callApi(app, 'users.create', { ...desk, role: 'clerk', staffId: null })
    sessionA = await signInByApi(app, DESK_A.username, DESK_A.password)
    sessionB = await signInByApi(app, DESK_B.username, DESK_B.password)
    sectorId = (await callApi<{ id: number; code: string }[]>(app, 'sectors.list', {})).find(
      (s) => s.code === 'housing',
    )!.id
    browser = await launchChromium()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await app?.stop()
    await stopPostgres?.()
  })

  /** A desk's own browser context, signed in as that clerk, on `hash`. */
  async function openDesk(session: string, hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } })
    contexts.push(context)
    const page = await context.newPage()
    await usePageSession(page, { origin: app.origin, session })
    await page.goto(app.url)
    await page.evaluate((h) => (window.location.hash = h), hash)
    return page
  }

  const register = (session: string, summary: string) =>
    callApi<{ id: number; regNumber: string; version: number }>({ ...app, session }, 'appeals.create', {
      receivedAt: localNow(),
      channel: 'reception',
      appealType: 'application',
      sectorId,
      applicant: { kind: 'individual', surname: 'Сапарова', firstName: 'Гүлмира' },
      summary,
    })

  it("shows in B's open register, within 2 s and without a reload, the appeal A registers", async () => {
    await register(sessionA, 'Бірінші өтініш: көше шамы')
    const pageB = await openDesk(sessionB, '#/appeals')
    await pageB.getByText('Бірінші өтініш: көше шамы').waitFor()
    // the page is the same document throughout: a reload would clear this mark
    await pageB.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true))

    const registered = await register(sessionA, 'Екінші өтініш: су құбыры')
    const since = Date.now()
    await pageB.getByText(registered.regNumber).waitFor({ timeout: 2000 })
    const seenAfter = Date.now() - since
    expect(seenAfter).toBeLessThan(2000)
    expect(await pageB.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true)
    await expect.poll(() => pageB.getByTestId('appeals-count').innerText()).toContain('2')
    await screenshot(pageB, 'two-desks-list-refreshed')
  })

  it("refuses A's stale save naming B, keeps B's text, and reloads on request", async () => {
    const appeal = await register(sessionA, 'Үшінші өтініш: жол жөндеу')
    const pageA = await openDesk(sessionA, `#/appeals/${appeal.id}/edit`)
    const pageB = await openDesk(sessionB, `#/appeals/${appeal.id}/edit`)
    const summaryA = pageA.locator('#appeal_summary')
    const summaryB = pageB.locator('#appeal_summary')
    await summaryA.waitFor()
    await summaryB.waitFor()

    await summaryB.fill('Б түзетті: жол жөндеу, 5-көше')
    await pageB.getByRole('button', { name: 'Сақтау' }).click()
    await pageB.waitForURL(new RegExp(`#/appeals/${appeal.id}$`))

    await summaryA.fill('А түзетті: жол жөндеу, ескі нұсқа')
    await pageA.getByRole('button', { name: 'Сақтау' }).click()
    const alert = pageA.locator('.ant-alert-error')
    await alert.waitFor()
    const text = await alert.innerText()
    expect(text).toContain('басқа біреу өзгертті')
    expect(text).toContain(DESK_B.fullName)
    await screenshot(pageA, 'two-desks-stale-save-refused')

    const card = await callApi<{ summary: string; version: number }>({ ...app, session: sessionA }, 'appeals.get', {
      id: appeal.id,
    })
    expect(card).toMatchObject({ summary: 'Б түзетті: жол жөндеу, 5-көше', version: 2 })

    await alert.getByRole('button', { name: 'Қайта жүктеу' }).click()
    await expect.poll(() => summaryA.inputValue()).toBe('Б түзетті: жол жөндеу, 5-көше')
    await expect.poll(() => pageA.locator('.ant-alert-error').count()).toBe(0)
  })
})
