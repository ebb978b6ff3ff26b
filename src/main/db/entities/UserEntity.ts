import { EntitySchema } from 'typeorm'
import type { Role } from '@shared/auth/roles'
import { idColumn, timestampColumn } from './columns'

/** An account (migration 0008). The password and recovery hashes never leave the auth services. */
export interface UserRow {
  id: number
  username: string
  /** The username in lower case: unique, what sign-in looks up. */
  usernameKey: string
  fullName: string
  role: Role
  staffId: number | null
  passwordHash: string
  recoveryHash: string | null
  active: boolean
  failedAttempts: number
  lockedUntil: string | null
  passwordChangedAt: string
  createdAt: string
  updatedAt: string
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: idColumn,
    username: { type: 'varchar', length: 50 },
    usernameKey: { type: 'varchar', length: 50, name: 'username_key', unique: true },
    fullName: { type: 'varchar', length: 200, name: 'full_name' },
    role: { type: 'varchar', length: 20 },
    staffId: { type: 'integer', name: 'staff_id', nullable: true },
    passwordHash: { type: 'varchar', length: 200, name: 'password_hash' },
    recoveryHash: { type: 'varchar', length: 200, name: 'recovery_hash', nullable: true },
    active: { type: 'boolean', default: true },
    failedAttempts: { type: 'integer', name: 'failed_attempts', default: 0 },
    lockedUntil: { type: 'varchar', length: 32, name: 'locked_until', nullable: true },
    passwordChangedAt: timestampColumn('password_changed_at'),
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
  },
})
