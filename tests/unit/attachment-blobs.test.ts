import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mediaTypeByName, mediaTypeBySignature } from '@shared/domain/attachment'
import { BlobStore, sha256Of } from '../../src/main/services/attachments/blobStore'
import { pdfFile, pngFile } from '../helpers/attachmentFiles'

/**
 * The blob store's promises without a database: one file per content, named by its hash; a
 * write cut off leaves only a partial file, never a hash's name, and collection clears it; a
 * blob altered on disk is not returned. And the signatures the core judges files by.
 */

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), 'akimat-blobs-'))
  dirs.push(dir)
  return new BlobStore(join(dir, 'attachments'))
}
const files = (s: BlobStore) => readdirSync(s.dir).flatMap((fan) => readdirSync(join(s.dir, fan)))

describe('the blob store', () => {
  it('keeps the same bytes once, under their SHA-256', () => {
    const s = store()
    const bytes = pngFile()
    expect(s.put(bytes)).toBe(sha256Of(bytes))
    expect(s.put(Buffer.from(bytes))).toBe(sha256Of(bytes))
    expect(files(s)).toEqual([sha256Of(bytes)])
    expect(s.read(sha256Of(bytes))?.equals(bytes)).toBe(true)
  })

  it('shows nothing of a write cut off before its rename, and collects what it left', () => {
    const s = store()
    const bytes = pdfFile()
    const sha256 = sha256Of(bytes)
    // what a killed write leaves: part of the bytes under a partial name in the hash's folder
    const fan = join(s.dir, sha256.slice(0, 2))
    mkdirSync(fan, { recursive: true })
    writeFileSync(join(fan, 'c0ffee.partial'), bytes.subarray(0, 100))
    expect(s.has(sha256)).toBe(false)
    expect(s.read(sha256)).toBeNull()
    expect(s.collect(new Set(), 3600_000)).toBe(0) // fresh: a desk may still be writing it
    expect(readdirSync(fan)).toEqual(['c0ffee.partial'])
    const old = new Date(Date.now() - 2 * 3600_000)
    utimesSync(join(fan, 'c0ffee.partial'), old, old)
    s.collect(new Set(), 3600_000)
    expect(readdirSync(fan)).toEqual([])
  })

  it('does not return a blob whose bytes no longer hash to its name', () => {
    const s = store()
    const sha256 = s.put(pngFile())
    writeFileSync(s.pathOf(sha256), Buffer.from('altered'))
    expect(s.read(sha256)).toBeNull()
  })
})

describe('file types', () => {
  it('are told by the bytes, and the name must agree', () => {
    expect(mediaTypeBySignature(pngFile())).toBe('image/png')
    expect(mediaTypeBySignature(pdfFile())).toBe('application/pdf')
    expect(mediaTypeBySignature(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg')
    expect(mediaTypeBySignature(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(mediaTypeBySignature(Buffer.from('GIF89a'))).toBeNull()
    expect(mediaTypeByName('Хат.JPG')).toBe('image/jpeg')
    expect(mediaTypeByName('scan.tiff')).toBeNull()
    expect(mediaTypeByName('letter.pdf.exe')).toBeNull()
  })
})
