import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { chromium, type Browser, type LaunchOptions } from 'playwright-core'

const ROOT = resolve(__dirname, '../..')

/**
 * Where the browser tests' Chromium comes from, in the order it is looked for:
 * CHROMIUM_PATH; a Chromium or Chrome installed on the machine; on Windows and macOS the
 * installed Chrome or Edge (Playwright's channels); on Linux the Chromium packed inside the
 * `@sparticuz/chromium` devDependency, unpacked once per version and user.
 */
export type BrowserSource = { kind: 'path'; executablePath: string; from: string } | { kind: 'channels' }

/** Names a Linux distribution gives its Chromium or Chrome, on PATH. */
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
/** Where packages put them when PATH does not say. */
const LINUX_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
]
const CHANNELS = ['chrome', 'msedge']

/**
 * Fonts for the page, whatever browser: the system's own configuration plus the Roboto the
 * PDFs ship with, so Kazakh letters have a font on a machine that has none installed (the
 * packed Chromium brings only Open Sans).
 */
const FONTCONFIG_FILE = join(__dirname, 'fonts.conf')

/**
 * Flags for a headless run. Deliberately not @sparticuz/chromium's own list: that one turns
 * off web security and site isolation and runs in one process, and the tests check the web
 * mode's origin rules in a browser that enforces them.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function installedOnLinux(): string | undefined {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => LINUX_NAMES.map((name) => join(dir, name)))
  return [...onPath, ...LINUX_PLACES].find(executable)
}

/** The packed Chromium's version, which names its unpacked folder. */
function packedVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
}

/**
 * Unpacks @sparticuz/chromium's browser once and returns its path; safe when several test
 * processes or copies of the suite start together. The package itself unpacks into
 * `<tmp>/chromium` and takes the file's mere existence as "done", so a second process can see
 * a half-written binary. Here it unpacks into a fresh folder of its own (TMPDIR pointed there
 * for a child process) and that folder is renamed into place whole: a rename either lands or
 * finds another process's finished folder, which is then used.
 */
export function unpackedChromium(): string {
  const require = createRequire(join(ROOT, 'package.json'))
  const entry = require.resolve('@sparticuz/chromium')
  const packageDir = resolve(dirname(entry), '../..')
  const uid = process.getuid?.() ?? 'user'
  const folder = join(tmpdir(), `akimat-e2e-chromium-${packedVersion(packageDir)}-${uid}`)
  const binary = join(folder, 'chromium')
  if (existsSync(binary)) return binary

  const staging = mkdtempSync(`${folder}.partial-`)
  try {
    const script = `require(${JSON.stringify(entry)}).executablePath().then((p) => process.stdout.write(p))`
    const unpacked = execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
      encoding: 'utf8',
    })
    if (resolve(unpacked) !== join(staging, 'chromium') || !executable(join(staging, 'chromium'))) {
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`)
    }
    try {
      renameSync(staging, folder)
    } catch (error) {
      // Another process renamed its own finished copy into place first.
      if (!existsSync(binary)) throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return binary
}

/** Decides which browser the tests will drive; throws, saying what to do, when there is none. */
export function findBrowser(): BrowserSource {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`)
    return { kind: 'path', executablePath: fromEnv, from: 'CHROMIUM_PATH' }
  }
  if (process.platform === 'linux') {
    const installed = installedOnLinux()
    if (installed) return { kind: 'path', executablePath: installed, from: 'installed' }
    if (process.arch === 'x64') {
      return { kind: 'path', executablePath: unpackedChromium(), from: '@sparticuz/chromium' }
    }
  }
  if (process.platform === 'win32' || process.platform === 'darwin') return { kind: 'channels' }
  throw new Error(
    'No Chromium for the browser tests. Install Chromium or Google Chrome (e.g. apt-get install chromium), ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome executable. On Linux x64 `npm install` brings one ' +
      '(@sparticuz/chromium, a devDependency): check that it installed.',
  )
}

function launchOptions(executablePath?: string, channel?: string): LaunchOptions {
  return {
    executablePath,
    channel,
    headless: true,
    args: ARGS,
    env: process.platform === 'linux' ? { ...process.env, FONTCONFIG_FILE } : undefined,
  }
}

/**
 * Starts headless Chromium from the first source that has one (see BrowserSource). Its pages
 * run the app's motion, as an office PC with Windows' animation effects on does: Playwright
 * makes each context ask for no reduced motion unless told (Chromium's own
 * `--force-prefers-reduced-motion` is overridden there), so a test that wants reduced motion
 * opens its page with `reducedMotion: 'reduce'` (shell.test.ts). A click aimed at something that
 * zooms or slides in waits for it first (harness.ts, motionDone).
 */
export async function launchChromium(): Promise<Browser> {
  const source = findBrowser()
  if (source.kind === 'path') return chromium.launch(launchOptions(source.executablePath))
  const failures: string[] = []
  for (const channel of CHANNELS) {
    try {
      return await chromium.launch(launchOptions(undefined, channel))
    } catch (error) {
      failures.push(`${channel}: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  throw new Error(
    `No Chrome or Edge installed for the browser tests (${failures.join('; ')}). ` +
      'Install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium/Chrome executable.',
  )
}
