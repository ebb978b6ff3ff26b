import { createContext, useContext } from 'react'
import type { SignedInUser } from '@shared/api/contract'
import { METHOD_PERMISSIONS } from '@shared/auth/methodPermissions'
import { can, type Permission } from '@shared/auth/permissions'
import type { ApiMethod } from '@shared/api/methods'

export interface Auth {
  user: SignedInUser
  idleLockMinutes: number
  /** The idle lock is over the page (which stays mounted under it). */
  locked: boolean
  /** Locks the desk now, for someone stepping away from it. */
  lockNow(): Promise<void>
  signOut(): Promise<void>
}

export const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside the signed-in shell')
  return auth
}

/**
 * Whether the signed-in role may use a permission or call a method, from the same table the
 * dispatcher checks: the UI only hides what would be refused anyway.
 */
export function useCan(): { can(permission: Permission | 'signedIn'): boolean; mayCall(method: ApiMethod): boolean } {
  const { user } = useAuth()
  const allowed = (access: Permission | 'signedIn' | 'public') =>
    access === 'public' || access === 'signedIn' || can(user.role, access)
  return { can: allowed, mayCall: (method) => allowed(METHOD_PERMISSIONS[method]) }
}
