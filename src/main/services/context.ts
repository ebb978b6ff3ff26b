import type { Role } from '@shared/auth/roles'

/** The signed-in person a call answers to. */
export interface CallUser {
  /** The account's id (`users.id`). */
  id: number
  username: string
  fullName: string
  role: Role
  /** Their staff id, when the account belongs to someone on the staff list. */
  staffId: number | null
}

/**
 * Who is calling. The door (IPC or HTTP) says which door and hands over the session it holds;
 * the dispatcher turns the session into `user`, `operator` and `operatorId` before the
 * handler runs: handlers never look anywhere else for who is acting.
 */
export interface CallContext {
  /**
   * The session token the door holds for this caller (null: none). Set by the doors only; when
   * it is absent (undefined), the caller is in-process (tests, the CLI) and `user` is taken as given.
   */
  session?: string | null
  /** The signed-in user; null only for the few methods open before sign-in. */
  user?: CallUser | null
  /** Name of the person at the keyboard, as written into audit entries. */
  operator: string | null
  /** Their staff id, printed on receipts as who accepted the appeal. */
  operatorId?: number | null
  /** `server`: the office server's HTTPS door (http/officeDoor.ts). */
  door: 'desktop' | 'web' | 'server'
}

/** The clock services read "now" and "today" from; tests pass a fixed one. */
export type Clock = () => Date
