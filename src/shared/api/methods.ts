/**
 * The names of every API method, and nothing else: the preload script imports this list to
 * build its bridge, so it must stay free of dependencies (the sandboxed preload cannot load
 * packages). `contract.ts` is checked against it at compile time.
 */
export const API_METHODS = [
  'app.info',
  'preferences.get',
  'preferences.update',
  'sectors.list',
  'sectors.create',
  'sectors.update',
  'sectors.move',
  'staff.list',
  'staff.create',
  'staff.update',
  'session.get',
  'session.setOperator',
  'localities.list',
  'localities.create',
  'localities.update',
  'office.get',
  'office.update',
  'calendar.list',
  'calendar.import',
  'appeals.list',
  'appeals.get',
  'appeals.create',
  'appeals.update',
  'appeals.transition',
  'appeals.extend',
  'appeals.annul',
  'appeals.findApplicants',
  'appeals.repeatCandidates',
  'appeals.receipt',
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
  'sample.load',
  'import.preview',
  'import.commit',
  'import.progress',
  'backup.status',
  'backup.create',
  'backup.inspect',
  'backup.restore',
  'backup.undoRestore',
  'audit.verify',
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
