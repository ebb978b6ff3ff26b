import type { DataSource, EntityManager } from 'typeorm'
import type { ApiParsedInput, AuthPolicy, AuthStatus, SetupDone, SignedIn } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { StaffEntity, UserEntity, type UserRow } from '../../db/entities'
import { recordAudit, type AuditChange } from '../audit'
import type { CallContext, CallUser, Clock } from '../context'
import type { OfficeService } from '../office'
import type { SettingsStore } from '../settingsStore'
import { beginSetupWizard } from '../setupWizard'
import { FirstPasswords } from './firstPasswords'
import {
  accountEntry,
  checkStaffLink,
  checkUsernameFree,
  countUsers,
  findByUsername,
  getAccount,
  toCallUser,
  usernameKey,
} from './accounts'
import { decoyHash, hashSecret, newRecoveryCode, normalizeRecoveryCode, verifySecret } from './password'
import type { SessionStore } from './sessions'
import { transaction } from '../../db/transaction'
import { parameter, updatedRows } from '../../db/dialect'

/** Wrong passwords in a row that lock a username, and for how long. */
export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 5
export const DEFAULT_IDLE_LOCK_MINUTES = 15
const POLICY_KEY = 'auth.policy'

const wrongCredentials = () => new DomainError('validation', 'errors.wrongCredentials')
const lockedOut = (minutes: number) =>
  new DomainError('validation', 'errors.accountLocked', [
    { path: ['username'], messageKey: 'validation.accountLocked', params: { minutes } },
  ])

/** The context of an account's own event: it is the operator of its sign-in, sign-out, … */
const asAccount = (ctx: CallContext, row: UserRow): CallContext => ({
  ...ctx,
  user: toCallUser(row),
  operator: row.fullName,
  operatorId: row.staffId,
})

/**
 * Sign-in and the first run: the first administrator, sign-in with lockout after wrong
 * passwords, the idle lock, sign-out, one's own password, the administrator's recovery code.
 * Each event goes into the history. Password checks (scrypt, ~0.1 s) run before the
 * transaction that records their outcome, never inside it.
 */
export class AuthService {
  private idleMinutes = DEFAULT_IDLE_LOCK_MINUTES
  private setupNeeded = true
  readonly firstPasswords: FirstPasswords

  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsStore,
    private readonly office: OfficeService,
    readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {
    this.firstPasswords = new FirstPasswords(settings)
  }

  /** Reads the policy and whether any account exists (at start, and after a restore). */
  async load(): Promise<void> {
    const policy = await this.settings.get<Partial<AuthPolicy>>(POLICY_KEY)
    this.idleMinutes = policy?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES
    this.setupNeeded = (await countUsers(this.db.manager)) === 0
    // A restored file may hold other accounts: a session keeps only an active account of the same name.
    const rows = await this.db.getRepository(UserEntity).find()
    const byId = new Map(rows.map((row) => [row.id, row]))
    this.sessions.refresh((user) => {
      const row = byId.get(user.id)
      return row?.active && row.usernameKey === usernameKey(user.username) ? toCallUser(row) : null
    })
  }

  get idleLockMs(): number {
    return this.idleMinutes * 60_000
  }

  async status(ctx: CallContext): Promise<AuthStatus> {
    // Asking is not activity: the page polls this to show the idle lock in time.
    const lookup = this.sessions.lookup(ctx.session, this.clock(), this.idleLockMs, false)
    const staff = this.setupNeeded
      ? await this.db.getRepository(StaffEntity).find({ where: { active: true }, order: { fullName: 'ASC' } })
      : []
    const user = lookup.state === 'none' ? null : lookup.user
    return {
      setupNeeded: this.setupNeeded,
      user,
      locked: lookup.state === 'locked',
      lockedByHand: lookup.state === 'locked' && lookup.byHand,
      idleLockMinutes: this.idleMinutes,
      setupStaff: staff.map(({ id, fullName }) => ({ id, fullName })),
      ...(user && (await this.firstPasswords.has(user.id)) ? { passwordChangeNeeded: true as const } : {}),
    }
  }

  /** The first run: the office's identity and its first administrator, only while no account exists. */
  async setup(input: ApiParsedInput<'auth.setup'>, ctx: CallContext): Promise<SetupDone> {
    if (!this.setupNeeded) throw new DomainError('conflict', 'errors.setupDone')
    const passwordHash = await hashSecret(input.admin.password)
    const recoveryCode = newRecoveryCode()
    const recoveryHash = await hashSecret(normalizeRecoveryCode(recoveryCode))
    const row = await transaction(this.db, async (manager) => {
      if ((await countUsers(manager)) > 0) throw new DomainError('conflict', 'errors.setupDone')
      await checkStaffLink(manager, input.admin.staffId)
      const created = await this.insert(manager, { ...input.admin, role: 'administrator', passwordHash, recoveryHash })
      const actor = asAccount(ctx, created)
      await this.office.update(input.office, actor, manager)
      await beginSetupWizard(this.settings, manager)
      await recordAudit(manager, actor, [
        accountEntry(created.id, 'create', null, null, { username: created.username, role: created.role }),
        accountEntry(created.id, 'sign_in'),
      ])
      return created
    })
    this.setupNeeded = false
    return { ...this.signIn(row), recoveryCode }
  }

  /** Writes a new account (the caller checks the staff link and records the history). */
  async insert(
    manager: EntityManager,
    fields: Pick<UserRow, 'username' | 'fullName' | 'role' | 'staffId' | 'passwordHash'> & { recoveryHash?: string },
  ): Promise<UserRow> {
    await checkUsernameFree(manager, fields.username, ['username'])
    const now = this.clock().toISOString()
    const row = await manager.getRepository(UserEntity).save({
      ...fields,
      username: fields.username.trim(),
      usernameKey: usernameKey(fields.username),
      recoveryHash: fields.recoveryHash ?? null,
      active: true,
      failedAttempts: 0,
      lockedUntil: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    this.setupNeeded = false
    return row
  }

  async login(input: ApiParsedInput<'auth.login'>, ctx: CallContext): Promise<SignedIn> {
    const row = await findByUsername(this.db.manager, input.username)
    if (!row || !row.active) {
      await verifySecret(input.password, await decoyHash())
      await this.record(ctx, [
        accountEntry(row?.id ?? '', 'sign_in_failed', 'username', null, input.username.slice(0, 50)),
      ])
      throw wrongCredentials()
    }
    await this.checkPassword(row, input.password, ctx)
    await this.record(asAccount(ctx, row), [accountEntry(row.id, 'sign_in')])
    if (!(await this.firstPasswords.has(row.id))) return this.signIn(row)
    return { ...this.signIn(row, { passwordChangeNeeded: true }), passwordChangeNeeded: true }
  }

  /** The password again after the idle lock: the same session goes on, the page is kept. */
  async unlock(input: ApiParsedInput<'auth.unlock'>, ctx: CallContext): Promise<SignedIn> {
    const user = this.sessions.userOf(ctx.session)
    if (!user || !ctx.session) throw new DomainError('signed_out', 'errors.signed_out')
    const row = await getAccount(this.db.manager, user.id)
    await this.checkPassword(row, input.password, ctx)
    this.sessions.unlock(ctx.session, this.clock())
    return { user: toCallUser(row) }
  }

  /** The desk locked from the menu by the one stepping away from it; the page stays under the lock. */
  async lock(ctx: CallContext): Promise<{ locked: boolean }> {
    return { locked: this.sessions.lock(ctx.session) }
  }

  async logout(ctx: CallContext): Promise<{ signedOut: boolean }> {
    const user = this.sessions.userOf(ctx.session)
    if (!user || !ctx.session) return { signedOut: false }
    this.sessions.end(ctx.session)
    await this.record({ ...ctx, user, operator: user.fullName, operatorId: user.staffId }, [
      accountEntry(user.id, 'sign_out'),
    ])
    return { signedOut: true }
  }

  /** One's own password: the current one is checked (wrong ones count towards the lockout); other sessions end. */
  async changePassword(input: ApiParsedInput<'auth.changePassword'>, ctx: CallContext): Promise<SignedIn> {
    const row = await getAccount(this.db.manager, ctx.user!.id)
    await this.checkPassword(row, input.currentPassword, ctx)
    const passwordHash = await hashSecret(input.newPassword)
    await transaction(this.db, async (manager) => {
      const now = this.clock().toISOString()
      await manager.getRepository(UserEntity).update(row.id, { passwordHash, passwordChangedAt: now, updatedAt: now })
      await this.firstPasswords.remove(row.id, manager)
      await recordAudit(manager, ctx, [accountEntry(row.id, 'update', 'password')])
    })
    this.sessions.endForUser(row.id, ctx.session)
    this.sessions.ownPasswordChosen(ctx.session)
    return { user: toCallUser(row) }
  }

  /**
   * An administrator who forgot their password, offline: the recovery code shown at setup sets a
   * new password. The code works once: a new one is shown. Wrong codes count towards the lockout.
   */
  async recover(input: ApiParsedInput<'auth.recover'>, ctx: CallContext): Promise<SetupDone> {
    const row = await findByUsername(this.db.manager, input.username)
    if (!row || !row.active || row.role !== 'administrator' || !row.recoveryHash) {
      await verifySecret(input.recoveryCode, await decoyHash())
      throw new DomainError('validation', 'errors.wrongRecoveryCode')
    }
    await this.checkSecret(
      row,
      normalizeRecoveryCode(input.recoveryCode),
      row.recoveryHash,
      ctx,
      'errors.wrongRecoveryCode',
    )
    const passwordHash = await hashSecret(input.newPassword)
    const recoveryCode = newRecoveryCode()
    const recoveryHash = await hashSecret(normalizeRecoveryCode(recoveryCode))
    await transaction(this.db, async (manager) => {
      const now = this.clock().toISOString()
      await manager
        .getRepository(UserEntity)
        .update(row.id, { passwordHash, recoveryHash, passwordChangedAt: now, updatedAt: now })
      await recordAudit(manager, asAccount(ctx, row), [
        accountEntry(row.id, 'password_reset', 'recoveryCode'),
        accountEntry(row.id, 'sign_in'),
      ])
    })
    this.sessions.endForUser(row.id)
    return { ...this.signIn(row), recoveryCode }
  }

  async updatePolicy(input: AuthPolicy, ctx: CallContext): Promise<AuthPolicy> {
    await transaction(this.db, async (manager) => {
      await this.settings.set(POLICY_KEY, input, manager)
      await recordAudit(manager, ctx, [
        {
          entity: 'settings',
          entityId: POLICY_KEY,
          action: 'update',
          field: 'idleLockMinutes',
          oldValue: JSON.stringify(this.idleMinutes),
          newValue: JSON.stringify(input.idleLockMinutes),
        },
      ])
    })
    this.idleMinutes = input.idleLockMinutes
    return input
  }

  /** A call refused for lack of permission: who tried which method. */
  forbidden(method: string, ctx: CallContext & { user: CallUser }): Promise<void> {
    return this.record(ctx, [accountEntry(ctx.user.id, 'forbidden', method)])
  }

  private signIn(row: UserRow, options?: { passwordChangeNeeded: boolean }): SignedIn {
    const user = toCallUser(row)
    return { user, session: this.sessions.start(user, this.clock(), options) }
  }

  private checkPassword(row: UserRow, password: string, ctx: CallContext): Promise<void> {
    return this.checkSecret(row, password, row.passwordHash, ctx, 'errors.wrongCredentials')
  }

  /**
   * Checks a secret against the account, keeping count: the 5th wrong one in a row locks the
   * username for 5 minutes, during which even the right one is refused. Each failure and the
   * lockout are recorded; success clears the count.
   */
  private async checkSecret(
    row: UserRow,
    secret: string,
    hash: string,
    ctx: CallContext,
    wrongKey: string,
  ): Promise<void> {
    const now = this.clock()
    const actor = asAccount(ctx, row)
    const refuseLocked = async (until: string): Promise<never> => {
      await this.record(actor, [accountEntry(row.id, 'sign_in_failed', 'lockedUntil', null, until)])
      throw lockedOut(Math.ceil((Date.parse(until) - now.getTime()) / 60_000))
    }
    const holds = (until: string | null): until is string => until !== null && until > now.toISOString()
    if (holds(row.lockedUntil)) return refuseLocked(row.lockedUntil)
    if (await verifySecret(secret, hash)) {
      // Checking takes a tenth of a second: another attempt may have locked the account meanwhile.
      const fresh = await getAccount(this.db.manager, row.id)
      if (holds(fresh.lockedUntil)) return refuseLocked(fresh.lockedUntil)
      if (fresh.failedAttempts > 0 || fresh.lockedUntil) {
        await this.db.getRepository(UserEntity).update(row.id, { failedAttempts: 0, lockedUntil: null })
      }
      return
    }
    // Counted by the database, one statement per attempt, and only while the account is not
    // locked: attempts checked side by side (the office server answers calls concurrently)
    // each add one, so guessing in parallel is no faster than guessing in turn.
    const counted = await transaction(this.db, async (manager) => {
      const p = (i: number) => parameter(manager.connection, i)
      const [counting] = updatedRows<{ failed_attempts: number }>(
        await manager.query(
          `UPDATE users SET failed_attempts = failed_attempts + 1
         WHERE id = ${p(0)} AND (locked_until IS NULL OR locked_until <= ${p(1)})
         RETURNING failed_attempts`,
          [row.id, now.toISOString()],
        ),
      )
      if (!counting) return null // locked by a concurrent attempt
      const failed = Number(counting.failed_attempts)
      const locks = failed >= MAX_FAILED_ATTEMPTS
      const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null
      if (locks) await manager.getRepository(UserEntity).update(row.id, { failedAttempts: 0, lockedUntil })
      await recordAudit(manager, actor, [
        accountEntry(row.id, 'sign_in_failed', 'failedAttempts', null, failed),
        ...(locks ? [accountEntry(row.id, 'locked_out', 'lockedUntil', null, lockedUntil)] : []),
      ])
      return { locks }
    })
    if (!counted) {
      const fresh = await getAccount(this.db.manager, row.id)
      return refuseLocked(fresh.lockedUntil ?? now.toISOString())
    }
    const { locks } = counted
    if (locks) {
      this.sessions.endForUser(row.id)
      throw lockedOut(LOCKOUT_MINUTES)
    }
    throw new DomainError('validation', wrongKey)
  }

  private record(ctx: CallContext, changes: AuditChange[]): Promise<void> {
    return transaction(this.db, async (manager) => {
      await recordAudit(manager, ctx, changes)
    })
  }
}
