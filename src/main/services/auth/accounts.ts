import type { EntityManager } from 'typeorm'
import type { UserAccount } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { StaffEntity, UserEntity, type UserRow } from '../../db/entities'
import type { AuditChange } from '../audit'
import type { CallUser } from '../context'

/** Account rows and their views, shared by the sign-in and the account-management services. */

export const usernameKey = (username: string): string => username.trim().toLowerCase()

export const toCallUser = ({ id, username, fullName, role, staffId }: UserRow): CallUser => ({
  id,
  username,
  fullName,
  role,
  staffId,
})

/** What the API shows of an account: never its hashes or counters. */
export const toAccount = (row: UserRow, now: Date): UserAccount => ({
  ...toCallUser(row),
  active: row.active,
  createdAt: row.createdAt,
  lockedUntil: row.lockedUntil && row.lockedUntil > now.toISOString() ? row.lockedUntil : null,
})

export const findByUsername = (manager: EntityManager, username: string): Promise<UserRow | null> =>
  manager.getRepository(UserEntity).findOne({ where: { usernameKey: usernameKey(username) } })

export async function getAccount(manager: EntityManager, id: number): Promise<UserRow> {
  const row = await manager.getRepository(UserEntity).findOne({ where: { id } })
  if (!row) throw new DomainError('not_found', 'errors.userNotFound')
  return row
}

export async function countUsers(manager: EntityManager): Promise<number> {
  return manager.getRepository(UserEntity).count()
}

/** A staff link must name someone on the staff list. */
export async function checkStaffLink(manager: EntityManager, staffId: number | null): Promise<void> {
  if (staffId === null) return
  if (!(await manager.getRepository(StaffEntity).exists({ where: { id: staffId } }))) {
    throw new DomainError('validation', 'errors.validation', [
      { path: ['staffId'], messageKey: 'validation.staffUnknown' },
    ])
  }
}

/** A username already taken (in any letter case) is refused on its field. */
export async function checkUsernameFree(manager: EntityManager, username: string, path: string[]): Promise<void> {
  if (await findByUsername(manager, username)) {
    throw new DomainError('conflict', 'errors.validation', [{ path, messageKey: 'validation.usernameTaken' }])
  }
}

/** An account event in the history: the account's id, what happened, and optionally what it concerned. */
export const accountEntry = (
  userId: number | string,
  action: AuditChange['action'],
  field: string | null = null,
  oldValue: unknown = null,
  newValue: unknown = null,
): AuditChange => ({
  entity: 'user',
  entityId: String(userId),
  action,
  field,
  oldValue: oldValue === null ? null : JSON.stringify(oldValue),
  newValue: newValue === null ? null : JSON.stringify(newValue),
})
