import { randomUUID } from 'node:crypto'
import type { DataSource, EntityManager } from 'typeorm'
import type { ApiParsedInput, Attachment, AttachmentContent } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import {
  ATTACHMENT_MAX_BYTES,
  mediaTypeByName,
  mediaTypeBySignature,
  type AttachmentOwnerKind,
} from '@shared/domain/attachment'
import { AppealEntity, AttachmentEntity, ReportMeetingEntity, type AttachmentRow } from '../../db/entities'
import { parameter } from '../../db/dialect'
import { transaction } from '../../db/transaction'
import { recordAudit, type AuditChange } from '../audit'
import type { CallContext, Clock } from '../context'
import { requireChange, requireSee } from './access'
import { sha256Of, type BlobStore } from './blobStore'

/** A file whose row another desk has not committed yet is not collected before this. */
export const COLLECT_GRACE_MS = 3600 * 1000

const fileIssue = (messageKey: string, fileName: string) =>
  new DomainError('validation', 'attachments.errors.notAttached', [
    { path: ['base64'], messageKey, params: { name: fileName, max: ATTACHMENT_MAX_BYTES / 2 ** 20 } },
  ])

/**
 * Attachments of appeals and meetings: the bytes in the blob store (by SHA-256, written before
 * the row's transaction, never inside it), the row and its history entry in one transaction.
 * The history entries go to the owner's trail (entity `appeal` or `meeting`), so the card's
 * history shows who attached, opened and deleted which file.
 */
export class AttachmentService {
  constructor(
    private readonly db: DataSource,
    readonly blobs: BlobStore,
    private readonly clock: Clock,
  ) {}

  async list(input: ApiParsedInput<'attachments.list'>, ctx: CallContext): Promise<Attachment[]> {
    requireSee(input.ownerKind, ctx)
    await this.requireOwner(this.db.manager, input.ownerKind, input.ownerId)
    const rows = await this.db.manager.getRepository(AttachmentEntity).find({
      where: { ownerKind: input.ownerKind, ownerId: input.ownerId },
      order: { id: 'ASC' },
    })
    return rows.filter((row) => row.deletedAt === null).map(attachmentOf)
  }

  async add(input: ApiParsedInput<'attachments.add'>, ctx: CallContext): Promise<Attachment> {
    requireChange(input.ownerKind, ctx)
    await this.requireOwner(this.db.manager, input.ownerKind, input.ownerId)
    const fileName = input.fileName.trim()
    // the decoded size is judged before the bytes are: a file over the limit is never decoded whole
    if (Math.floor((input.base64.length * 3) / 4) - 2 > ATTACHMENT_MAX_BYTES)
      throw fileIssue('attachments.errors.tooLarge', fileName)
    const bytes = Buffer.from(input.base64, 'base64')
    if (bytes.length > ATTACHMENT_MAX_BYTES) throw fileIssue('attachments.errors.tooLarge', fileName)
    const mediaType = mediaTypeBySignature(bytes)
    // The bytes decide what the file is; a name claiming another type is refused too, so the
    // name a clerk sees never hides what opens.
    if (!mediaType || mediaTypeByName(fileName) !== mediaType) throw fileIssue('attachments.errors.wrongType', fileName)
    const sha256 = this.blobs.put(bytes)
    return transaction(this.db, async (manager) => {
      const row: AttachmentRow = {
        id: undefined as unknown as number,
        uuid: randomUUID(),
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        fileName,
        mediaType,
        sizeBytes: bytes.length,
        sha256,
        addedBy: ctx.user?.fullName ?? ctx.operator,
        addedAt: this.clock().toISOString(),
        deletedBy: null,
        deletedAt: null,
        originOfficeUuid: null,
      }
      const saved = await manager.getRepository(AttachmentEntity).save(row)
      await recordAudit(manager, ctx, [auditOf(saved, 'attach')])
      return attachmentOf(saved)
    })
  }

  /** A soft delete: the row stays (the history names it), its bytes stay while a row refers to them. */
  async delete(id: number, ctx: CallContext): Promise<{ id: number }> {
    return transaction(this.db, async (manager) => {
      const row = await this.liveRow(manager, id)
      requireChange(row.ownerKind, ctx)
      row.deletedBy = ctx.user?.fullName ?? ctx.operator
      row.deletedAt = this.clock().toISOString()
      await manager.getRepository(AttachmentEntity).save(row)
      await recordAudit(manager, ctx, [auditOf(row, 'detach')])
      return { id }
    })
  }

  /** The bytes, for opening or downloading; each time recorded in the owner's history as seen. */
  async content(id: number, ctx: CallContext): Promise<AttachmentContent> {
    const row = await this.liveRow(this.db.manager, id)
    requireSee(row.ownerKind, ctx)
    const bytes = this.blobs.read(row.sha256)
    if (!bytes)
      throw new DomainError('internal', 'attachments.errors.unavailable', [
        { path: [], messageKey: 'attachments.errors.damaged', params: { name: row.fileName } },
      ])
    await transaction(this.db, (manager) => recordAudit(manager, ctx, [auditOf(row, 'reveal')]))
    return { fileName: row.fileName, mediaType: row.mediaType, base64: bytes.toString('base64') }
  }

  /** Every SHA-256 a row names, deleted rows included: what backups carry and collection keeps. */
  async referenced(manager: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows: { sha256: string }[] = await manager
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .select('DISTINCT a.sha256', 'sha256')
      .getRawMany()
    return new Set(rows.map((row) => row.sha256))
  }

  /**
   * Takes into the store the bytes a backup file carries inside (`attachment_blobs`), when that
   * file became the working database some other way than a restore: copied over akimat.sqlite
   * by hand. Each that hashes to its name is written to the store, then the table is emptied, as
   * a restore leaves it. Without this those files would not open, and every later backup would
   * fail on them. Bytes that do not match their name are dropped (the files then read as
   * damaged, as a lost one does). Returns how many rows were there.
   */
  async adoptPacked(): Promise<number> {
    const names: { sha256: string }[] = await this.db.query('SELECT sha256 FROM attachment_blobs')
    if (names.length === 0) return 0
    const select = `SELECT content FROM attachment_blobs WHERE sha256 = ${parameter(this.db, 0)}`
    for (const { sha256 } of names) {
      if (this.blobs.has(sha256)) continue
      // one at a time: a year's scans need not fit in memory
      const [row]: { content: Buffer }[] = await this.db.query(select, [sha256])
      if (row && sha256Of(row.content) === sha256) this.blobs.putAs(sha256, row.content)
    }
    await this.db.query('DELETE FROM attachment_blobs')
    return names.length
  }

  /**
   * Removes blobs no row refers to (written for an add that then failed, or left by a restore
   * of a database that never had them), and what killed writes left; see BlobStore.collect.
   */
  async collect(graceMs = COLLECT_GRACE_MS): Promise<number> {
    return this.blobs.collect(await this.referenced(), graceMs)
  }

  private async liveRow(manager: EntityManager, id: number): Promise<AttachmentRow> {
    const row = await manager.getRepository(AttachmentEntity).findOne({ where: { id } })
    if (!row || row.deletedAt !== null) throw new DomainError('not_found', 'attachments.errors.notFound')
    return row
  }

  private async requireOwner(manager: EntityManager, kind: AttachmentOwnerKind, id: number): Promise<void> {
    const entity = kind === 'appeal' ? AppealEntity : ReportMeetingEntity
    if (!(await manager.getRepository(entity).exist({ where: { id } })))
      throw new DomainError('not_found', kind === 'appeal' ? 'errors.appealNotFound' : 'errors.meetingNotFound')
  }
}

function attachmentOf(row: AttachmentRow): Attachment {
  const { id, ownerKind, ownerId, fileName, mediaType, sizeBytes, sha256, addedBy, addedAt } = row
  return { id, ownerKind, ownerId, fileName, mediaType, sizeBytes, sha256, addedBy, addedAt }
}

/** The owner's history entry: which file (never its content), by name, size and hash (a package import writes it too). */
export function auditOf(row: AttachmentRow, action: 'attach' | 'detach' | 'reveal'): AuditChange {
  return {
    entity: row.ownerKind,
    entityId: String(row.ownerId),
    action,
    field: 'attachment',
    oldValue: null,
    newValue: JSON.stringify({ id: row.id, fileName: row.fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 }),
  }
}
