import type { EntityManager } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import { AttachmentEntity, type AppealRow, type AttachmentRow } from '../db/entities'
import type { AuditChange } from '../services/audit'
import { auditOf } from '../services/attachments/AttachmentService'
import type { BlobStore } from '../services/attachments/blobStore'
import { refused } from './codec'
import type { PackageAttachment, PackageDocument } from './format'
import { rowsWhereIn } from './refs'

/**
 * The live files attached to the package's appeals, with their bytes read from the store and
 * checked against their hash. A file the store lacks or holds damaged fails the export, naming
 * it, as a backup does: a package that silently lost a scan would look whole at the district.
 * Deleted attachments stay behind (the district never had them, and their history is this office's).
 */
export async function packageAttachments(
  manager: EntityManager,
  blobs: BlobStore,
  appeals: Pick<AppealRow, 'id' | 'uuid'>[],
): Promise<PackageAttachment[]> {
  const uuids = new Map(appeals.map((a) => [a.id, a.uuid]))
  const rows = (await rowsWhereIn(manager, AttachmentEntity, 'ownerId', uuids.keys()))
    .filter((row) => row.ownerKind === 'appeal' && row.deletedAt === null && row.originOfficeUuid === null)
    .sort((a, b) => a.id - b.id)
  return rows.map((row) => {
    const bytes = blobs.read(row.sha256)
    if (!bytes)
      throw new DomainError('validation', 'errors.validation', [
        { path: ['file'], messageKey: 'attachments.errors.damaged', params: { count: 1, name: row.fileName } },
      ])
    return {
      uuid: row.uuid,
      appealUuid: uuids.get(row.ownerId)!,
      fileName: row.fileName,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      addedBy: row.addedBy,
      addedAt: row.addedAt,
      base64: bytes.toString('base64'),
    }
  })
}

/**
 * Writes the package's attachment bytes to the store: after the package was checked whole
 * (codec.ts, every blob against its hash) and before the import's transaction, never inside it,
 * as attachments.add does. A blob already there is kept (same name, same bytes); one written for
 * an import that is then refused is collected at a later start, as an add's is.
 */
export function storeAttachmentBlobs(blobs: BlobStore, document: PackageDocument): void {
  for (const attachment of document.attachments)
    if (!blobs.has(attachment.sha256)) blobs.putAs(attachment.sha256, Buffer.from(attachment.base64, 'base64'))
}

/**
 * Links the package's attachments to the appeals here, inside the import's transaction, once
 * each: an attachment is known by its UUID, so the same package again (or a later one still
 * carrying it) adds nothing. Each new one is an `attach` entry in its appeal's history.
 */
export async function mergeAttachments(
  manager: EntityManager,
  document: PackageDocument,
  appealIds: Map<string, number>,
  changes: AuditChange[],
): Promise<number> {
  const officeUuid = document.office.uuid
  const here = new Map(
    (
      await rowsWhereIn(
        manager,
        AttachmentEntity,
        'uuid',
        document.attachments.map((a) => a.uuid),
      )
    ).map((row) => [row.uuid, row]),
  )
  let added = 0
  for (const attachment of document.attachments) {
    const row = here.get(attachment.uuid)
    if (row) {
      // this office's own file, or another office's, under the same UUID: a copied database
      if (row.originOfficeUuid !== officeUuid) throw refused('recordClash')
      continue
    }
    const { uuid, fileName, mediaType, sizeBytes, sha256, addedBy, addedAt } = attachment
    const values: Omit<AttachmentRow, 'id'> = {
      uuid,
      ownerKind: 'appeal',
      ownerId: appealIds.get(attachment.appealUuid)!,
      fileName,
      mediaType,
      sizeBytes,
      sha256,
      addedBy,
      addedAt,
      deletedBy: null,
      deletedAt: null,
      originOfficeUuid: officeUuid,
    }
    const id = Number((await manager.insert(AttachmentEntity, values)).identifiers[0]!.id)
    changes.push(auditOf({ ...values, id }, 'attach'))
    added++
  }
  return added
}
