import { Table, TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * Files attached to an appeal or a report meeting (scanned letters, photos, answer PDFs). The
 * bytes live outside the database, in the `attachments` folder, named by their SHA-256; a row
 * links one attachment to its owner (kind + id: no foreign key, the owner is one of two tables)
 * and to those bytes. A deletion is soft (`deleted_at`, `deleted_by`): the history names the
 * file, and its bytes stay while a row refers to them.
 *
 * `attachment_blobs` is empty in a working database: a backup file carries the bytes of every
 * referenced attachment there, so one file (encrypted whole when it leaves the data folder) is
 * the whole backup, and a restore takes the bytes back out, checking each against its hash.
 * It is created here so that a backup and the database it came from have the same tables.
 */
export const attachments: Migration = {
  version: 18,
  name: 'attachments',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'attachments',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'uuid', type: 'varchar', length: '36', isUnique: true },
          { name: 'owner_kind', type: 'varchar', length: '16' },
          { name: 'owner_id', type: 'integer' },
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'media_type', type: 'varchar', length: '64' },
          { name: 'size_bytes', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'added_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'added_at', type: 'varchar', length: '32' },
          { name: 'deleted_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'deleted_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'origin_office_uuid', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_attachments_owner', columnNames: ['owner_kind', 'owner_id'] }),
          new TableIndex({ name: 'idx_attachments_sha256', columnNames: ['sha256'] }),
        ],
      }),
    )
    const bytes = qr.connection.options.type === 'postgres' ? 'bytea' : 'blob'
    await qr.createTable(
      new Table({
        name: 'attachment_blobs',
        columns: [
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
          { name: 'content', type: bytes },
        ],
      }),
    )
  },
}
