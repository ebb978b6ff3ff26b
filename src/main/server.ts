/**
 * The office server's entry: the same core and UI as the desktop app, on PostgreSQL, served
 * over HTTPS to the desks of the office network, where signing in is the gate (no per-start
 * token: desks on other computers could not be given one). Under plain Node:
 * `npm run server -- --db URL` or `npm run server -- --embedded-postgres --data DIR`
 * (serverArgs.ts lists the options; docs/SERVER.md says how an office runs it).
 */
import { join } from 'node:path'
import { version } from '../../package.json'
import type { ServerInfo } from '@shared/api/contract'
import { startCore, type Core } from './core'
import { withoutPassword } from './db/postgresUrl'
import { startWebServer, type WebServer } from './http/server'
import { workerWriter } from './reports/writers'
import { workerReader } from './import/readInWorker'
import { ctypeBlindToCyrillic, UTF8_CTYPE } from './server/clusterLocale'
import { defaultUserDataDir, resolveKeyDir, resolveServerAttachmentsDir, resolveServerBackupsDir } from './paths'
import { fileKeyProvider } from './services/auditKey'
import { startupErrorMessage } from './startupError'
import { checkHealth } from './server/health'
import { parseServerArgs, SERVER_USAGE } from './server/serverArgs'
import { officeCertificate, selfSignedCertificate, tlsDirOf } from './server/serverCertificate'
import { startEmbeddedPostgres, type EmbeddedDatabase } from './server/embeddedPostgres'
import { lockServerFolder } from './server/serverLock'

async function main(): Promise<void> {
  const userDataDir = defaultUserDataDir()
  let args
  try {
    args = parseServerArgs(process.argv.slice(2), userDataDir)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${SERVER_USAGE}`)
    process.exit(64)
  }
  const certificate = args.officeCertificate
    ? officeCertificate(args.officeCertificate.cert, args.officeCertificate.key)
    : selfSignedCertificate(args.stateDir)

  // What a failed start has begun is ended again, last first: no PostgreSQL is left behind.
  const undo: (() => Promise<void> | void)[] = []
  const unwind = async () => {
    for (const step of undo.splice(0).reverse()) await step()
  }
  let embedded: EmbeddedDatabase | null = null
  let info: ServerInfo | null = null
  let server: WebServer
  let core: Core
  try {
    if (args.embeddedData) {
      undo.push(lockServerFolder(args.embeddedData))
      embedded = await startEmbeddedPostgres({ dataDir: args.embeddedData, port: args.embeddedPort })
      undo.push(embedded.stop)
    }
    const postgresUrl = args.db ?? embedded!.url
    const databaseFile = withoutPassword(postgresUrl)
    const attachmentsDir =
      args.attachmentsDir ?? resolveServerAttachmentsDir(postgresUrl, args.embeddedData, userDataDir)
    try {
      core = await startCore({
        databaseFile,
        postgresUrl,
        version,
        resourcesDir: join(__dirname, '../../resources'),
        reportWriter: workerWriter(join(__dirname, 'reportWorker.js')),
        spreadsheetReader: workerReader(join(__dirname, 'importWorker.js')),
        // Daily copies into SQLite backup files by the table copier (backup/serverBackup.ts).
        autoBackup: true,
        backupsDir: args.backupsDir ?? resolveServerBackupsDir(undefined, postgresUrl, userDataDir),
        attachmentsDir,
        auditKeys: fileKeyProvider(resolveKeyDir({ userDataDir })),
        serverInfo: () => info,
      })
    } catch (error) {
      throw new Error(startupErrorMessage(error, databaseFile))
    }
    undo.push(() => core.close())
    const startedAt = Date.now()
    server = await startWebServer({
      dispatch: core.dispatch,
      staticDir: join(__dirname, '../renderer'),
      port: args.port,
      office: {
        host: args.host,
        publicName: args.publicName,
        tls: { cert: certificate.cert, key: certificate.key },
        health: () => checkHealth(core, startedAt),
      },
    })
    undo.push(() => server.close())
    info = { address: server.url, certificate: certificate.info, embeddedPostgres: embedded !== null }
    console.log(`Akimat Desk ${version} — office server`)
    console.log(`Database: ${databaseFile}${embedded ? ` (embedded PostgreSQL in ${embedded.clusterDir})` : ''}`)
    // the folder the command line's --db commands need (--attachments) when it is not their default
    console.log(`Attachments: ${attachmentsDir}`)
    const [database] = (await core.database.dataSource.query(
      'SELECT datctype AS ctype FROM pg_database WHERE datname = current_database()',
    )) as { ctype: string }[]
    const ctype = database?.ctype ?? ''
    if (ctypeBlindToCyrillic(ctype)) {
      console.log(
        `Note: the database's LC_CTYPE is ${ctype}: searches for Kazakh and Russian words will read the whole ` +
          `appeals table instead of its index. Move the office into a database made with a UTF-8 LC_CTYPE ` +
          `(e.g. ${UTF8_CTYPE}; docs/SERVER.md).`,
      )
    }
  } catch (error) {
    await unwind()
    throw error
  }
  console.log(
    certificate.info.source === 'generated'
      ? `Certificate: self-signed, in ${tlsDirOf(args.stateDir)}, valid until ${certificate.info.validTo.slice(0, 10)}`
      : `Certificate: ${args.officeCertificate!.cert}, valid until ${certificate.info.validTo.slice(0, 10)}`,
  )
  console.log(`Fingerprint (SHA-256): ${certificate.info.fingerprint256}`)
  console.log(`Listening on ${args.host}:${server.port}`)
  console.log(`Open: ${server.url}`)
  // After the server listens: the first start of a day copies the database in the background.
  void core.startDailyBackup().then((made) => {
    if (made) console.log(`Daily backup written: ${made.file}`)
  })

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await unwind()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
