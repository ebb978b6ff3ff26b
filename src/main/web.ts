/**
 * Web mode entry: the same core and API as the desktop app, served to a browser on this
 * machine. Runs under plain Node (no Electron): `npm run web`, or `node out/main/web.js`.
 *   --data DIR   data folder (or AKIMAT_DATA_DIR); default: the desktop app's folder
 *   --db URL     postgres://user:password@host:port/database instead of the data folder (the
 *                office server's engine)
 *   --backups DIR  with --db: the daily backups' folder (default <user data>/server-backups/…)
 *   --port N     port on 127.0.0.1 (or AKIMAT_PORT); default 4780, 0 = any free port
 *   --desk DIR   start as the desktop app does, with DIR as its user data folder: the first-start
 *                choice (this PC alone, in DIR/data, or a desk of an office server), then the
 *                chosen core (desk/deskDoor.ts). The Electron window cannot run everywhere the
 *                tests do; this serves the same desk logic to a browser (tests/e2e/desk.test.ts).
 * Start-up loads only what the first answers need: the report writers, pdfmake, exceljs and
 * the chart libraries load on first use (docs/PERFORMANCE.md), and the first start of a day
 * takes its backup after the server listens.
 */
import { join } from 'node:path'
import type { ApiResult } from '@shared/api/errors'
import { parseArgs } from 'node:util'
import { version } from '../../package.json'
import { openOrRecover } from './recovery/openOrRecover'
import { serveCore, type ServedDoor } from './http/webMode'
import { openDeskDoor } from './desk/deskDoor'
import { DESK_SETTINGS_FILE } from './desk/deskSettings'
import { workerWriter } from './reports/writers'
import { workerReader } from './import/readInWorker'
import { defaultUserDataDir, resolveDatabaseTarget, resolveKeyDir, resolveServerBackupsDir } from './paths'
import { userDataDirAfterMove } from './userDataMove'
import { fileKeyProvider } from './services/auditKey'
import { startupErrorMessage } from './startupError'

const DEFAULT_PORT = 4780

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      db: { type: 'string' },
      port: { type: 'string' },
      backups: { type: 'string' },
      desk: { type: 'string' },
    },
    strict: true,
  })
  const port = Number(values.port ?? process.env.AKIMAT_PORT ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`)

  if (values.desk !== undefined && (values.data !== undefined || values.db !== undefined))
    throw new Error('--desk keeps its data in DIR/data or on the office server: give no --data or --db')
  // The desktop app's folder, after moving an earlier version's data as the desktop app does.
  const userDataDir = values.desk ?? userDataDirAfterMove(defaultUserDataDir())
  const { databaseFile, postgresUrl } = resolveDatabaseTarget(values, userDataDir)
  const openLocal = () =>
    openOrRecover({
      databaseFile,
      postgresUrl,
      version,
      resourcesDir: join(__dirname, '../../resources'),
      reportWriter: workerWriter(join(__dirname, 'reportWorker.js')),
      spreadsheetReader: workerReader(join(__dirname, 'importWorker.js')),
      autoBackup: true,
      // the server's backups are SQLite files made by the table copier (backup/serverBackup.ts)
      backupsDir: postgresUrl ? resolveServerBackupsDir(values.backups, postgresUrl, userDataDir) : undefined,
      auditKeys: fileKeyProvider(resolveKeyDir({ userDataDir })),
    })
  let door: ServedDoor & {
    close(): Promise<void>
    act?: (action: string, input: unknown) => Promise<ApiResult<unknown>>
  }
  let mode: string
  try {
    if (values.desk !== undefined) {
      const desk = await openDeskDoor({ settingsFile: join(values.desk, DESK_SETTINGS_FILE), openLocal })
      door = { dispatch: desk.dispatch, core: desk.localCore, close: desk.close, act: desk.act }
      mode = ` (desk: ${desk.status().mode})`
    } else {
      const opened = await openLocal()
      door = { dispatch: opened.dispatch, core: opened.core, close: async () => opened.current()?.close() }
      mode = opened.recovery ? ' (recovery: the database did not open)' : ''
    }
  } catch (error) {
    console.error(startupErrorMessage(error, databaseFile))
    process.exit(2)
  }
  const started = Date.now()
  // In recovery mode the same server, token and page carry the recovery API, then the core's.
  const { server, dailyBackup } = await serveCore(door, {
    staticDir: join(__dirname, '../renderer'),
    port,
    desk: door.act,
  })

  console.log(`Akimat Desk ${version} — web mode${mode}`)
  console.log(`Data: ${values.desk !== undefined ? `${values.desk} (${DESK_SETTINGS_FILE}, data)` : databaseFile}`)
  console.log(`Open: ${server.url}`)
  // Once the core is up (at once, or after recovery), in the background; a failure is logged by
  // the core. (bench/web.ts waits for this line.)
  void dailyBackup.then((made) => {
    if (made) console.log(`Daily backup written: ${made.file} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  })

  const stop = async (): Promise<void> => {
    await server.close()
    await door.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
