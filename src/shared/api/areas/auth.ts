import { z } from 'zod'
import { ROLES, type Role } from '../../auth/roles'
import { entityId, optionalId, requiredText } from '../fields'
import { officeInput } from './catalogs'

/** Accounts, sign-in and sessions: the contract's inputs and outputs. */

/** Latin letters, digits, dot, dash, underscore: typed the same on any keyboard layout. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,50}$/
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 200
/** The idle lock's range in minutes (a minute for a test up to a working day). */
export const IDLE_LOCK_MIN = 1
export const IDLE_LOCK_MAX = 480

const username = z
  .string({ error: 'validation.required' })
  .trim()
  .regex(USERNAME_PATTERN, { error: 'validation.username' })
/** A password is never trimmed: spaces are part of it. */
const newPassword = z
  .string({ error: 'validation.required' })
  .min(PASSWORD_MIN, { error: 'validation.passwordShort' })
  .max(PASSWORD_MAX, { error: 'validation.tooLong' })
/** Typed at sign-in: checked against the account, not against the rules for new values. */
const given = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(PASSWORD_MAX, { error: 'validation.tooLong' })
const role = z.enum(ROLES, { error: 'validation.invalidOption' })
const fullName = requiredText(200)

export const loginInput = z.object({ username: given, password: given }).strict()
export const unlockInput = z.object({ password: given }).strict()
export const changePasswordInput = z.object({ currentPassword: given, newPassword }).strict()
export const recoverInput = z.object({ username: given, recoveryCode: given, newPassword }).strict()

export const newAccountFields = { username, fullName, staffId: optionalId, password: newPassword }
export const setupInput = z.object({ office: officeInput, admin: z.object(newAccountFields).strict() }).strict()

export const createUserInput = z
  .object({
    ...newAccountFields,
    role,
    /** The password is a first one the administrator tells the person: they choose their own at sign-in. */
    firstPassword: z.boolean().default(false),
  })
  .strict()
export const updateUserInput = z.object({ id: entityId, fullName, role, staffId: optionalId }).strict()
export const resetPasswordInput = z.object({ id: entityId, password: newPassword }).strict()
export const authPolicyInput = z
  .object({
    idleLockMinutes: z
      .number({ error: 'validation.required' })
      .int()
      .min(IDLE_LOCK_MIN, { error: 'validation.tooSmall' })
      .max(IDLE_LOCK_MAX, { error: 'validation.tooBig' }),
  })
  .strict()

/** The signed-in person as the UI sees them. */
export interface SignedInUser {
  id: number
  username: string
  fullName: string
  role: Role
  staffId: number | null
}

export interface AuthStatus {
  /** No account exists yet (a new data folder, or an office upgraded from before sign-in). */
  setupNeeded: boolean
  /** Who this door's session belongs to; null when not signed in. */
  user: SignedInUser | null
  /** The session is idle past the limit, or was locked from the menu: the password is asked again, the page is kept. */
  locked: boolean
  /** Locked from the menu rather than by the idle limit (the lock screen says which). */
  lockedByHand: boolean
  idleLockMinutes: number
  /** Only while setupNeeded: the staff list to link the first administrator to. */
  setupStaff: { id: number; fullName: string }[]
  /** The signed-in account still has the first password an administrator gave it (absent otherwise). */
  passwordChangeNeeded?: true
}

/**
 * A session begun. `session` is the token a programmatic client sends as
 * `Authorization: Bearer …`; the doors keep it themselves for the browser page (an HttpOnly
 * cookie) and the desktop window (the main process), and take it out of the answer.
 */
export interface SignedIn {
  user: SignedInUser
  session?: string
  /** Signed in with a first password an administrator gave: the page asks for the person's own (absent otherwise). */
  passwordChangeNeeded?: true
}

export interface SetupDone extends SignedIn {
  /** Shown once: lets an administrator reset their own password offline. Only its hash is kept. */
  recoveryCode: string
}

export interface UserAccount extends SignedInUser {
  active: boolean
  createdAt: string
  /** While a lockout after wrong passwords lasts: its end (UTC instant). */
  lockedUntil: string | null
}

export interface AuthPolicy {
  idleLockMinutes: number
}
