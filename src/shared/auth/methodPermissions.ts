import type { ApiMethod } from '../api/methods'
import type { Permission } from './permissions'
import { can } from './permissions'
import type { Role } from './roles'

/**
 * What a method needs: a permission, or
 * - `public`: open before sign-in (the sign-in and first-run screens need them);
 * - `signedIn`: anyone signed in, whatever the role (own password, preferences, sign out).
 */
export type MethodAccess = Permission | 'public' | 'signedIn'

/**
 * Every API method and what it needs: the one table the dispatcher checks on both doors,
 * before validation and before any work. A `Record` over ApiMethod, so a method added to
 * methods.ts without an entry here fails to compile (and the permission matrix test).
 */
export const METHOD_PERMISSIONS: Readonly<Record<ApiMethod, MethodAccess>> = {
  'app.info': 'signedIn',
  'data.revision': 'signedIn', // a number that moves: no record in it
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.recover': 'public',
  'auth.unlock': 'public',
  'auth.lock': 'public',
  'auth.logout': 'public',
  'auth.changePassword': 'signedIn',
  'auth.updatePolicy': 'users.manage',
  'users.list': 'users.manage',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'users.resetPassword': 'users.manage',
  'users.deactivate': 'users.manage',
  'preferences.get': 'public', // the interface language, for the sign-in screen
  'preferences.update': 'signedIn',
  'preferences.own': 'signedIn', // the user's own choices (the register's columns)
  'sectors.list': 'records.read',
  'sectors.create': 'settings.manage',
  'sectors.update': 'settings.manage',
  'sectors.move': 'settings.manage',
  'staff.list': 'records.read',
  'staff.create': 'settings.manage',
  'staff.update': 'settings.manage',
  'localities.list': 'records.read',
  'localities.create': 'settings.manage',
  'localities.update': 'settings.manage',
  'office.get': 'records.read',
  'office.update': 'settings.manage',
  'office.serverInfo': 'settings.manage',
  // the first-start wizard: administrators only, like every catalog it fills
  'setup.state': 'settings.manage',
  'setup.markStep': 'settings.manage',
  'calendar.list': 'records.read',
  'calendar.import': 'settings.manage',
  'calendar.export': 'records.read',
  'calendar.saveDay': 'settings.manage',
  'calendar.removeDay': 'settings.manage',
  'calendar.overview': 'records.read',
  'calendar.hours': 'records.read',
  'calendar.setHours': 'settings.manage',
  'appeals.list': 'records.read',
  'appeals.exportList': 'reports.use', // a file naming applicants, as the register report
  'appeals.get': 'records.read',
  'appeals.create': 'appeals.write',
  'appeals.update': 'appeals.write',
  'appeals.transition': 'appeals.write',
  'appeals.extend': 'appeals.extend',
  'appeals.annul': 'appeals.annul',
  'appeals.recordNotice': 'appeals.write',
  'appeals.markForRedirect': 'appeals.write',
  'appeals.findApplicants': 'appeals.write',
  'appeals.repeatCandidates': 'appeals.write',
  'appeals.nameOnRecord': 'appeals.write',
  'appeals.receipt': 'appeals.write',
  'appeals.myTasks': 'records.read', // the caller's own appeals (empty without a staff link)
  'appeals.taskSheet': 'records.read', // another executor's sheet: only who oversees them (taskSheet.ts)
  'appeals.revealPersonalData': 'personalData.view',
  // found by IIN/BIN: only who sees personal data; the merge also needs appeals.write (applicantMerge.ts)
  'appeals.duplicates': 'personalData.view',
  'appeals.mergeApplicants': 'personalData.view',
  'appeals.updateAnswer': 'appeals.write',
  // the letter names the applicant and their address: a personal-data door, recorded in the history
  'appeals.answerLetterDraft': 'personalData.view',
  'appeals.answerLetter': 'personalData.view',
  'meetings.list': 'records.read',
  'meetings.get': 'records.read',
  'meetings.create': 'meetings.write',
  'meetings.update': 'meetings.write',
  'meetings.addQuestions': 'meetings.write',
  'measures.list': 'records.read',
  'measures.create': 'meetings.write',
  'measures.update': 'meetings.write',
  'measures.delete': 'meetings.write',
  // An appeal's files are personal data (a scanned letter shows the address and the IIN): the
  // service asks personalData.view to see them and the owner's write permission to change them
  // (services/attachments/access.ts).
  'attachments.list': 'records.read',
  'attachments.add': 'records.read',
  'attachments.delete': 'records.read',
  'attachments.content': 'records.read',
  'dashboard.summary': 'records.read',
  'reports.build': 'reports.use',
  'reports.export': 'reports.use',
  'reports.progress': 'reports.use',
  'sample.load': 'data.manage',
  'import.preview': 'data.manage',
  'import.commit': 'data.manage',
  'import.progress': 'data.manage',
  'backup.status': 'data.manage',
  'backup.create': 'data.manage',
  'backup.inspect': 'data.manage',
  'backup.restore': 'data.manage',
  'backup.undoRestore': 'data.manage',
  'backup.passphrase': 'data.manage',
  'backup.setPassphrase': 'data.manage',
  'audit.verify': 'data.manage',
  // Answered by the recovery door when the database cannot open (no users to sign in with);
  // a core that opened only says it is not in recovery and refuses the actions.
  'recovery.status': 'public',
  'recovery.restore': 'public',
  'recovery.startEmpty': 'public',
  'consolidation.exportPackage': 'data.manage',
  'consolidation.importPackage': 'data.manage',
  'consolidation.sources': 'data.manage',
  'consolidation.conflicts': 'data.manage',
  'consolidation.resolve': 'data.manage',
}

/** Whether someone with `role` (null: not signed in) may call `method`. */
export function mayCall(role: Role | null | undefined, method: ApiMethod): boolean {
  const access = METHOD_PERMISSIONS[method]
  if (access === 'public') return true
  if (role == null) return false
  return access === 'signedIn' || can(role, access)
}

/**
 * Whether `role` may print another executor's task sheet: the head and the administrator, who
 * hand out the appeals (the roles that decide on their terms). Anyone else prints their own.
 */
export function overseesExecutors(role: Role | null | undefined): boolean {
  return can(role, 'appeals.extend')
}
