import { can } from '@shared/auth/permissions'
import type { ApiMethod } from '@shared/api/methods'
import type { ApiOutput, ApiParsedInput } from '@shared/api/contract'
import type { CallContext } from '../services/context'
import type { Core } from '../core'
import { loadSampleData } from '../sample/sampleData'
import { auditChainOf } from '../services/auditChain'
import { verifyAuditTrail } from '../services/auditVerify'
import { dataRevision } from '../services/revision'
import { NOT_RECOVERING, refuseRecovery } from '../recovery/outsideRecovery'

export type Handler<M extends ApiMethod> = (input: ApiParsedInput<M>, ctx: CallContext) => Promise<ApiOutput<M>>

/** One handler per contract method: a missing or mistyped handler fails to compile. */
export type Handlers = { [M in ApiMethod]: Handler<M> }

/** Maps each method to its use case. Handlers stay one line: the work lives in services. */
export function createHandlers(core: Core): Handlers {
  const s = core.services
  return {
    'app.info': async (_input, ctx) => ({
      version: core.version,
      schemaVersion: core.database.schemaVersion,
      // The path names the user's folder and the file that holds everyone's personal data.
      databaseFile: can(ctx.user?.role, 'data.manage') ? core.database.file : null,
      door: ctx.door,
    }),
    'data.revision': () => dataRevision(core.database.dataSource),
    'auth.status': (_input, ctx) => s.auth.status(ctx),
    'auth.setup': (input, ctx) => s.auth.setup(input, ctx),
    'auth.login': (input, ctx) => s.auth.login(input, ctx),
    'auth.recover': (input, ctx) => s.auth.recover(input, ctx),
    'auth.unlock': (input, ctx) => s.auth.unlock(input, ctx),
    'auth.lock': (_input, ctx) => s.auth.lock(ctx),
    'auth.logout': (_input, ctx) => s.auth.logout(ctx),
    'auth.changePassword': (input, ctx) => s.auth.changePassword(input, ctx),
    'auth.updatePolicy': (input, ctx) => s.auth.updatePolicy(input, ctx),
    'users.list': () => s.users.list(),
    'users.create': (input, ctx) => s.users.create(input, ctx),
    'users.update': (input, ctx) => s.users.update(input, ctx),
    'users.resetPassword': (input, ctx) => s.users.resetPassword(input, ctx),
    'users.deactivate': (input, ctx) => s.users.deactivate(input.id, ctx),

    'preferences.get': () => s.preferences.get(),
    'preferences.update': (input, ctx) => s.preferences.update(input, ctx),
    'preferences.own': (_input, ctx) => s.preferences.own(ctx),

    'sectors.list': (input) => s.sectors.list(input),
    'sectors.create': (input, ctx) => s.sectors.create(input, ctx),
    'sectors.update': (input, ctx) => s.sectors.update(input, ctx),
    'sectors.move': (input, ctx) => s.sectors.move(input, ctx),

    'staff.list': (input) => s.staff.list(input),
    'staff.create': (input, ctx) => s.staff.create(input, ctx),
    'staff.update': (input, ctx) => s.staff.update(input, ctx),

    'localities.list': (input) => s.localities.list(input),
    'localities.create': (input, ctx) => s.localities.create(input, ctx),
    'localities.update': (input, ctx) => s.localities.update(input, ctx),
    'office.get': () => s.office.get(),
    'office.update': (input, ctx) => s.office.update(input, ctx),
    'setup.state': () => s.setupWizard.state(),
    'setup.markStep': (input) => s.setupWizard.markStep(input),
    'office.serverInfo': async () => core.serverInfo(),
    'calendar.list': (input) => s.calendar.list(input),
    'calendar.import': (input, ctx) => s.calendar.import(input, ctx),
    'calendar.export': (input) => s.calendar.export(input),
    'calendar.saveDay': (input, ctx) => s.calendar.saveDay(input, ctx),
    'calendar.removeDay': (input, ctx) => s.calendar.removeDay(input, ctx),
    'calendar.overview': () => s.calendar.overview(),
    'calendar.hours': () => s.calendar.hours(),
    'calendar.setHours': (input, ctx) => s.calendar.setHours(input, ctx),

    'appeals.list': (input, ctx) => s.appeals.list(input, ctx),
    'appeals.exportList': async (input, ctx) =>
      s.reports.exportAppealList(input, await s.appeals.listAll(input.filters, ctx), ctx),
    'appeals.get': (input, ctx) => s.appeals.get(input.id, ctx),
    'appeals.create': (input, ctx) => s.appeals.create(input, ctx),
    'appeals.update': (input, ctx) => s.appeals.update(input, ctx),
    'appeals.transition': (input, ctx) => s.appeals.transition(input, ctx),
    'appeals.extend': (input, ctx) => s.appeals.extend(input, ctx),
    'appeals.annul': (input, ctx) => s.appeals.annul(input, ctx),
    'appeals.recordNotice': (input, ctx) => s.appeals.recordNotice(input, ctx),
    'appeals.markForRedirect': (input, ctx) => s.appeals.markForRedirect(input, ctx),
    'appeals.findApplicants': (input, ctx) => s.appeals.findApplicants(input, ctx),
    'appeals.repeatCandidates': (input, ctx) => s.appeals.repeatCandidates(input, ctx),
    'appeals.nameOnRecord': (input, ctx) => s.appeals.nameOnRecord(input, ctx),
    'appeals.receipt': (input, ctx) => s.receipt.render(input, ctx),
    'appeals.myTasks': (_input, ctx) => s.appeals.myTasks(ctx),
    'appeals.taskSheet': (input, ctx) => s.taskSheet.render(input, ctx),
    'appeals.revealPersonalData': (input, ctx) => s.appeals.revealPersonalData(input.id, ctx),
    'appeals.duplicates': (input, ctx) => s.appeals.duplicates(input.id, ctx),
    'appeals.mergeApplicants': (input, ctx) => s.appeals.mergeApplicants(input, ctx),
    'appeals.updateAnswer': (input, ctx) => s.appeals.updateAnswer(input, ctx),
    'appeals.answerLetterDraft': (input, ctx) => s.answerLetter.draft(input, ctx),
    'appeals.answerLetter': (input, ctx) => s.answerLetter.render(input, ctx),

    'meetings.list': (input) => s.meetings.list(input),
    'meetings.get': (input) => s.meetings.get(input.id),
    'meetings.create': (input, ctx) => s.meetings.create(input, ctx),
    'meetings.update': (input, ctx) => s.meetings.update(input, ctx),
    'meetings.addQuestions': (input, ctx) => s.meetings.addQuestions(input, ctx),
    'measures.list': (input) => s.measures.forAppeal(input.appealId),
    'measures.create': (input, ctx) => s.measures.create(input, ctx),
    'measures.update': (input, ctx) => s.measures.update(input, ctx),
    'measures.delete': (input, ctx) => s.measures.delete(input, ctx),
    'attachments.list': (input, ctx) => s.attachments.list(input, ctx),
    'attachments.add': (input, ctx) => s.attachments.add(input, ctx),
    'attachments.delete': (input, ctx) => s.attachments.delete(input.id, ctx),
    'attachments.content': (input, ctx) => s.attachments.content(input.id, ctx),
    'dashboard.summary': (input) => s.dashboard.summary(input),

    'reports.build': (input, ctx) => s.reports.build(input.lang, input.params, ctx),
    'reports.export': (input, ctx) => s.reports.export(input.lang, input.params, input.format, ctx, input.exportId),
    'reports.progress': async (input) => s.reports.progress(input.exportId),
    'sample.load': () => loadSampleData(core.database.dataSource, s),

    'import.preview': (input) => s.imports.preview(input),
    'import.commit': (input, ctx) => s.imports.commit(input, ctx),
    'import.progress': async (input) => s.imports.progress(input),

    'backup.status': async () => s.backup.status(),
    // A copy leaving the data folder is encrypted with the office passphrase, when one is set.
    'backup.create': async (input, ctx) =>
      s.backup.create(
        input.folder,
        ctx,
        s.backup.leaves(input.folder) ? await s.passphrase.forCopy(input.passphrase) : null,
      ),
    'backup.inspect': (input, ctx) => s.backup.inspect(input.file, ctx, input.passphrase),
    'backup.restore': (input, ctx) => s.backup.restore(input.file, ctx, input.passphrase),
    'backup.undoRestore': (_input, ctx) => s.backup.undoRestore(ctx),
    'backup.passphrase': () => s.passphrase.state(),
    'backup.setPassphrase': (input, ctx) => s.passphrase.change(input.current, input.passphrase, ctx),
    'audit.verify': async () => {
      const db = core.database.dataSource
      return verifyAuditTrail(db.manager, auditChainOf(db))
    },
    'recovery.status': async () => NOT_RECOVERING,
    'recovery.restore': async () => refuseRecovery(),
    'recovery.startEmpty': async () => refuseRecovery(),

    'consolidation.exportPackage': (input, ctx) => s.consolidation.exportPackage(input, ctx),
    'consolidation.importPackage': (input, ctx) => s.consolidation.importPackage(input, ctx),
    'consolidation.sources': () => s.consolidation.sources(),
    'consolidation.conflicts': (input, ctx) => s.consolidation.conflicts(input, ctx),
    'consolidation.resolve': (input, ctx) => s.consolidation.resolve(input, ctx),
  }
}
