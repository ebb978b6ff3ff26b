import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lastColumnXlsx, packageBomb, zipBombXlsx } from '../helpers/hostileFiles'
import {
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  startWebApp,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * Files that must not sink the app, sent to web mode as a browser sends them: a zip bomb
 * dressed as an xlsx (declared honestly, and declaring a small sheet), 100,000 rows with a
 * cell in column XFD, a package that unpacks a thousand to one. Each is refused within
 * seconds, naming the limit, while the server process (its whole RSS, the import worker
 * included, read from /proc) stays under 600 MB; a real register is read in a worker that is
 * ended afterwards, with `import.progress` answered meanwhile.
 */

const MB = 2 ** 20
const MEMORY_BOUND = 600 * MB

/** The server's resident memory now, and its peak since it started (bytes). */
function memoryOf(pid: number): { rss: number; peak: number; threads: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)![1])
  return { rss: field('VmRSS') * 1024, peak: field('VmHWM') * 1024, threads: field('Threads') }
}

/** The API's raw answer, however it ends. */
async function post(app: WebApp, method: string, input: unknown) {
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Akimat-Token': app.token,
      Authorization: `Bearer ${app.session}`,
    },
    body: JSON.stringify(input),
  })
  return (await response.json()) as { ok: boolean; error?: { messageKey: string; issues: { messageKey: string }[] } }
}

const file = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') })

/** A register of `count` rows, none importable (no date): reading it is the work, writing none. */
async function registerXlsx(count: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Тізім')
  ws.addRow(['№', 'Аты-жөні', 'Мазмұны', 'Мекенжайы'])
  for (let i = 1; i <= count; i++)
    ws.addRow([i, `Азамат${i} Нұрлан Серікұлы`, `Өтініш №${i}: көше жарығы`, `Абай к-сі, ${i}`])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

let app: WebApp

beforeAll(async () => {
  app = await startWebApp()
})

afterAll(async () => {
  await app?.stop()
})

describe('files that cannot sink web mode', () => {
  it('refuses hostile files within seconds, naming the limit, the server staying under 600 MB', async () => {
    const bombs = await zipBombXlsx()
    const cases: { name: string; method: string; input: unknown; limit: string }[] = [
      {
        name: 'zip bomb, declared',
        method: 'import.preview',
        input: { file: file('bomb.xlsx', bombs.honest) },
        limit: 'importUi.errors.limits.unzippedBytes',
      },
      {
        name: 'zip bomb, declared small',
        method: 'import.preview',
        input: { file: file('bomb.xlsx', bombs.lying) },
        limit: 'importUi.errors.limits.zipSizeLies',
      },
      {
        name: '100,000 rows to XFD',
        method: 'import.preview',
        input: { file: file('xfd.xlsx', lastColumnXlsx()) },
        limit: 'importUi.errors.limits.columns',
      },
      {
        name: 'package bomb',
        method: 'consolidation.importPackage',
        input: file('bomb.json.gz', await packageBomb(300)),
        limit: 'consolidationUi.errors.limits.ratio',
      },
    ]
    const before = memoryOf(app.pid)
    for (const { name, method, input, limit } of cases) {
      let highest = 0
      let sampling = true
      const sampler = (async () => {
        while (sampling) {
          highest = Math.max(highest, memoryOf(app.pid).rss)
          await sleep(10)
        }
      })()
      const started = performance.now()
      const answer = await post(app, method, input)
      const ms = performance.now() - started
      sampling = false
      await sampler
      const { peak } = memoryOf(app.pid)
      console.log(
        `${name}: refused in ${ms.toFixed(0)} ms; server RSS highest ${(highest / MB).toFixed(0)} MB while refusing, ` +
          `peak since start ${(peak / MB).toFixed(0)} MB (${(before.rss / MB).toFixed(0)} MB before the first file)`,
      )
      expect(answer.ok).toBe(false)
      expect(answer.error?.issues.map((i) => i.messageKey)).toEqual([limit])
      expect(ms).toBeLessThan(10_000)
      expect(highest).toBeLessThan(MEMORY_BOUND)
      expect(peak).toBeLessThan(MEMORY_BOUND)
    }
  }, 120_000)

  it('reads a register in a worker: progress is answered meanwhile, and the memory is given back', async () => {
    const register = file('register.xlsx', await registerXlsx(30_000))
    const { rss: before, threads } = memoryOf(app.pid)
    const commit = callApi<{ imported: number; leftOut: number }>(app, 'import.commit', {
      file: register,
      importId: 'big',
    })
    let finished = false
    void commit.finally(() => (finished = true))
    const phases: string[] = []
    while (!finished) {
      phases.push((await callApi<{ phase: string }>(app, 'import.progress', { importId: 'big' })).phase)
      await sleep(20)
    }
    const result = await commit
    expect(result).toMatchObject({ imported: 0, leftOut: 30_000 })
    // the reading (in the worker) did not hold the API: its phase was read while it ran
    expect(phases).toContain('reading')
    // the worker is gone: what it allocated went with it (the rows read are kept for the next call)
    await sleep(500)
    const { rss: after, threads: threadsAfter } = memoryOf(app.pid)
    console.log(
      `register of 30,000 rows (${Math.round(register.base64.length / 1024)} KB base64): RSS ${(before / MB).toFixed(0)} MB before, ` +
        `${(after / MB).toFixed(0)} MB after, threads ${threads} before and ${threadsAfter} after; ${phases.length} progress reads (${phases.filter((p) => p === 'reading').length} while reading)`,
    )
    expect(threadsAfter).toBe(threads)
    expect(after - before).toBeLessThan(200 * MB)
  }, 120_000)

  it('shows the refusal in the import wizard, in Kazakh, naming the limit', async () => {
    const browser = await launchChromium()
    try {
      const page = await newWatchedPage(browser, [])
      await usePageSession(page, app)
      await page.goto(app.url)
      await page.getByTestId('language-switch').waitFor()
      await page.goto(`${app.origin}/#/settings/import`)
      await page.getByRole('tab', { name: 'Импорт', exact: true, selected: true }).waitFor()
      await page.locator('input[type=file][data-testid="import-file"]').setInputFiles({
        name: 'Тізілім.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: lastColumnXlsx(),
      })
      const alert = page.getByTestId('import-error')
      await alert.waitFor()
      await expect(alert.innerText()).resolves.toBe(
        'Файл импорт шегінен асады: ештеңе оқылған жоқ — Кесте XFD бағанына дейін жетеді: бір импорттың шегі 200 баған',
      )
      await screenshot(page, 'import-limits-refused')
    } finally {
      await browser.close()
    }
  })
})
