import type { Role } from '@shared/auth/roles'
import type { CallContext, CallUser } from '../../src/main/services/context'

/**
 * Contexts of in-process calls that name their user (no door, no session): what a test needs to
 * reach a method as a given role. The dispatcher still checks the role against the permission
 * table, and the user's full name becomes the operator of every write.
 */
export function userContext(role: Role, over: Partial<CallUser> = {}, door: CallContext['door'] = 'web'): CallContext {
  const user: CallUser = { id: 1, username: role, fullName: 'Тест Әкімшісі', role, staffId: null, ...over }
  return { user, operator: user.fullName, operatorId: user.staffId, door }
}

/** An administrator: may call every method, so a test reaches what it tested before sign-in existed. */
export const ADMIN: CallContext = userContext('administrator')

/** A user of the given role (for the permission checks). */
export const asRole = (role: Role, over: Partial<CallUser> = {}): CallContext => userContext(role, over)
