import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DataMoveVerificationError,
  MOVE_JOURNAL_FILE,
  MOVE_STAGING_DIR,
  MOVED_NOTE_FILE,
  moveSwitched,
  moveUserData,
  userDataDirAfterMove,
} from '../../src/main/userDataMove'
import { translate } from '@shared/i18n'

/** An earlier version's roaming folder: the database with its WAL, a backup, the history key, Chromium's session. */
const OLD_FILES: Record<string, string | Buffer> = {
  'data/akimat.sqlite': Buffer.alloc(3 << 20, 7), // over one read piece of the digest
  'data/akimat.sqlite-wal': 'wal pages not yet checkpointed',
  'data/backups/akimat-auto-2026-12-01T09-00-00Z.sqlite': 'yesterday',
  'history-key/audit-key.protected': 'encrypted key',
  'session/Preferences': '{}',
}
const MOVED = Object.fromEntries(Object.entries(OLD_FILES).filter(([path]) => !path.startsWith('session/')))

function writeTree(root: string, files: Record<string, string | Buffer>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(root)) return out
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name)
      if (item.isDirectory()) walk(path)
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path).toString('base64')
    }
  }
  walk(root)
  return out
}

const encoded = (files: Record<string, string | Buffer>) =>
  Object.fromEntries(Object.entries(files).map(([path, content]) => [path, Buffer.from(content).toString('base64')]))

class Killed extends Error {}

describe('moving the per-user data to its new folder', () => {
  let base: string
  let from: string
  let to: string
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'akimat-move-'))
    from = join(base, 'Roaming', 'Akimat Desk')
    to = join(base, 'Local', 'Akimat Desk')
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.restoreAllMocks()
    rmSync(base, { recursive: true, force: true })
  })

  /** The state after a whole move: the data in the new folder, only the note and Chromium's session in the old. */
  function expectMoved() {
    expect(readTree(to)).toEqual(encoded(MOVED))
    expect(Object.keys(readTree(from)).sort()).toEqual([MOVED_NOTE_FILE, 'session/Preferences'])
    const note = readFileSync(join(from, MOVED_NOTE_FILE), 'utf8')
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(note).toContain(translate(lang, 'desktop.dataMoved.note', { to }))
    }
  }

  it('moves the data and the history key, verified, and leaves a note in kk, ru and en', () => {
    writeTree(from, OLD_FILES)
    expect(moveUserData({ from, to })).toEqual({ kind: 'moved', entries: ['data', 'history-key'] })
    expectMoved()
    // the next start finds nothing more to do
    expect(moveUserData({ from, to })).toEqual({ kind: 'nothing' })
    expectMoved()
  })

  it('does nothing on a new install', () => {
    expect(moveUserData({ from, to })).toEqual({ kind: 'nothing' })
    expect(existsSync(join(from, MOVED_NOTE_FILE))).toBe(false)
    expect(existsSync(to)).toBe(false)
  })

  it('leaves both folders alone when both hold data and no move was under way', () => {
    writeTree(from, OLD_FILES)
    writeTree(to, { 'data/akimat.sqlite': 'made here' })
    expect(moveUserData({ from, to })).toEqual({ kind: 'conflict' })
    expect(readTree(from)).toEqual(encoded(OLD_FILES))
    expect(readTree(to)).toEqual(encoded({ 'data/akimat.sqlite': 'made here' }))
  })

  it('refuses a copy that differs from the original, and changes nothing', () => {
    writeTree(from, OLD_FILES)
    const corrupt = (step: string) => {
      if (step === 'copied') writeFileSync(join(to, MOVE_STAGING_DIR, 'data', 'akimat.sqlite-wal'), 'torn')
    }
    expect(() => moveUserData({ from, to, step: corrupt })).toThrow(DataMoveVerificationError)
    expect(readTree(from)).toEqual(encoded(OLD_FILES))
    expect(readTree(to)).toEqual({})
    // and a later start, with a good copy, moves it
    expect(moveUserData({ from, to }).kind).toBe('moved')
    expectMoved()
  })

  const STEPS = ['copied', 'verified', 'renamed data', 'renamed history-key', 'switched', 'noted', 'removed']

  it.each(STEPS)('killed after "%s": one whole copy is where the start looks, and the next start finishes', (at) => {
    writeTree(from, OLD_FILES)
    const kill = (step: string) => {
      if (step === at) throw new Killed(step)
    }
    try {
      moveUserData({ from, to, step: kill })
    } catch (error) {
      if (!(error instanceof Killed)) throw error
    }
    // what is on the disk when the process dies there
    const dir = moveSwitched(to) ? to : from
    if (dir === from) expect(readTree(from)).toEqual(encoded(OLD_FILES))
    else expect(readTree(to)).toMatchObject(encoded(MOVED))
    expect(dir).toBe(STEPS.indexOf(at) < STEPS.indexOf('switched') ? from : to)
    // the next start completes the move, and nothing was lost on the way
    expect(userDataDirAfterMove(to, from)).toBe(to)
    expectMoved()
  })

  it('a half-made copy left by a killed start is discarded, not mistaken for data', () => {
    writeTree(from, OLD_FILES)
    writeTree(to, { 'data/akimat.sqlite': 'half', [MOVE_JOURNAL_FILE]: '{"state":"copy' })
    expect(moveUserData({ from, to }).kind).toBe('moved')
    expectMoved()
  })

  describe('choosing the folder at start', () => {
    it('uses the current folder where nothing moves (not Windows)', () => {
      expect(userDataDirAfterMove(to, null)).toBe(to)
    })

    it('uses the old folder, whole, when the move fails', () => {
      writeTree(from, OLD_FILES)
      // a file where the new folder must go: nothing can be copied there
      mkdirSync(dirname(to), { recursive: true })
      writeFileSync(to, 'in the way')
      expect(userDataDirAfterMove(to, from)).toBe(from)
      expect(readTree(from)).toEqual(encoded(OLD_FILES))
    })

    it('uses the new folder once the move has switched, even if tidying up the old one fails', () => {
      writeTree(from, OLD_FILES)
      const failAfterSwitch = (step: string) => {
        if (step === 'switched') throw new Error('disk full')
      }
      expect(() => moveUserData({ from, to, step: failAfterSwitch })).toThrow('disk full')
      expect(moveSwitched(to)).toBe(true)
      expect(userDataDirAfterMove(to, from)).toBe(to)
      expectMoved()
    })
  })
})
