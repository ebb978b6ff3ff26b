import type { Role } from './roles'

/**
 * What a role may do. One table for the whole program: the dispatcher checks every call
 * against METHOD_PERMISSIONS (methodPermissions.ts) before validation and before any work, on both doors; the UI
 * reads the same table only to hide what a role cannot use (the dispatcher is the guard).
 */
export const PERMISSIONS = [
  /** Lists, cards, catalogs, meetings, dashboard: everything but personal data in full. */
  'records.read',
  /** IIN/BIN, phone and address in full (law 94-V: only roles that need them). */
  'personalData.view',
  /** Register and edit appeals, their answers and status; receipts. */
  'appeals.write',
  /** Extend an appeal's term: a motivated decision of the head. */
  'appeals.extend',
  /** Annul an entry made by mistake (with a reason, in the history): the head or an administrator. */
  'appeals.annul',
  /** Report meetings, their questions and the measures promised at them. */
  'meetings.write',
  /** Build and export reports, the press summary among them. */
  'reports.use',
  /** Sectors, staff, localities, office identity, the working-day calendar. */
  'settings.manage',
  /** Accounts and roles. */
  'users.manage',
  /** Backups and restore, register import, okrug packages, sample data, history check. */
  'data.manage',
] as const

export type Permission = (typeof PERMISSIONS)[number]

const EVERYTHING: readonly Permission[] = PERMISSIONS

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  administrator: EVERYTHING,
  head: ['records.read', 'personalData.view', 'appeals.extend', 'appeals.annul', 'reports.use'],
  clerk: ['records.read', 'personalData.view', 'appeals.write', 'meetings.write', 'reports.use'],
  press: ['records.read', 'meetings.write', 'reports.use'],
  viewer: ['records.read', 'reports.use'],
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission)
}
