/**
 * Web mode entry: the same core and API as the desktop app, served to a browser on this
 * machine. Runs under plain Node (no Electron): `npm run web`, or `node out/main/web.js`.
 *   --data DIR   data folder (or AKIMAT_DATA_DIR); default: the desktop app's folder
 *   --db URL     postgres://user:password@host:port/database instead of the data folder (the
 *                office server's engine)
 *   --backups DIR  with --db: the daily backups' folder (default <user data>/server-backups/…)
 *   --port N     port on 127.0.0.1 (or AKIMAT_PORT); default 4780, 0 = any free port
 * Start-up loads only what the first answers need: the report writers, pdfmake, exceljs and
 * the chart libraries load on first use (docs/PERFORMANCE.md), and the first start of a day
 * takes its backup after the server listens.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../package.json'
import { openOrRecover } from './recovery/openOrRecover'
import { serveCore } from './http/webMode'
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
    },
    strict: true,
  })
  const port = Number(values.port ?? process.env.AKIMAT_PORT ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`)

  // The desktop app's folder, after moving an earlier version's data as the desktop app does.
  const userDataDir = userDataDirAfterMove(defaultUserDataDir())
  const { databaseFile, postgresUrl } = resolveDatabaseTarget(values, userDataDir)
  let opened
  try {
    opened = await openOrRecover({
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
  } catch (error) {
    console.error(startupErrorMessage(error, databaseFile))
    process.exit(2)
  }
  const started = Date.now()
  // In recovery mode the same server, token and page carry the recovery API, then the core's.
  const { server, dailyBackup } = await serveCore(opened, { staticDir: join(__dirname, '../renderer'), port })

  console.log(`Akimat Desk ${version} — web mode${opened.recovery ? ' (recovery: the database did not open)' : ''}`)
  console.log(`Data: ${databaseFile}`)
  console.log(`Open: ${server.url}`)
  // Once the core is up (at once, or after recovery), in the background; a failure is logged by
  // the core. (bench/web.ts waits for this line.)
  void dailyBackup.then((made) => {
    if (made) console.log(`Daily backup written: ${made.file} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  })

  const stop = async (): Promise<void> => {
    await server.close()
    await opened.current()?.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
