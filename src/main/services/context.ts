/**
 * Who is calling. The door (IPC or HTTP) says which door; the core fills in the operator
 * chosen at start (see SessionService). Authentication, when it comes, fills this in too —
 * handlers never look anywhere else for who is acting.
 */
export interface CallContext {
  /** Name of the person at the keyboard, as written into audit entries. */
  operator: string | null
  /** Their staff id, printed on receipts as who accepted the appeal. */
  operatorId?: number | null
  door: 'desktop' | 'web'
}

/** The clock services read "now" and "today" from; tests pass a fixed one. */
export type Clock = () => Date
