import { createHash, randomBytes } from 'node:crypto'
import type { CallUser } from '../context'

/** A session ends this long after sign-in whatever happens (a working day with room to spare). */
export const SESSION_HOURS = 12

interface Session {
  user: CallUser
  expiresAt: number
  /** The last call that reached the core, for the idle lock (ms since the epoch, the core's clock). */
  lastSeen: number
  /** Locked from the menu by its user, stepping away from the desk, until the password is given. */
  lockedByHand: boolean
  /**
   * Signed in with a password an administrator gave (firstPasswords.ts): nothing but choosing
   * one's own is allowed until then (services/auth/gate.ts).
   */
  passwordChangeNeeded: boolean
}

export type SessionLookup =
  | { state: 'active'; user: CallUser; passwordChangeNeeded: boolean }
  | { state: 'locked'; user: CallUser; byHand: boolean }
  | { state: 'none' }

const digest = (token: string): string => createHash('sha256').update(token).digest('hex')

/**
 * Sessions in the core's memory, keyed by the SHA-256 of their token: the token itself is
 * kept only by the door that holds it (cookie, window, a script's variable). They end with the
 * process, at sign-out, at expiry, when their account is deactivated or its password reset,
 * and after a restore when the restored file does not hold the same active account. Nothing is
 * written to the database per call, so the check costs microseconds.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  /** Starts a session; returns its token (32 random bytes, base64url). */
  start(user: CallUser, now: Date, { passwordChangeNeeded = false } = {}): string {
    const token = randomBytes(32).toString('base64url')
    const at = now.getTime()
    this.sessions.set(digest(token), {
      user,
      expiresAt: at + SESSION_HOURS * 3_600_000,
      lastSeen: at,
      lockedByHand: false,
      passwordChangeNeeded,
    })
    return token
  }

  /**
   * The session of a token as of `now`. An active one counts as used (its idle time starts
   * again) unless `touch` is false (the page asking whether it is locked is not activity);
   * one idle longer than `idleMs` is locked until `unlock`.
   */
  lookup(token: string | null | undefined, now: Date, idleMs: number, touch = true): SessionLookup {
    if (!token) return { state: 'none' }
    const key = digest(token)
    const session = this.sessions.get(key)
    if (!session) return { state: 'none' }
    const at = now.getTime()
    if (at >= session.expiresAt) {
      this.sessions.delete(key)
      return { state: 'none' }
    }
    if (session.lockedByHand || at - session.lastSeen > idleMs)
      return { state: 'locked', user: session.user, byHand: session.lockedByHand }
    if (touch) session.lastSeen = at
    return { state: 'active', user: session.user, passwordChangeNeeded: session.passwordChangeNeeded }
  }

  /** Its user locks the session now, as the idle limit would; false: no such session. */
  lock(token: string | null | undefined): boolean {
    const session = token ? this.sessions.get(digest(token)) : undefined
    if (session) session.lockedByHand = true
    return session !== undefined
  }

  /** The password was given again: the session is active from `now`. */
  unlock(token: string, now: Date): void {
    const session = this.sessions.get(digest(token))
    if (!session) return
    session.lastSeen = now.getTime()
    session.lockedByHand = false
  }

  /** Its user has chosen their own password: the session may do what their role allows. */
  ownPasswordChosen(token: string | null | undefined): void {
    const session = token ? this.sessions.get(digest(token)) : undefined
    if (session) session.passwordChangeNeeded = false
  }

  /** The user of a session whatever its idle state (null: no such session). */
  userOf(token: string | null | undefined): CallUser | null {
    return token ? (this.sessions.get(digest(token))?.user ?? null) : null
  }

  end(token: string): void {
    this.sessions.delete(digest(token))
  }

  /** Ends every session of an account, but the one given (the caller's own, when they changed their password). */
  endForUser(userId: number, except?: string | null): void {
    const kept = except ? digest(except) : null
    for (const [key, session] of this.sessions) {
      if (session.user.id === userId && key !== kept) this.sessions.delete(key)
    }
  }

  /** Replaces each session's user with the current account (null: the session ends). */
  refresh(current: (user: CallUser) => CallUser | null): void {
    for (const [key, session] of this.sessions) {
      const user = current(session.user)
      if (user) session.user = user
      else this.sessions.delete(key)
    }
  }
}
