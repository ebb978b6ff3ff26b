import { z } from 'zod'
import { APPEAL_LIST_COLUMNS, type AppealListColumn } from '../domain/appealColumns'
import type { ApiMethod } from './methods'
import { SECTOR_CODE_PATTERN, SECTOR_NAME_MAX, type Sector } from '../domain/sector'
import { LANGUAGES, type Language } from '../i18n/languages'
import { entityId, requiredText } from './fields'
import * as appeals from './areas/appeals'
import * as applicantMerge from './areas/applicantMerge'
import * as answers from './areas/answers'
import * as catalogs from './areas/catalogs'
import * as meetings from './areas/meetings'
import * as measures from './areas/measures'
import * as attachments from './areas/attachments'
import * as reports from './areas/reports'
import * as dataImport from './areas/import'
import * as backup from './areas/backup'
import * as recovery from './areas/recovery'
import * as consolidation from './areas/consolidation'
import * as auth from './areas/auth'
import * as setup from './areas/setup'
import type * as server from './areas/server'
import type { ReportKind, ReportModel } from '../reports/model'

/**
 * The API contract: every method once, with the schema its input must pass and the type of
 * its output. Main validates against these schemas before any work; the renderer gets its
 * types from here. Adding a method: add its name to methods.ts, its entry here, and its
 * handler in src/main/api/handlers.ts (the compiler insists on all three).
 */

/** Marks the output type of a method; the value itself is never used at runtime. */
const returns = <T>(): T => undefined as T

const sectorName = requiredText(SECTOR_NAME_MAX)

const id = entityId
const empty = z.object({}).strict()
const byId = z.object({ id }).strict()
const listInput = z.object({ includeInactive: z.boolean().default(true) }).strict()

/**
 * Where the office's data stands: the id of the last history entry, which every write adds to
 * (registration, edit, import, package). A page polls it and reads its data again only when it
 * moved, so a desk sees what another desk saved without reloading.
 */
export interface DataRevision {
  revision: number
}

export interface AppInfo {
  version: string
  /** Number of migrations applied to the open database. */
  schemaVersion: number
  /** Where the data lives, shown in Settings so an administrator can find and back it up; null for other roles. */
  databaseFile: string | null
  /** `desktop` (Electron window), `web` (browser on this machine) or `server` (the office server over HTTPS). */
  door: 'desktop' | 'web' | 'server'
}

export interface Preferences {
  language: Language
  /** Each report's parameters as last used (its period above all), so the page opens on them. */
  reports: Partial<Record<ReportKind, reports.ReportParams>>
}

/** What the signed-in user chose for themselves (preferences.own). */
export interface OwnPreferences {
  /** The register's columns to see, in the list's order (all when never chosen). */
  appealColumns: AppealListColumn[]
}

export const contract = {
  'app.info': {
    input: empty,
    output: returns<AppInfo>(),
  },
  'data.revision': { input: empty, output: returns<DataRevision>() },
  'auth.status': { input: empty, output: returns<auth.AuthStatus>() },
  'auth.setup': { input: auth.setupInput, output: returns<auth.SetupDone>() },
  'auth.login': { input: auth.loginInput, output: returns<auth.SignedIn>() },
  'auth.recover': { input: auth.recoverInput, output: returns<auth.SetupDone>() },
  'auth.unlock': { input: auth.unlockInput, output: returns<auth.SignedIn>() },
  'auth.lock': { input: empty, output: returns<{ locked: boolean }>() },
  'auth.logout': { input: empty, output: returns<{ signedOut: boolean }>() },
  'auth.changePassword': { input: auth.changePasswordInput, output: returns<auth.SignedIn>() },
  'auth.updatePolicy': { input: auth.authPolicyInput, output: returns<auth.AuthPolicy>() },
  'users.list': { input: empty, output: returns<auth.UserAccount[]>() },
  'users.create': { input: auth.createUserInput, output: returns<auth.UserAccount>() },
  'users.update': { input: auth.updateUserInput, output: returns<auth.UserAccount>() },
  'users.resetPassword': { input: auth.resetPasswordInput, output: returns<auth.UserAccount>() },
  'users.deactivate': { input: byId, output: returns<auth.UserAccount>() },
  'preferences.get': {
    input: empty,
    output: returns<Preferences>(),
  },
  'preferences.own': { input: empty, output: returns<OwnPreferences>() },
  'preferences.update': {
    // Any of: the interface language, one report's parameters (kept under its kind), the
    // register's columns (kept for the signed-in user).
    input: z
      .object({
        language: z.enum(LANGUAGES, { error: 'validation.invalidOption' }).optional(),
        report: reports.reportParams.optional(),
        // the signed-in user's own choice of the register's columns
        appealColumns: z
          .array(z.enum(APPEAL_LIST_COLUMNS, { error: 'validation.invalidOption' }))
          .max(APPEAL_LIST_COLUMNS.length)
          .optional(),
      })
      .strict(),
    output: returns<Preferences>(),
  },
  'sectors.list': {
    input: listInput,
    output: returns<Sector[]>(),
  },
  'sectors.create': {
    input: z
      .object({
        code: requiredText(100).regex(SECTOR_CODE_PATTERN, { error: 'validation.sectorCode' }),
        nameKk: sectorName,
        nameRu: sectorName,
        nameEn: sectorName,
      })
      .strict(),
    output: returns<Sector>(),
  },
  'sectors.update': {
    input: z
      .object({
        id,
        nameKk: sectorName,
        nameRu: sectorName,
        nameEn: sectorName,
        active: z.boolean(),
      })
      .strict(),
    output: returns<Sector>(),
  },
  'sectors.move': {
    input: z.object({ id, direction: z.enum(['up', 'down']) }).strict(),
    output: returns<Sector[]>(),
  },

  'staff.list': { input: listInput, output: returns<catalogs.StaffMember[]>() },
  'staff.create': { input: catalogs.createStaffInput, output: returns<catalogs.StaffMember>() },
  'staff.update': { input: catalogs.updateStaffInput, output: returns<catalogs.StaffMember>() },
  'localities.list': { input: listInput, output: returns<catalogs.Locality[]>() },
  'localities.create': { input: catalogs.createLocalityInput, output: returns<catalogs.Locality>() },
  'localities.update': { input: catalogs.updateLocalityInput, output: returns<catalogs.Locality>() },
  'office.get': { input: empty, output: returns<catalogs.OfficeIdentity>() },
  'office.update': { input: catalogs.officeInput, output: returns<catalogs.OfficeIdentity>() },
  /** The office server's address and certificate; null on the desktop and in web mode. */
  'office.serverInfo': { input: empty, output: returns<server.ServerInfo | null>() },
  'setup.state': { input: empty, output: returns<setup.SetupWizardState>() },
  'setup.markStep': { input: setup.markSetupStepInput, output: returns<setup.SetupWizardState>() },
  'calendar.list': { input: catalogs.listCalendarInput, output: returns<catalogs.KeptCalendarDay[]>() },
  'calendar.import': { input: catalogs.importCalendarInput, output: returns<catalogs.CalendarImportResult>() },
  'calendar.export': { input: catalogs.exportCalendarInput, output: returns<catalogs.CalendarFile>() },
  'calendar.saveDay': { input: catalogs.saveCalendarDayInput, output: returns<catalogs.CalendarEditResult>() },
  'calendar.removeDay': { input: catalogs.removeCalendarDayInput, output: returns<catalogs.CalendarEditResult>() },
  'calendar.overview': { input: empty, output: returns<catalogs.CalendarOverview>() },
  'calendar.hours': { input: empty, output: returns<catalogs.OfficeHours>() },
  'calendar.setHours': { input: catalogs.officeHoursInput, output: returns<catalogs.OfficeHours>() },

  'appeals.list': { input: appeals.listAppealsInput, output: returns<appeals.AppealPage>() },
  'appeals.exportList': { input: appeals.exportListInput, output: returns<reports.ExportedReport>() },
  'appeals.get': { input: byId, output: returns<appeals.Appeal>() },
  'appeals.create': { input: appeals.createAppealInput, output: returns<appeals.Appeal>() },
  'appeals.update': { input: appeals.updateAppealInput, output: returns<appeals.Appeal>() },
  'appeals.transition': { input: appeals.transitionAppealInput, output: returns<appeals.Appeal>() },
  'appeals.extend': { input: appeals.extendAppealInput, output: returns<appeals.Appeal>() },
  'appeals.annul': { input: appeals.annulAppealInput, output: returns<appeals.Appeal>() },
  'appeals.recordNotice': { input: appeals.recordNoticeInput, output: returns<appeals.Appeal>() },
  'appeals.markForRedirect': { input: appeals.markForRedirectInput, output: returns<appeals.Appeal>() },
  'appeals.findApplicants': { input: appeals.findApplicantsInput, output: returns<appeals.KnownApplicant[]>() },
  'appeals.repeatCandidates': { input: appeals.repeatCandidatesInput, output: returns<appeals.AppealSummary[]>() },
  'appeals.nameOnRecord': { input: appeals.nameOnRecordInput, output: returns<appeals.NameOnRecord | null>() },
  'appeals.receipt': { input: appeals.receiptInput, output: returns<appeals.Receipt>() },
  'appeals.myTasks': { input: empty, output: returns<appeals.MyTasks>() },
  'appeals.taskSheet': { input: appeals.taskSheetInput, output: returns<appeals.TaskSheet>() },
  'appeals.revealPersonalData': { input: byId, output: returns<appeals.RevealedPersonalData>() },
  'appeals.duplicates': {
    input: applicantMerge.applicantDuplicatesInput,
    output: returns<applicantMerge.ApplicantDuplicates>(),
  },
  'appeals.mergeApplicants': {
    input: applicantMerge.mergeApplicantsInput,
    output: returns<applicantMerge.MergeResult>(),
  },
  // the answer's details and the answer letter (areas/answers.ts)
  'appeals.updateAnswer': { input: answers.updateAnswerInput, output: returns<appeals.Appeal>() },
  'appeals.answerLetterDraft': {
    input: answers.answerLetterDraftInput,
    output: returns<answers.AnswerLetterDraft>(),
  },
  'appeals.answerLetter': { input: answers.answerLetterInput, output: returns<answers.AnswerLetter>() },

  'meetings.list': { input: meetings.listMeetingsInput, output: returns<meetings.ReportMeeting[]>() },
  'meetings.get': { input: byId, output: returns<meetings.ReportMeetingDetails>() },
  'meetings.create': { input: meetings.createMeetingInput, output: returns<meetings.ReportMeeting>() },
  'meetings.update': { input: meetings.updateMeetingInput, output: returns<meetings.ReportMeeting>() },
  'meetings.addQuestions': { input: meetings.addQuestionsInput, output: returns<meetings.ReportMeetingDetails>() },
  'measures.list': { input: measures.listMeasuresInput, output: returns<measures.MeetingMeasure[]>() },
  'measures.create': { input: measures.createMeasureInput, output: returns<measures.MeetingMeasure>() },
  'measures.update': { input: measures.updateMeasureInput, output: returns<measures.MeetingMeasure>() },
  'measures.delete': { input: measures.deleteMeasureInput, output: returns<{ id: number }>() },
  'attachments.list': { input: attachments.listAttachmentsInput, output: returns<attachments.Attachment[]>() },
  'attachments.add': { input: attachments.addAttachmentInput, output: returns<attachments.Attachment>() },
  'attachments.delete': { input: byId, output: returns<{ id: number }>() },
  'attachments.content': { input: byId, output: returns<attachments.AttachmentContent>() },
  'dashboard.summary': { input: meetings.dashboardInput, output: returns<meetings.DashboardSummary>() },

  'reports.build': { input: reports.buildReportInput, output: returns<ReportModel>() },
  'reports.export': { input: reports.exportReportInput, output: returns<reports.ExportedReport>() },
  'reports.progress': { input: reports.exportProgressInput, output: returns<reports.ExportProgress>() },
  'sample.load': { input: empty, output: returns<reports.SampleDataSummary>() },

  'import.preview': { input: dataImport.importPreviewInput, output: returns<dataImport.ImportPreview>() },
  'import.commit': { input: dataImport.importCommitInput, output: returns<dataImport.ImportResult>() },
  'import.progress': { input: dataImport.importProgressInput, output: returns<dataImport.ImportProgress>() },

  'backup.status': { input: empty, output: returns<backup.BackupStatus>() },
  'backup.create': { input: backup.createBackupInput, output: returns<backup.BackupInfo>() },
  'backup.inspect': { input: backup.backupFileInput, output: returns<backup.BackupFileReport>() },
  'backup.restore': { input: backup.backupFileInput, output: returns<backup.RestoreResult>() },
  'backup.undoRestore': { input: empty, output: returns<backup.RestoreResult>() },
  'backup.passphrase': { input: empty, output: returns<backup.PassphraseState>() },
  'backup.setPassphrase': { input: backup.setPassphraseInput, output: returns<backup.PassphraseState>() },
  'audit.verify': { input: empty, output: returns<backup.AuditVerification>() },

  'recovery.status': { input: empty, output: returns<recovery.RecoveryStatus>() },
  'recovery.restore': { input: recovery.recoveryRestoreInput, output: returns<recovery.RecoveryResult>() },
  'recovery.startEmpty': { input: empty, output: returns<recovery.RecoveryResult>() },

  'consolidation.exportPackage': {
    input: consolidation.exportPackageInput,
    output: returns<consolidation.PackageExport>(),
  },
  'consolidation.importPackage': {
    input: consolidation.importPackageInput,
    output: returns<consolidation.PackageImportSummary>(),
  },
  'consolidation.sources': { input: empty, output: returns<consolidation.ConsolidationSource[]>() },
  'consolidation.conflicts': {
    input: consolidation.listConflictsInput,
    output: returns<consolidation.ConsolidationConflict[]>(),
  },
  'consolidation.resolve': {
    input: consolidation.resolveConflictInput,
    output: returns<consolidation.ConsolidationConflict>(),
  },
} satisfies Record<ApiMethod, { input: z.ZodType; output: unknown }>

export type Contract = typeof contract
/** What a caller sends (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>
/** What a handler receives: the parsed input, defaults filled in. */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>
export type ApiOutput<M extends ApiMethod> = Contract[M]['output']

export type * from './areas/appeals'
export type * from './areas/applicantMerge'
export type * from './areas/answers'
export type * from './areas/catalogs'
export type * from './areas/meetings'
export type * from './areas/measures'
export type * from './areas/attachments'
export type * from './areas/reports'
export type * from './areas/import'
export type * from './areas/backup'
export type * from './areas/recovery'
export type * from './areas/consolidation'
export type * from './areas/auth'
export type * from './areas/setup'
export type * from './areas/server'
export type * from '../reports/model'
