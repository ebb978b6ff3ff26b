import BetterSqlite3 from 'better-sqlite3'
import { expect } from 'vitest'
import type { Attachment, AttachmentContent } from '@shared/api/areas/attachments'
import type { Core } from '../../src/main/core'
import { sha256Of } from '../../src/main/services/attachments/blobStore'
import { base64, pdfFile, pngFile } from './attachmentFiles'
import { ADMIN } from './context'

/** An appeal's files, as a test attached them: who owns them and the bytes by SHA-256. */
export interface AttachedFiles {
  owner: { ownerKind: 'appeal'; ownerId: number }
  bytes: Record<string, Buffer>
}

/** Attaches a scanned PNG and a PDF letter to the office's first appeal (through the API, as a clerk does). */
export async function attachScanAndLetter(core: Core): Promise<AttachedFiles> {
  const [first] = (await core.database.dataSource.query('SELECT MIN(id) AS id FROM appeals')) as { id: number }[]
  const owner = { ownerKind: 'appeal' as const, ownerId: Number(first!.id) }
  const bytes: Record<string, Buffer> = {}
  for (const [fileName, content] of [
    ['scan.png', pngFile([12, 120, 200])],
    ['reply.pdf', pdfFile('Moved reply')],
  ] as const) {
    const added = await core.dispatch('attachments.add', { ...owner, fileName, base64: base64(content) }, ADMIN)
    expect(added, fileName).toMatchObject({ ok: true })
    bytes[sha256Of(content)] = content
  }
  return { owner, bytes }
}

/** The core lists exactly those files, and each opens with the bytes that were attached. */
export async function expectFilesOpen(core: Core, files: AttachedFiles): Promise<void> {
  const listed = await core.dispatch('attachments.list', files.owner, ADMIN)
  expect(listed.ok).toBe(true)
  const attachments = (listed as { data: Attachment[] }).data
  expect(attachments.map((a) => a.sha256).sort()).toEqual(Object.keys(files.bytes).sort())
  for (const attachment of attachments) {
    const opened = await core.dispatch('attachments.content', { id: attachment.id }, ADMIN)
    expect(opened.ok, attachment.fileName).toBe(true)
    const content = Buffer.from((opened as { data: AttachmentContent }).data.base64, 'base64')
    expect(sha256Of(content)).toBe(attachment.sha256)
    expect(content.equals(files.bytes[attachment.sha256]!)).toBe(true)
  }
}

/** A backup file's `attachment_blobs`: SHA-256 → bytes. */
export function blobsIn(file: string): Record<string, Buffer> {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    const rows = db.prepare('SELECT sha256, content FROM attachment_blobs').all() as {
      sha256: string
      content: Buffer
    }[]
    return Object.fromEntries(rows.map((r) => [r.sha256, r.content]))
  } finally {
    db.close()
  }
}
