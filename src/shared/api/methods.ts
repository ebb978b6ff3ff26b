/**
 * The names of every API method, and nothing else: the preload script imports this list to
 * build its bridge, so it must stay free of dependencies (the sandboxed preload cannot load
 * packages). `contract.ts` is checked against it at compile time.
 */
export const API_METHODS = [
  'app.info',
  'data.revision',
  'auth.status',
  'auth.setup',
  'auth.login',
  'auth.recover',
  'auth.unlock',
  'auth.logout',
  'auth.changePassword',
  'auth.updatePolicy',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'users.deactivate',
  'preferences.get',
  'preferences.update',
  'preferences.own',
  'sectors.list',
  'sectors.create',
  'sectors.update',
  'sectors.move',
  'staff.list',
  'staff.create',
  'staff.update',
  'localities.list',
  'localities.create',
  'localities.update',
  'office.get',
  'office.update',
  'office.serverInfo',
  'calendar.list',
  'calendar.import',
  'calendar.export',
  'calendar.saveDay',
  'calendar.removeDay',
  'calendar.overview',
  'calendar.hours',
  'calendar.setHours',
  'appeals.list',
  'appeals.exportList',
  'appeals.get',
  'appeals.create',
  'appeals.update',
  'appeals.transition',
  'appeals.extend',
  'appeals.annul',
  'appeals.recordNotice',
  'appeals.markForRedirect',
  'appeals.findApplicants',
  'appeals.repeatCandidates',
  'appeals.nameOnRecord',
  'appeals.receipt',
  'appeals.myTasks',
  'appeals.taskSheet',
  'appeals.revealPersonalData',
  'appeals.updateAnswer',
  'appeals.answerLetterDraft',
  'appeals.answerLetter',
  'meetings.list',
  'meetings.get',
  'meetings.create',
  'meetings.update',
  'meetings.addQuestions',
  'measures.list',
  'measures.create',
  'measures.update',
  'measures.delete',
  'dashboard.summary',
  'reports.build',
  'reports.export',
  'reports.progress',
  'sample.load',
  'import.preview',
  'import.commit',
  'import.progress',
  'backup.status',
  'backup.create',
  'backup.inspect',
  'backup.restore',
  'backup.undoRestore',
  'backup.passphrase',
  'backup.setPassphrase',
  'audit.verify',
  'recovery.status',
  'recovery.restore',
  'recovery.startEmpty',
  'consolidation.exportPackage',
  'consolidation.importPackage',
  'consolidation.sources',
  'consolidation.conflicts',
  'consolidation.resolve',
] as const

export type ApiMethod = (typeof API_METHODS)[number]

/** The IPC channel of a method: one channel per method, no generic channel. */
export const ipcChannel = (method: ApiMethod): string => `api:${method}`

/** The desktop window's pickers (Electron only; not API methods: they touch no data). */
export const DIALOG_CHANNELS = { pickFolder: 'dialog:pickFolder', pickFile: 'dialog:pickFile' } as const

/**
 * The documents the desktop prints through the system print dialog: each is a method that
 * returns a PDF, called through the dispatcher with the window's session (so its permission
 * applies as for a download). The print channel takes a method and its input, never bytes.
 */
export const PRINTABLE_METHODS = [
  'appeals.receipt',
  'appeals.answerLetter',
  'appeals.taskSheet',
  'reports.export',
] as const satisfies readonly ApiMethod[]
export type PrintableMethod = (typeof PRINTABLE_METHODS)[number]
export const PRINT_CHANNEL = 'desk:print'
