import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseServerArgs } from '../../src/main/server/serverArgs'

const USER_DATA = '/home/office/.config/Akimat Desk'
const DB = 'postgres://akimat:secret@127.0.0.1:5432/akimat'

describe('office server command line', () => {
  it('serves this computer only unless told, on 4780, keeping its certificate in the user data folder', () => {
    expect(parseServerArgs(['--db', DB], USER_DATA)).toEqual({
      db: DB,
      embeddedData: null,
      embeddedPort: 5433,
      host: '127.0.0.1',
      publicName: '127.0.0.1',
      port: 4780,
      stateDir: join(USER_DATA, 'server'),
      backupsDir: null,
      attachmentsDir: null,
      officeCertificate: null,
    })
  })

  it('keeps the daily backups where it is told, or in the embedded data folder', () => {
    expect(parseServerArgs(['--db', DB, '--backups', 'copies'], USER_DATA).backupsDir).toBe(resolve('copies'))
    expect(parseServerArgs(['--embedded-postgres', '--data', 'office'], USER_DATA).backupsDir).toBe(
      resolve('office', 'backups'),
    )
  })

  it('keeps the attached files where it is told, else decides from --data or --db', () => {
    expect(parseServerArgs(['--db', DB, '--attachments', 'scans'], USER_DATA).attachmentsDir).toBe(resolve('scans'))
    expect(parseServerArgs(['--embedded-postgres', '--data', 'office'], USER_DATA).attachmentsDir).toBeNull()
  })

  it('names the computer to desks when it listens on every address; keeps its state in the embedded data folder', () => {
    const args = parseServerArgs(
      ['--embedded-postgres', '--data', 'office', '--host', '0.0.0.0', '--port', '8443', '--pg-port', '6543'],
      USER_DATA,
    )
    expect(args).toMatchObject({
      db: null,
      embeddedData: resolve('office'),
      embeddedPort: 6543,
      publicName: hostname(),
      port: 8443,
      stateDir: resolve('office'),
    })
    expect(parseServerArgs(['--db', DB, '--host', '::1'], USER_DATA).publicName).toBe('[::1]')
  })

  it.each([
    [[], /give the database/],
    [['--db', DB, '--embedded-postgres', '--data', 'x'], /give the database/],
    [['--db', 'mysql://x/y'], /--db must be postgres:/],
    [['--embedded-postgres'], /needs --data DIR/],
    [['--db', DB, '--data', 'x'], /--data is the embedded PostgreSQL's folder/],
    [['--db', DB, '--cert', 'a.pem'], /--cert and --key go together/],
    [['--db', DB, '--host', 'server.local'], /--host must be an IP address/],
    [['--db', DB, '--port', '70000'], /--port must be 0..65535/],
    [['--db', DB, '--token', 'x'], /Unknown option/],
  ])('refuses %j, saying what to give', (argv, message) => {
    expect(() => parseServerArgs(argv, USER_DATA)).toThrow(message)
  })
})
