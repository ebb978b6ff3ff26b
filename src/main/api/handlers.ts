import type { ApiMethod } from '@shared/api/methods'
import type { ApiOutput, ApiParsedInput } from '@shared/api/contract'
import type { CallContext } from '../services/context'
import type { Core } from '../core'
import { loadSampleData } from '../sample/sampleData'
import { verifyAuditTrail } from '../services/auditVerify'

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
      databaseFile: core.database.file,
      door: ctx.door,
    }),
    'preferences.get': () => s.preferences.get(),
    'preferences.update': (input) => s.preferences.update(input),

    'sectors.list': (input) => s.sectors.list(input),
    'sectors.create': (input, ctx) => s.sectors.create(input, ctx),
    'sectors.update': (input, ctx) => s.sectors.update(input, ctx),
    'sectors.move': (input, ctx) => s.sectors.move(input, ctx),

    'staff.list': (input) => s.staff.list(input),
    'staff.create': (input, ctx) => s.staff.create(input, ctx),
    'staff.update': async (input, ctx) => {
      const member = await s.staff.update(input, ctx)
      await s.session.restore() // the operator may be the one renamed or deactivated
      return member
    },
    'session.get': async () => s.session.get(),
    'session.setOperator': (input) => s.session.setOperator(input.staffId),

    'localities.list': (input) => s.localities.list(input),
    'localities.create': (input, ctx) => s.localities.create(input, ctx),
    'localities.update': (input, ctx) => s.localities.update(input, ctx),
    'office.get': () => s.office.get(),
    'office.update': (input, ctx) => s.office.update(input, ctx),
    'calendar.list': (input) => s.calendar.list(input),
    'calendar.import': (input, ctx) => s.calendar.import(input, ctx),

    'appeals.list': (input) => s.appeals.list(input),
    'appeals.get': (input) => s.appeals.get(input.id),
    'appeals.create': (input, ctx) => s.appeals.create(input, ctx),
    'appeals.update': (input, ctx) => s.appeals.update(input, ctx),
    'appeals.transition': (input, ctx) => s.appeals.transition(input, ctx),
    'appeals.extend': (input, ctx) => s.appeals.extend(input, ctx),
    'appeals.annul': (input, ctx) => s.appeals.annul(input, ctx),
    'appeals.findApplicants': (input) => s.appeals.findApplicants(input),
    'appeals.repeatCandidates': (input) => s.appeals.repeatCandidates(input),
    'appeals.receipt': (input) => s.receipt.render(input),

    'meetings.list': (input) => s.meetings.list(input),
    'meetings.get': (input) => s.meetings.get(input.id),
    'meetings.create': (input, ctx) => s.meetings.create(input, ctx),
    'meetings.update': (input, ctx) => s.meetings.update(input, ctx),
    'meetings.addQuestions': (input, ctx) => s.meetings.addQuestions(input, ctx),
    'measures.list': (input) => s.measures.forAppeal(input.appealId),
    'measures.create': (input, ctx) => s.measures.create(input, ctx),
    'measures.update': (input, ctx) => s.measures.update(input, ctx),
    'measures.delete': (input, ctx) => s.measures.delete(input.id, ctx),
    'dashboard.summary': (input) => s.dashboard.summary(input),

    'reports.build': (input, ctx) => s.reports.build(input.lang, input.params, ctx),
    'reports.export': (input, ctx) => s.reports.export(input.lang, input.params, input.format, ctx),
    'sample.load': async () => {
      const summary = await loadSampleData(core.database.dataSource, s)
      await s.session.restore()
      return summary
    },

    'import.preview': (input) => s.imports.preview(input),
    'import.commit': (input, ctx) => s.imports.commit(input, ctx),
    'import.progress': async (input) => s.imports.progress(input),

    'backup.status': async () => s.backup.status(),
    'backup.create': (input) => s.backup.create(input.folder),
    'backup.inspect': async (input) => s.backup.inspect(input.file),
    'backup.restore': (input) => s.backup.restore(input.file),
    'backup.undoRestore': () => s.backup.undoRestore(),
    'audit.verify': async () => verifyAuditTrail(core.database.dataSource),

    'consolidation.exportPackage': (_input, ctx) => s.consolidation.exportPackage(ctx),
    'consolidation.importPackage': (input, ctx) => s.consolidation.importPackage(input, ctx),
    'consolidation.sources': () => s.consolidation.sources(),
    'consolidation.conflicts': (input) => s.consolidation.conflicts(input),
    'consolidation.resolve': (input, ctx) => s.consolidation.resolve(input, ctx),
  }
}
