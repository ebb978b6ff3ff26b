import { spawn, type ChildProcess } from 'node:child_process'
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
  stop(): Promise<void>
}

/** Starts the built web mode (`node out/main/web.js`) on a free port with its own data folder. */
export async function startWebApp(dataDir = mkdtempSync(join(tmpdir(), 'akimat-e2e-'))): Promise<WebApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'out/main/web.js'), '--data', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // the history key in the test's own folder, not this computer's user profile
      env: { ...process.env, AKIMAT_KEY_DIR: join(dataDir, 'history-key') },
    },
  )
  let output = ''
  // Everything the server says goes to a log beside the screenshots, to read when a test fails.
  mkdirSync(SCREENSHOTS, { recursive: true })
  const log = createWriteStream(join(SCREENSHOTS, `web-${basename(dataDir)}.log`))
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 20_000)
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
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A call to the running app's API as the browser page makes it (the token in a header), for
 * setting data up and checking it; throws when the call fails.
 */
export async function callApi<T = unknown>(
  app: Pick<WebApp, 'origin' | 'token'>,
  method: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Akimat-Token': app.token },
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
