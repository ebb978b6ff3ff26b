/**
 * Who is calling. Passed by the door (IPC or HTTP) to every handler. The operator is chosen
 * from the staff list at start (clerk's-work issue); authentication, when it comes, fills
 * this in too — handlers never look anywhere else for who is acting.
 */
export interface CallContext {
  operator: string | null
  door: 'desktop' | 'web'
}
