import type { DataSource, EntityManager } from 'typeorm'
import type { ApiParsedInput, UserAccount } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { UserEntity, type UserRow } from '../../db/entities'
import { recordAudit } from '../audit'
import type { CallContext, Clock } from '../context'
import { accountEntry, checkStaffLink, getAccount, toAccount, toCallUser } from './accounts'
import type { AuthService } from './AuthService'
import { hashSecret } from './password'
import type { SessionStore } from './sessions'
import { transaction } from '../../db/transaction'

/**
 * Accounts as an administrator manages them (Settings → Users, and the CLI): add, change the
 * name, role or staff link, reset a password, deactivate. Accounts are never deleted, so the
 * history keeps naming their holders. The office always keeps an active administrator.
 */
export class UserService {
  constructor(
    private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<UserAccount[]> {
    const rows = await this.db.getRepository(UserEntity).find({ order: { active: 'DESC', fullName: 'ASC' } })
    const now = this.clock()
    return rows.map((row) => toAccount(row, now))
  }

  async findByUsername(username: string): Promise<UserAccount | null> {
    const row = await this.db
      .getRepository(UserEntity)
      .findOne({ where: { usernameKey: username.trim().toLowerCase() } })
    return row ? toAccount(row, this.clock()) : null
  }

  async create(input: ApiParsedInput<'users.create'>, ctx: CallContext): Promise<UserAccount> {
    const passwordHash = await hashSecret(input.password)
    return transaction(this.db, async (manager) => {
      await checkStaffLink(manager, input.staffId)
      const { firstPassword, ...fields } = input
      const row = await this.auth.insert(manager, { ...fields, passwordHash })
      if (firstPassword) await this.auth.firstPasswords.add(row.id, manager)
      await recordAudit(manager, ctx, [
        accountEntry(row.id, 'create', null, null, {
          username: row.username,
          fullName: row.fullName,
          role: row.role,
          staffId: row.staffId,
        }),
      ])
      return toAccount(row, this.clock())
    })
  }

  async update(input: ApiParsedInput<'users.update'>, ctx: CallContext): Promise<UserAccount> {
    const row = await transaction(this.db, async (manager) => {
      const before = await getAccount(manager, input.id)
      await checkStaffLink(manager, input.staffId)
      if (before.role === 'administrator' && input.role !== 'administrator') {
        await this.keepAnAdministrator(manager, before.id, ['role'])
      }
      const after: UserRow = { ...before, ...input, updatedAt: this.clock().toISOString() }
      const changes = (['fullName', 'role', 'staffId'] as const)
        .filter((field) => before[field] !== after[field])
        .map((field) => accountEntry(before.id, 'update', field, before[field], after[field]))
      if (changes.length > 0) {
        await manager.getRepository(UserEntity).save(after)
        await recordAudit(manager, ctx, changes)
      }
      return after
    })
    // A new role or name applies to the account's sessions from their next call.
    this.sessions.refresh((user) => (user.id === row.id ? toCallUser(row) : user))
    return toAccount(row, this.clock())
  }

  /** A new password set by an administrator: the account's sessions end and any lockout is lifted. */
  async resetPassword(input: ApiParsedInput<'users.resetPassword'>, ctx: CallContext): Promise<UserAccount> {
    const passwordHash = await hashSecret(input.password)
    const row = await transaction(this.db, async (manager) => {
      const before = await getAccount(manager, input.id)
      const now = this.clock().toISOString()
      const after: UserRow = {
        ...before,
        passwordHash,
        failedAttempts: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        updatedAt: now,
      }
      await manager.getRepository(UserEntity).save(after)
      await recordAudit(manager, ctx, [accountEntry(before.id, 'password_reset', 'password')])
      return after
    })
    this.sessions.endForUser(row.id)
    return toAccount(row, this.clock())
  }

  /** Deactivated, not deleted: the account cannot sign in, its sessions end, its name stays in the history. */
  async deactivate(id: number, ctx: CallContext): Promise<UserAccount> {
    const row = await transaction(this.db, async (manager) => {
      const before = await getAccount(manager, id)
      if (!before.active) return before
      if (before.role === 'administrator') await this.keepAnAdministrator(manager, before.id, ['id'])
      const after: UserRow = { ...before, active: false, updatedAt: this.clock().toISOString() }
      await manager.getRepository(UserEntity).save(after)
      await recordAudit(manager, ctx, [accountEntry(before.id, 'deactivate', 'active', true, false)])
      return after
    })
    this.sessions.endForUser(row.id)
    return toAccount(row, this.clock())
  }

  /** Refuses a change that would leave no active administrator (no one could manage accounts). */
  private async keepAnAdministrator(manager: EntityManager, leaving: number, path: string[]): Promise<void> {
    const administrators = await manager
      .getRepository(UserEntity)
      .count({ where: { role: 'administrator', active: true } })
    const leavingIsActive = await manager.getRepository(UserEntity).exists({ where: { id: leaving, active: true } })
    if (administrators - (leavingIsActive ? 1 : 0) < 1) {
      throw new DomainError('conflict', 'errors.validation', [{ path, messageKey: 'validation.lastAdministrator' }])
    }
  }
}
