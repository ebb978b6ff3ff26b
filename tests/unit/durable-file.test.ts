import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFileDurably } from '../../src/main/services/durableFile'

const folders: string[] = []
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'akimat-durable-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe('writeFileDurably', () => {
  it('makes a new file, readable only by its owner, and leaves nothing beside it', () => {
    const folder = newFolder()
    const file = join(folder, 'settings.json')
    writeFileDurably(file, '{"мекенжай":"Қарқаралы"}')
    expect(readFileSync(file, 'utf8')).toBe('{"мекенжай":"Қарқаралы"}')
    expect(readdirSync(folder)).toEqual(['settings.json'])
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('replaces a file whole with bytes, through the partial file it is given', () => {
    const folder = newFolder()
    const file = join(folder, 'blob')
    writeFileSync(file, 'the old content, longer than the new')
    const bytes = Buffer.alloc(3 * 1024 * 1024)
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251
    writeFileDurably(file, bytes, 0o600, join(folder, 'blob.incoming'))
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(readdirSync(folder)).toEqual(['blob'])
  })
})
