import { EntitySchema } from 'typeorm'
import type { AttachmentMediaType, AttachmentOwnerKind } from '@shared/domain/attachment'
import { idColumn, nameColumn, timestampColumn } from './columns'

/** A file attached to an appeal or a meeting; its bytes are in the attachments folder under `sha256` (migration 0018). */
export interface AttachmentRow {
  id: number
  uuid: string
  ownerKind: AttachmentOwnerKind
  ownerId: number
  fileName: string
  mediaType: AttachmentMediaType
  sizeBytes: number
  sha256: string
  addedBy: string | null
  addedAt: string
  /** Set by a deletion (soft: the row and the bytes stay, the history names them). */
  deletedBy: string | null
  deletedAt: string | null
  /** Set on attachments that came in a package from another office (okrug → district). */
  originOfficeUuid: string | null
}

export const AttachmentEntity = new EntitySchema<AttachmentRow>({
  name: 'Attachment',
  tableName: 'attachments',
  columns: {
    id: idColumn,
    uuid: { type: 'varchar', length: 36, unique: true },
    ownerKind: { type: 'varchar', length: 16, name: 'owner_kind' },
    ownerId: { type: 'integer', name: 'owner_id' },
    fileName: { type: 'varchar', length: 255, name: 'file_name' },
    mediaType: { type: 'varchar', length: 64, name: 'media_type' },
    sizeBytes: { type: 'integer', name: 'size_bytes' },
    sha256: { type: 'varchar', length: 64 },
    addedBy: nameColumn('added_by', true),
    addedAt: timestampColumn('added_at'),
    deletedBy: nameColumn('deleted_by', true),
    deletedAt: { ...timestampColumn('deleted_at'), nullable: true },
    originOfficeUuid: { type: 'varchar', length: 36, name: 'origin_office_uuid', nullable: true },
  },
})
