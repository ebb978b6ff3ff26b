// The web-start baseline (bench/web.ts): a bare Node process that opens the database with
// better-sqlite3 and the app's pragmas, and answers one HTTP request, printing its address the
// way out/main/web.js does. Plain JavaScript, so that nothing but Node and the driver loads.
import { createServer } from 'node:http'
import Database from 'better-sqlite3'

const db = new Database(process.argv[2], { fileMustExist: true })
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('foreign_keys = ON')
const version = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck()
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ ok: true, data: { schemaVersion: version.get() } }))
  })
})
server.listen(0, '127.0.0.1', () => console.log(`Open: http://127.0.0.1:${server.address().port}/#token=raw`))
process.on('SIGTERM', () => process.exit(0))
