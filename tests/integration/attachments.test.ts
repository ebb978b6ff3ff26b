import { existsSync, readdirSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal, Attachment } from '@shared/api/contract'
import { ATTACHMENT_MAX_BYTES } from '@shared/domain/attachment'
import { appealInput, meetingInput, openDesk, OPERATOR, type Desk } from '../helpers/appeals'
import { base64, htmlAsPng, pdfFile, pngFile } from '../helpers/attachmentFiles'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { ENGINES } from '../helpers/engines'
import { sha256Of } from '../../src/main/services/attachments/blobStore'
import type { Role } from '@shared/auth/roles'

/**
 * Attachments of appeals and meetings on both engines: stored once per content under their
 * SHA-256, refused by size and by signature with nothing written, seen and changed only by the
 * roles the rules name, and every attach, opening and deletion in the owner's history.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

/** Every blob file in the store (fan-out folders walked). */
function blobFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((fan) => readdirSync(join(dir, fan)).map((name) => join(dir, fan, name)))
}

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let appeal: Appeal
  let store: string
  const as = (role: Role) => (method: string, input: unknown) =>
    desk.core.dispatch(method, input, userContext(role, { id: 7, fullName: `Test ${role}`, staffId: null }))

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    store = desk.core.services.attachments.blobs.dir
  })

  const attach = (fileName: string, bytes: Buffer, ownerId = appeal.id, ownerKind: 'appeal' | 'meeting' = 'appeal') =>
    desk.ok('attachments.add', { ownerKind, ownerId, fileName, base64: base64(bytes) })

  it('adds, lists, opens and deletes, each step in the appeal history', async () => {
    const scan = pngFile([10, 120, 200])
    const added = await attach('хат-скан.png', scan)
    expect(added).toMatchObject({
      fileName: 'хат-скан.png',
      mediaType: 'image/png',
      sizeBytes: scan.length,
      sha256: sha256Of(scan),
      addedBy: OPERATOR.fullName,
    })
    expect(existsSync(desk.core.services.attachments.blobs.pathOf(sha256Of(scan)))).toBe(true)
    expect(await desk.ok('attachments.list', { ownerKind: 'appeal', ownerId: appeal.id })).toEqual([added])

    const opened = await desk.ok('attachments.content', { id: added.id })
    expect(Buffer.from(opened.base64, 'base64').equals(scan)).toBe(true)
    expect(opened.mediaType).toBe('image/png')

    await desk.ok('attachments.delete', { id: added.id })
    expect(await desk.ok('attachments.list', { ownerKind: 'appeal', ownerId: appeal.id })).toEqual([])
    expect((await desk.fail('attachments.content', { id: added.id })).code).toBe('not_found')
    // the row stays, marked; its bytes stay while it refers to them
    const [row] = await desk.sql<{ deleted_by: string; deleted_at: string }>(
      'SELECT deleted_by, deleted_at FROM attachments WHERE id = ?',
      [added.id],
    )
    expect(row).toMatchObject({ deleted_by: OPERATOR.fullName })
    expect(row!.deleted_at).toBeTruthy()
    expect(desk.core.services.attachments.blobs.has(sha256Of(scan))).toBe(true)

    const history = (await desk.ok('appeals.get', { id: appeal.id })).history.filter((e) => e.field === 'attachment')
    expect(history.map((e) => e.action)).toEqual(['attach', 'reveal', 'detach'])
    for (const entry of history) {
      expect(JSON.parse(entry.newValue!)).toEqual({
        id: added.id,
        fileName: 'хат-скан.png',
        sizeBytes: scan.length,
        sha256: sha256Of(scan),
      })
      expect(entry.operator).toBe(OPERATOR.fullName)
    }
  })

  it('keeps one file for the same content attached twice, and JPEG and PDF by their signatures', async () => {
    const scan = pngFile([1, 2, 3])
    const first = await attach('a.png', scan)
    const other = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    const second = await attach('b.PNG', scan, other.id)
    expect(second.sha256).toBe(first.sha256)
    expect(blobFiles(store)).toHaveLength(1)

    const letter = await attach('жауап.pdf', pdfFile())
    expect(letter.mediaType).toBe('application/pdf')
    const jpeg = await attach(
      'photo.jpeg',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]),
    )
    expect(jpeg.mediaType).toBe('image/jpeg')
    expect(blobFiles(store)).toHaveLength(3)
  })

  it('refuses a file over the limit and one whose bytes are not what its name says, writing nothing', async () => {
    const rows = await desk.count('audit_entries')
    const big = Buffer.concat([pngFile(), Buffer.alloc(ATTACHMENT_MAX_BYTES)])
    const tooLarge = await desk.fail('attachments.add', {
      ownerKind: 'appeal',
      ownerId: appeal.id,
      fileName: 'үлкен.png',
      base64: base64(big),
    })
    expect(tooLarge.code).toBe('validation')
    expect(tooLarge.issues).toEqual([
      { path: ['base64'], messageKey: 'attachments.errors.tooLarge', params: { name: 'үлкен.png', max: 20 } },
    ])

    for (const [fileName, bytes] of [
      ['letter.png', htmlAsPng()],
      ['letter.pdf', pngFile()],
      ['page.html', pngFile()],
      ['noextension', pdfFile()],
    ] as const) {
      const wrong = await desk.fail('attachments.add', {
        ownerKind: 'appeal',
        ownerId: appeal.id,
        fileName,
        base64: base64(bytes),
      })
      expect(wrong.issues[0]).toMatchObject({ messageKey: 'attachments.errors.wrongType', params: { name: fileName } })
    }
    expect(blobFiles(store)).toEqual([])
    expect(Number((await desk.sql<{ n: number }>('SELECT COUNT(*) AS n FROM attachments'))[0]!.n)).toBe(0)
    expect(await desk.count('audit_entries')).toBe(rows)
  })

  it("shows an appeal's files only to roles that see personal data, and lets only its editors change them", async () => {
    const added = await attach('scan.png', pngFile())
    const owner = { ownerKind: 'appeal', ownerId: appeal.id }
    for (const role of ['press', 'viewer'] as const) {
      for (const [method, input] of [
        ['attachments.list', owner],
        ['attachments.content', { id: added.id }],
      ] as const) {
        const result = await as(role)(method, input)
        expect(result.ok ? null : result.error.code, `${role} ${method}`).toBe('forbidden')
      }
    }
    // the head sees them (personal data) but does not edit appeals
    expect((await as('head')('attachments.list', owner)).ok).toBe(true)
    const byHead = await as('head')('attachments.add', {
      ...owner,
      fileName: 'h.png',
      base64: base64(pngFile([9, 9, 9])),
    })
    expect(byHead.ok ? null : byHead.error.code).toBe('forbidden')
    expect((await as('head')('attachments.delete', { id: added.id })).ok).toBe(false)
    // the clerk adds and deletes
    const byClerk = await as('clerk')('attachments.add', {
      ...owner,
      fileName: 'c.png',
      base64: base64(pngFile([8, 8, 8])),
    })
    expect(byClerk.ok).toBe(true)
    expect((await as('clerk')('attachments.delete', { id: added.id })).ok).toBe(true)
    expect(blobFiles(store)).toHaveLength(2) // the refused add wrote nothing
  })

  it("lets the press officer attach a meeting's photos, which every reader sees", async () => {
    const meeting = await desk.ok('meetings.create', meetingInput())
    const owner = { ownerKind: 'meeting', ownerId: meeting.id }
    const photo = await as('press')('attachments.add', { ...owner, fileName: 'зал.png', base64: base64(pngFile()) })
    expect(photo.ok).toBe(true)
    const listed = await as('viewer')('attachments.list', owner)
    expect(listed.ok && (listed.data as Attachment[]).map((a) => a.fileName)).toEqual(['зал.png'])
    expect(
      (await as('viewer')('attachments.add', { ...owner, fileName: 'v.png', base64: base64(pngFile([5, 5, 5])) })).ok,
    ).toBe(false)
    const history = await desk.sql<{ action: string }>(
      "SELECT action FROM audit_entries WHERE entity = 'meeting' AND field = 'attachment'",
    )
    expect(history.map((h) => h.action)).toEqual(['attach'])
  })

  it('refuses an owner that is not there', async () => {
    const error = await desk.fail('attachments.add', {
      ownerKind: 'appeal',
      ownerId: 99999,
      fileName: 'a.png',
      base64: base64(pngFile()),
    })
    expect(error.code).toBe('not_found')
    expect(blobFiles(store)).toEqual([])
  })

  it('collects only blobs no row refers to, after the grace period', async () => {
    const kept = await attach('kept.png', pngFile([1, 1, 1]))
    const deleted = await attach('deleted.png', pngFile([2, 2, 2]))
    await desk.ok('attachments.delete', { id: deleted.id })
    const orphan = desk.core.services.attachments.blobs.put(pngFile([3, 3, 3]))
    expect(await desk.core.services.attachments.collect()).toBe(0) // too fresh: another desk may commit its row
    const old = new Date(Date.now() - 2 * 3600 * 1000)
    for (const file of blobFiles(store)) utimesSync(file, old, old)
    expect(await desk.core.services.attachments.collect()).toBe(1)
    const blobs = desk.core.services.attachments.blobs
    expect([blobs.has(kept.sha256), blobs.has(deleted.sha256), blobs.has(orphan)]).toEqual([true, true, false])
  })
})
