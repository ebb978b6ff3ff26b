import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DATABASE_FILE_NAME,
  databaseFileIn,
  defaultUserDataDir,
  legacyUserDataDir,
  resolveDatabaseTarget,
  resolveDataDir,
  resolveKeyDir,
} from '../../src/main/paths'

describe('resolveDataDir', () => {
  const env = { AKIMAT_DATA_DIR: '/srv/akimat-env' }

  it('prefers the --data flag over the environment and the user data folder', () => {
    expect(resolveDataDir({ flag: '/mnt/flag-data', env, userDataDir: '/home/u/.config/Akimat Desk' })).toBe(
      '/mnt/flag-data',
    )
  })

  it('resolves a relative flag against the working directory', () => {
    expect(resolveDataDir({ flag: 'rel/data', env })).toBe(resolve('rel/data'))
  })

  it('uses AKIMAT_DATA_DIR when there is no flag', () => {
    expect(resolveDataDir({ env, userDataDir: '/home/u/.config/Akimat Desk' })).toBe('/srv/akimat-env')
    expect(resolveDataDir({ flag: '', env, userDataDir: '/x' })).toBe('/srv/akimat-env')
  })

  it('falls back to <user data>/data when neither is given (an empty variable counts as unset)', () => {
    expect(resolveDataDir({ env: {}, userDataDir: '/home/u/.config/Akimat Desk' })).toBe(
      join('/home/u/.config/Akimat Desk', 'data'),
    )
    expect(resolveDataDir({ env: { AKIMAT_DATA_DIR: '' }, userDataDir: '/u' })).toBe(join('/u', 'data'))
  })

  it('without a user data folder, uses the platform default computed from the same env', () => {
    const own = { XDG_CONFIG_HOME: '/tmp/xdg-test', APPDATA: '/tmp/appdata-test' }
    expect(resolveDataDir({ env: own })).toBe(join(defaultUserDataDir(own), 'data'))
  })

  it('puts the database file in the data folder', () => {
    expect(DATABASE_FILE_NAME).toBe('akimat.sqlite')
    expect(databaseFileIn('/srv/data')).toBe(join('/srv/data', 'akimat.sqlite'))
  })
})

describe('resolveKeyDir', () => {
  it('uses AKIMAT_KEY_DIR, else <user data>/history-key, whatever the data folder', () => {
    expect(resolveKeyDir({ env: { AKIMAT_KEY_DIR: '/srv/keys' } })).toBe('/srv/keys')
    expect(
      resolveKeyDir({ env: { AKIMAT_DATA_DIR: '/mnt/usb/data' }, userDataDir: '/home/u/.config/Akimat Desk' }),
    ).toBe(join('/home/u/.config/Akimat Desk', 'history-key'))
  })
})

describe('defaultUserDataDir', () => {
  it('win32: %LOCALAPPDATA%\\Akimat Desk, never the roaming %APPDATA%', () => {
    const local = 'C:\\Users\\Aigerim\\AppData\\Local'
    const roaming = 'C:\\Users\\Aigerim\\AppData\\Roaming'
    expect(defaultUserDataDir({ LOCALAPPDATA: local, APPDATA: roaming }, 'win32')).toBe(join(local, 'Akimat Desk'))
  })

  it('win32 without LOCALAPPDATA: <home>/AppData/Local/Akimat Desk', () => {
    expect(defaultUserDataDir({ APPDATA: 'C:\\Roaming' }, 'win32')).toBe(
      join(homedir(), 'AppData', 'Local', 'Akimat Desk'),
    )
  })

  it('linux with XDG_CONFIG_HOME: $XDG_CONFIG_HOME/Akimat Desk', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/home/u/cfg' }, 'linux')).toBe('/home/u/cfg/Akimat Desk')
  })

  it('linux without XDG_CONFIG_HOME: ~/.config/Akimat Desk', () => {
    expect(defaultUserDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Akimat Desk'))
  })

  // An empty XDG_CONFIG_HOME counts as unset, as Electron (Chromium's GetXDGDirectory) and the
  // XDG spec treat it; otherwise web mode and the desktop app would open different databases.
  it('linux with an empty XDG_CONFIG_HOME: ~/.config/Akimat Desk, as Electron does', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(join(homedir(), '.config', 'Akimat Desk'))
  })

  it('darwin: ~/Library/Application Support/Akimat Desk', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/ignored' }, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'Akimat Desk'),
    )
  })
})

describe('legacyUserDataDir', () => {
  it('win32: the roaming %APPDATA%\\Akimat Desk that earlier versions used', () => {
    const roaming = 'C:\\Users\\Aigerim\\AppData\\Roaming'
    expect(legacyUserDataDir({ APPDATA: roaming, LOCALAPPDATA: 'C:\\L' }, 'win32')).toBe(join(roaming, 'Akimat Desk'))
  })

  it('elsewhere: none, the folder stays where it was', () => {
    expect(legacyUserDataDir({ XDG_CONFIG_HOME: '/home/u/cfg' }, 'linux')).toBeNull()
    expect(legacyUserDataDir({}, 'darwin')).toBeNull()
  })
})

describe('resolveDatabaseTarget', () => {
  it("opens the data folder's SQLite file without --db", () => {
    expect(resolveDatabaseTarget({ data: '/srv/data' })).toEqual({
      databaseFile: join('/srv/data', DATABASE_FILE_NAME),
    })
  })

  it('opens PostgreSQL with --db, naming the database by its address without the password', () => {
    expect(resolveDatabaseTarget({ db: 'postgres://akimat:s3cret@10.0.0.5:5432/office' })).toEqual({
      databaseFile: 'postgres://akimat@10.0.0.5:5432/office',
      postgresUrl: 'postgres://akimat:s3cret@10.0.0.5:5432/office',
    })
  })

  it("refuses an address that is not PostgreSQL's or names no database, and both flags at once", () => {
    expect(() => resolveDatabaseTarget({ db: 'mysql://u:p@h/db' })).toThrow(/--db must be postgres:/)
    expect(() => resolveDatabaseTarget({ db: 'postgres://u:p@h:5432' })).toThrow(/--db must be postgres:/)
    expect(() => resolveDatabaseTarget({ db: 'postgres://u:p@h/db', data: '/srv/data' })).toThrow(/--data and --db/)
  })
})
