import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

export { launchChromium } from './browser'

export const ROOT = resolve(__dirname, '../..')
export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e')

export interface WebApp {
  url: string
  origin: string
  token: string
  dataDir: string
  /** The server's process id (to read its memory in /proc). */
  pid: number
  /**
   * The session that callApi sends and usePageSession gives the page: the administrator's,
   * signed in at start, until actAs() signs in someone else. Empty when started without setup.
   */
  session: string
  stop(): Promise<void>
  /** Kills the process with SIGKILL (a power cut, as far as the data knows), keeping the data folder. */
  kill(): Promise<void>
}

/** The administrator every started app has (created through the CLI, as an office's IT person might). */
export const E2E_ADMIN = { username: 'admin', fullName: 'Әкімші Тестов', password: 'e2e-admin-password' }

/** Adds an account straight into a data folder with the built CLI (`users add … --password-stdin`). */
export function addAccountWithCli(
  dataDir: string,
  account: { username: string; fullName: string; password: string; role: string },
  db?: string,
): void {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'out/main/cli.js'),
      'users',
      'add',
      '--username',
      account.username,
      '--role',
      account.role,
      '--full-name',
      account.fullName,
      '--password-stdin',
      ...(db ? ['--db', db] : ['--data', dataDir]),
    ],
    {
      input: `${account.password}\n`,
      encoding: 'utf8',
      timeout: 60_000,
      // the same history key as the app started on this folder (startWebApp), never this computer's profile
      env: { ...process.env, AKIMAT_KEY_DIR: join(dataDir, 'history-key') },
    },
  )
  if (result.status !== 0) throw new Error(`cli users add failed (${result.status}): ${result.stderr}`)
}

/**
 * Starts the built web mode (`node out/main/web.js`) on a free port with its own data folder.
 * By default the folder gets an administrator first (E2E_ADMIN, through the CLI) and the app's
 * `session` is theirs, so a test can set data up through the API and open a signed-in page;
 * `{ setup: false }` leaves the folder empty (the first-run screen); `{ adminExists: true }`
 * starts again on a folder that has its administrator already, and signs them in. `{ db }`
 * serves a PostgreSQL database (`--db`) instead of the folder's SQLite file; the folder still
 * holds the history key and the log.
 */
export async function startWebApp(
  dataDir = mkdtempSync(join(tmpdir(), 'akimat-e2e-')),
  {
    setup = true,
    adminExists = false,
    db,
    desk = false,
  }: {
    setup?: boolean
    adminExists?: boolean
    db?: string
    /** Started as the desktop app is (`--desk`): dataDir is its user data folder, nothing chosen yet. */
    desk?: boolean
  } = {},
): Promise<WebApp> {
  if (setup && !adminExists) addAccountWithCli(dataDir, { ...E2E_ADMIN, role: 'administrator' }, db)
  const where = desk ? ['--desk', dataDir] : db ? ['--db', db] : ['--data', dataDir]
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), ...where, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // the history key in the test's own folder, not this computer's user profile
    env: { ...process.env, AKIMAT_KEY_DIR: join(dataDir, 'history-key') },
  })
  let output = ''
  // Everything the server says goes to a log beside the screenshots, to read when a test fails.
  mkdirSync(SCREENSHOTS, { recursive: true })
  const log = createWriteStream(join(SCREENSHOTS, `web-${basename(dataDir)}.log`))
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  const url = await new Promise<string>((resolveUrl, reject) => {
    // A hang, not a slow start: on two cores shared with another run, a cold start (loading the
    // core, opening and migrating the database) has taken over 20 s.
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)))
  })
  const parsed = new URL(url)
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill(signal)
    await exited
  }
  const app: WebApp = {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    pid: child.pid!,
    session: '',
    stop: async () => {
      await end('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
    kill: () => end('SIGKILL'),
  }
  if (setup) app.session = await signInByApi(app, E2E_ADMIN.username, E2E_ADMIN.password)
  return app
}

/** Signs in through the API as a programmatic client does; returns the session (a Bearer token). */
export async function signInByApi(app: Pick<WebApp, 'origin' | 'token'>, username: string, password: string) {
  return (await callApi<{ session: string }>({ ...app, session: '' }, 'auth.login', { username, password })).session
}

/**
 * From now on the app's calls (callApi, and pages given the session after this) are made by a
 * new account of the staff member `staffId`: the operator of what the test writes. The role is
 * administrator unless given, so the test may still do everything it did before sign-in.
 */
export async function actAs(
  app: WebApp,
  person: { fullName: string; staffId: number | null; role?: string; username?: string },
): Promise<{ username: string; password: string }> {
  const username = person.username ?? `user${person.staffId ?? Date.now()}`
  const password = `${username}-password`
  await callApi(app, 'users.create', {
    username,
    fullName: person.fullName,
    role: person.role ?? 'administrator',
    staffId: person.staffId,
    password,
  })
  app.session = await signInByApi(app, username, password)
  return { username, password }
}

/**
 * Gives a page the app's current session, the way the page's own sign-in keeps it: the
 * HttpOnly cookie of that port. Call before the page's first goto (or reload after).
 */
export async function usePageSession(page: Page, app: Pick<WebApp, 'origin' | 'session'>): Promise<void> {
  const port = new URL(app.origin).port
  await page.context().addCookies([
    {
      name: `akimat_session_${port}`,
      value: app.session,
      url: `${app.origin}/api/`,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ])
}

/**
 * A call to the running app's API with the page's token and the app's session (a Bearer
 * token, as scripts send it), for setting data up and checking it; throws when the call fails.
 */
export async function callApi<T = unknown>(
  app: Pick<WebApp, 'origin' | 'token' | 'session'>,
  method: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Akimat-Token': app.token,
      ...(app.session ? { Authorization: `Bearer ${app.session}` } : {}),
    },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as { ok: boolean; data?: T; error?: unknown }
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.data as T
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/**
 * A page at an office screen's size whose script errors and console errors are collected into
 * `errors`, so a test can assert the page logged none.
 */
export async function newWatchedPage(
  browser: Browser,
  errors: string[],
  viewport = { width: 1366, height: 860 },
): Promise<Page> {
  const page = await browser.newPage({ viewport })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  return page
}

/** The page's toasts (antd messages), those still fading out included. */
export const toasts = (page: Page): Locator => page.locator('.ant-message-notice')

/**
 * Waits until no toast is left, fade-out included: before a screenshot, and before an action
 * whose own toast a test then waits for, so an earlier toast with the same words (antd keeps
 * each about three seconds, longer on a busy machine) is not taken for it.
 */
export async function toastsGone(page: Page): Promise<void> {
  await expect.poll(() => toasts(page).count()).toBe(0)
}

/**
 * Waits until nothing on the page is moving: every CSS animation and transition that ends has
 * ended (a spinner's endless one is left out). A click aimed at a button still zooming into
 * place, or moving up as an error message above it folds away, can land beside it on a loaded
 * machine, where two animation frames in a row may show it at the same place mid-way.
 */
export async function motionDone(page: Page): Promise<void> {
  // First the motion about to begin: for a frame or two after it appears, a zooming dialog
  // stands full size under the classes of its first steps (…-appear-prepare, …-start) with no
  // animation running yet, so there is nothing in getAnimations() to wait for.
  await page.waitForFunction(
    () =>
      document.querySelector(
        '[class*="-appear-prepare"], [class*="-appear-start"], [class*="-enter-prepare"], [class*="-enter-start"]',
      ) === null,
  )
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
}

/** The dialog a click has just opened, once it has finished zooming in (see motionDone). */
export async function openedDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  await motionDone(page)
  return dialog
}

/**
 * Picks an option of the select dropdown just opened, once it has finished sliding in, and
 * waits for it to close: an option clicked mid-way was missed on a loaded machine, and the
 * dropdown left open then covered the dialog's buttons.
 */
export async function pickOption(page: Page, text: string, options: { exact?: boolean } = {}): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible')
  await dropdown.waitFor()
  await motionDone(page)
  await dropdown.getByText(text, options).click()
  await dropdown.waitFor({ state: 'hidden' })
}

/**
 * Closes a dialog that holds typed work without saving it: its Cancel button, then the
 * question every form asks first ("close without saving"), waiting until both are gone.
 */
export async function discardDialog(page: Page, cancel: Locator): Promise<void> {
  await cancel.click()
  const question = page.locator('.unsaved-confirm')
  await question.waitFor()
  await motionDone(page)
  await question.locator('.ant-btn-dangerous').click()
  await question.waitFor({ state: 'detached' })
  await page.locator('.ant-modal-wrap:visible').first().waitFor({ state: 'detached' })
}
