import { Table, TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * Accounts: who may sign in, with which role. A new table only (no existing row changes): an
 * office upgraded from before sign-in keeps its staff list and history, and its first start
 * asks for an administrator (no account exists yet). `username_key` is the username folded to
 * lower case, unique, so "Aigul" and "aigul" cannot both exist. Accounts are deactivated, never
 * deleted: audit entries name people by their full name, which stays. `password_hash` holds
 * the scrypt parameters with the salt and hash (services/auth/password.ts); the recovery code
 * is kept only as such a hash too.
 */
export const users: Migration = {
  version: 8,
  name: 'users',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'username', type: 'varchar', length: '50' },
          { name: 'username_key', type: 'varchar', length: '50', isUnique: true },
          { name: 'full_name', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'staff_id', type: 'integer', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '200' },
          { name: 'recovery_hash', type: 'varchar', length: '200', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'failed_attempts', type: 'integer', default: 0 },
          { name: 'locked_until', type: 'varchar', length: '32', isNullable: true },
          { name: 'password_changed_at', type: 'varchar', length: '32' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['staff_id'],
            referencedTableName: 'staff',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [new TableIndex({ name: 'idx_users_staff', columnNames: ['staff_id'] })],
      }),
    )
  },
}
