import { In, type DataSource, type EntityManager } from 'typeorm'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import type {
  Appeal,
  AppealPage,
  AppealSummary,
  ApiParsedInput,
  Applicant,
  ApplicantDuplicates,
  AuditEvent,
  KnownApplicant,
  MergeResult,
  MyTasks,
  NameOnRecord,
  RevealedPersonalData,
} from '@shared/api/contract'
import { can } from '@shared/auth/permissions'
import { iinBirthDate } from '@shared/domain/iin'
import {
  canTransition,
  extensionNoticeDueDate,
  extensionRefusal,
  maxExtendedDueDate,
  OPEN_STATUSES,
  redirectDueDate,
  type AppealStatus,
  isNameless,
} from '@shared/domain/appeal'
import { addMonths, localNow } from '@shared/domain/dates'
import { appealSearchColumns, foldForSearch } from '@shared/domain/search'
import { AppealEntity, AuditEntryEntity, type AppealRow } from '../../db/entities'
import { fieldChanges, recordAudit } from '../audit'
import type { WorkingCalendar } from '@shared/domain/calendar'
import type { CalendarService } from '../calendar'
import type { CallContext, Clock } from '../context'
import {
  checkIdNumberSearch,
  holdsPersonalData,
  maskedApplicant,
  maskedHistoryEvent,
  PERSONAL_DATA_FIELDS,
  requirePersonalData,
  seesPersonalData,
} from '../personalData'
import {
  applicantDisplayName,
  applicantFromColumns,
  applicantToColumns,
  summaryFromRaw,
  type ReadDay,
  summaryRawOfRow,
  type SummaryRaw,
} from './mapping'
import { myTasks, openAppealsOf } from './myTasks'
import { AppealQueries } from './queries'
import { listAll, type ListedAppeals, type ListFilters } from './listAll'
import { checkReferences, type ReferenceFacts, type ReferenceOptions } from './references'
import { nameConfirmedEntry, otherNameOnRecord, requireNameConfirmed, withoutOtherName } from './nameOnRecord'
import { register } from './register'
import { applicantDuplicates, mergeApplicants } from './applicantMerge'
import { ANSWER_DETAIL_FIELDS, answerDetailColumns, answerDetailIssues, answerDetailsOfRow } from './answerDetails'
import { checkVersion, writeVersioned } from '../versioned'
import { transaction } from '../../db/transaction'

/** Fields whose edits are written to the audit trail one by one. */
const AUDITED_FIELDS = [
  'channel',
  'externalNumber',
  'appealType',
  'sectorId',
  'localityId',
  'meetingId',
  'applicantKind',
  'applicantName',
  'applicantIdNumber',
  'applicantPhone',
  'applicantAddress',
  'collective',
  'signatories',
  'summary',
  'executorId',
  'repeatedOfId',
] as const satisfies (keyof AppealRow)[]

const invalid = (issues: FieldIssue[]) => new DomainError('validation', 'errors.validation', issues)

/**
 * The reference check for an appeal already stored: what it refers to now is not refused
 * again (a sector deactivated since stays), and the card's names come with the check: who
 * accepted it, who signed its answer.
 */
const storedAppeal = (row: AppealRow): ReferenceOptions => ({
  unchanged: row,
  acceptedById: row.acceptedById,
  signatoryId: row.answerSignatoryId,
})

/** The appeals register: registration, editing, the lifecycle and its deadlines, lookups. */
export class AppealService {
  readonly queries: AppealQueries

  constructor(
    private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {
    this.queries = new AppealQueries(db)
  }

  private today(): string {
    return localNow(this.clock()).date
  }

  /** Today by the office clock, and the calendar, which says which deadlines are only provisional. */
  private async readDay(): Promise<ReadDay> {
    return { today: this.today(), calendar: await this.calendar.load() }
  }

  /** A list row carries no IIN/BIN, phone or address; its search is checked for the IIN rule. */
  async list(input: ApiParsedInput<'appeals.list'>, ctx: CallContext): Promise<AppealPage> {
    checkIdNumberSearch(ctx, input.query, false)
    return this.queries.list(input, await this.readDay(), seesPersonalData(ctx))
  }

  /** The signed-in user's own open appeals by deadline; nobody's without a staff link (ctx.operatorId). */
  async myTasks(ctx: CallContext): Promise<MyTasks> {
    return myTasks(this.queries, await this.readDay(), ctx.operatorId ?? null)
  }

  /** Every open appeal of one executor, soonest deadline first. */
  async openAppealsOf(executorId: number): Promise<AppealSummary[]> {
    return openAppealsOf(this.queries, await this.readDay(), executorId)
  }

  /** Every row of the list for these filters, as list() would page them (the list's files). */
  async listAll(filters: ListFilters, ctx: CallContext): Promise<ListedAppeals> {
    checkIdNumberSearch(ctx, filters.query, false)
    return listAll(this.queries, filters, await this.readDay(), seesPersonalData(ctx))
  }

  /**
   * Registers an appeal and returns its card. The card is made from what the registration
   * wrote and read (the row, its references, its audit entry), not read back: it is what
   * get() would return at this moment (tests/integration/appeals-create-card.test.ts).
   */
  async create(input: ApiParsedInput<'appeals.create'>, ctx: CallContext): Promise<Appeal> {
    const now = localNow(this.clock())
    const issues = this.clockIssues(input.applicant, now.date)
    if (input.receivedAt > `${now.date}T${now.time}`)
      issues.push({ path: ['receivedAt'], messageKey: 'validation.receivedInFuture' })
    if (issues.length > 0) throw invalid(issues)
    const calendar = await this.calendar.load()
    const { row, references, entries } = await transaction(this.db, async (manager) => {
      const otherName = await otherNameOnRecord(manager, input.applicant, null)
      requireNameConfirmed(otherName, input.applicant, input.applicantNameConfirmed)
      const registered = await register(manager, calendar, input, ctx)
      const confirmed = otherName
        ? await recordAudit(manager, ctx, [nameConfirmedEntry(registered.row.id, otherName, input.applicant)])
        : []
      return { ...registered, entries: [registered.audit, ...confirmed] }
    })
    // A new appeal's history is its registration entry (and a confirmed name): ids are never
    // reused (AUTOINCREMENT), so no earlier entry can name this appeal.
    const history: AuditEvent[] = entries.map(({ at, operator, action, field, oldValue, newValue }) => ({
      at,
      operator,
      action,
      field,
      oldValue,
      newValue,
    }))
    const summaryRaw = summaryRawOfRow(row, references.executorName)
    return this.card(
      row,
      summaryRaw,
      {
        repeatedOfNumber: references.repeatedOfNumber,
        signatoryName: null,
        acceptedBy: references.acceptedBy,
        history,
      },
      calendar,
      this.today(),
      ctx,
    )
  }

  /**
   * Saves an edit and returns the card as it stands after it, read in the edit's own
   * transaction: the row as written, the names of what it refers to (from the check of the
   * references) and the history with the new entries. No other desk's edit can fall between
   * the save and the card.
   */
  async update(input: ApiParsedInput<'appeals.update'>, ctx: CallContext): Promise<Appeal> {
    const issues = this.clockIssues(input.applicant, this.today())
    if (issues.length > 0) throw invalid(issues)
    const calendar = await this.calendar.load()
    return transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      const names = await checkReferences(manager, input, storedAppeal(before))
      const otherName = await otherNameOnRecord(manager, input.applicant, input.id)
      requireNameConfirmed(otherName, input.applicant, input.applicantNameConfirmed)
      const { applicant, id: _id, version: _version, applicantNameConfirmed: _confirmed, ...fields } = input
      const columns = applicantToColumns(applicant)
      const edited: AppealRow = {
        ...before,
        ...fields,
        ...columns,
        signatories: input.collective ? input.signatories : null,
        repeated: input.repeatedOfId !== null,
        updatedAt: new Date().toISOString(),
      }
      const after: AppealRow = { ...edited, ...appealSearchColumns(edited) }
      const changes = fieldChanges('appeal', before.id, before, after, [...AUDITED_FIELDS])
      if (changes.length === 0) return this.cardOf(manager, before, names, calendar, ctx)
      const written = await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      await recordAudit(manager, ctx, [
        ...changes,
        ...(otherName ? [nameConfirmedEntry(before.id, otherName, applicant)] : []),
      ])
      return this.cardOf(manager, written, names, calendar, ctx)
    })
  }

  /**
   * The name the typed IIN/BIN is on record under, when it is another name (the form warns
   * before saving). The name itself only to a caller who may see personal data.
   */
  async nameOnRecord(input: ApiParsedInput<'appeals.nameOnRecord'>, ctx: CallContext): Promise<NameOnRecord | null> {
    const found = await otherNameOnRecord(this.db.manager, input.applicant, input.excludeId)
    return found && !seesPersonalData(ctx) ? { ...found, name: null } : found
  }

  /** The applicant's other spellings on record (found by IIN/BIN: only for who sees personal data). */
  async duplicates(id: number, ctx: CallContext): Promise<ApplicantDuplicates> {
    requirePersonalData(ctx)
    return applicantDuplicates(this.db, this.queries, await this.readDay(), id)
  }

  /** One applicant for the appeals of several spellings (applicantMerge.ts). */
  async mergeApplicants(input: ApiParsedInput<'appeals.mergeApplicants'>, ctx: CallContext): Promise<MergeResult> {
    return mergeApplicants(this.db, input, ctx)
  }

  async transition(input: ApiParsedInput<'appeals.transition'>, ctx: CallContext): Promise<Appeal> {
    const today = this.today()
    const calendar = input.to === 'redirected' ? await this.calendar.load() : null
    await transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      const from = before.status as AppealStatus
      if (!canTransition(from, input.to))
        throw invalid([{ path: ['to'], messageKey: 'validation.transitionNotAllowed' }])
      const after: AppealRow = { ...before, status: input.to, updatedAt: new Date().toISOString() }
      const checkDate = (field: string, date: string) => {
        if (date < before.registeredOn) throw invalid([{ path: [field], messageKey: 'validation.beforeRegistration' }])
        if (date > today) throw invalid([{ path: [field], messageKey: 'validation.dateInFuture' }])
      }
      switch (input.to) {
        case 'answered': {
          checkDate('answeredOn', input.answeredOn)
          const issues = await answerDetailIssues(manager, before, input, today)
          if (issues.length > 0) throw invalid(issues)
          Object.assign(after, {
            outcome: input.outcome,
            answerText: input.answerText,
            answeredOn: input.answeredOn,
            ...answerDetailColumns(input),
          })
          break
        }
        case 'redirected':
          checkDate('redirectedOn', input.redirectedOn)
          // Redirected without having been marked: the due date is stored now, so a late
          // redirect shows as late.
          Object.assign(after, {
            redirectedTo: input.redirectedTo,
            redirectedOn: input.redirectedOn,
            redirectDueOn: before.redirectDueOn ?? redirectDueDate(calendar!, before.registeredOn),
          })
          break
        case 'left_without_consideration':
        case 'withdrawn':
          after.closingReason = input.reason
          break
      }
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      const changes = fieldChanges('appeal', before.id, before, after, [
        'status',
        'outcome',
        'answerText',
        'answeredOn',
        ...ANSWER_DETAIL_FIELDS,
        'redirectedTo',
        'redirectedOn',
        'redirectDueOn',
        'closingReason',
      ]).map((change) => ({ ...change, action: 'transition' as const }))
      await recordAudit(manager, ctx, changes)
    })
    return this.get(input.id, ctx)
  }

  /**
   * The details of an answer already given (its outgoing number and date, signatory, delivery):
   * recorded on the card when they arrive after the answer, or put right. Each change is in the
   * history; an appeal that is not answered has no answer to describe.
   */
  async updateAnswer(input: ApiParsedInput<'appeals.updateAnswer'>, ctx: CallContext): Promise<Appeal> {
    const today = this.today()
    await transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      if (before.status !== 'answered') throw invalid([{ path: ['id'], messageKey: 'answers.validation.notAnswered' }])
      const issues = await answerDetailIssues(manager, before, input, today)
      if (issues.length > 0) throw invalid(issues)
      const after: AppealRow = { ...before, ...answerDetailColumns(input), updatedAt: new Date().toISOString() }
      const changes = fieldChanges('appeal', before.id, before, after, [...ANSWER_DETAIL_FIELDS])
      if (changes.length === 0) return
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      await recordAudit(manager, ctx, changes)
    })
    return this.get(input.id, ctx)
  }

  /**
   * Extends the deadline by the head's decision, once: decided while the term in force still
   * runs, to a date later than it and within two months of registration.
   */
  async extend(input: ApiParsedInput<'appeals.extend'>, ctx: CallContext): Promise<Appeal> {
    const today = this.today()
    const calendar = await this.calendar.load()
    await transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      if (!OPEN_STATUSES.includes(before.status as AppealStatus))
        throw invalid([{ path: ['id'], messageKey: 'validation.extensionClosed' }])
      const max = maxExtendedDueDate(calendar, before.registeredOn)
      const issues: FieldIssue[] = []
      switch (extensionRefusal(before, input.decidedOn)) {
        case 'alreadyExtended':
          throw invalid([
            {
              path: ['extendedDueOn'],
              messageKey: 'validation.extensionAlreadyDecided',
              params: { decidedOn: before.extensionDecidedOn!, due: before.dueOn },
            },
          ])
        case 'termRanOut':
          issues.push({
            path: ['decidedOn'],
            messageKey: 'validation.extensionAfterTerm',
            params: { due: before.dueOn },
          })
      }
      if (input.extendedDueOn <= before.dueOn)
        issues.push({
          path: ['extendedDueOn'],
          messageKey: 'validation.extensionNotLater',
          params: { due: before.dueOn },
        })
      if (input.extendedDueOn > max)
        issues.push({ path: ['extendedDueOn'], messageKey: 'validation.extensionTooLong', params: { max } })
      if (input.decidedOn < before.registeredOn)
        issues.push({ path: ['decidedOn'], messageKey: 'validation.beforeRegistration' })
      if (input.decidedOn > today) issues.push({ path: ['decidedOn'], messageKey: 'validation.dateInFuture' })
      if (input.notifiedOn && input.notifiedOn < input.decidedOn)
        issues.push({ path: ['notifiedOn'], messageKey: 'validation.notifiedBeforeDecision' })
      if (input.notifiedOn && input.notifiedOn > today)
        issues.push({ path: ['notifiedOn'], messageKey: 'validation.dateInFuture' })
      if (issues.length > 0) throw invalid(issues)

      const after: AppealRow = {
        ...before,
        dueOn: input.extendedDueOn,
        extensionReason: input.reason,
        extensionDecidedOn: input.decidedOn,
        extensionNotifiedOn: input.notifiedOn,
        // Stored on the calendar in force at the decision: a day entered later moves no notice.
        noticeDueOn: extensionNoticeDueDate(calendar, input.decidedOn),
        updatedAt: new Date().toISOString(),
      }
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      const changes = fieldChanges('appeal', before.id, before, after, [
        'dueOn',
        'extensionReason',
        'extensionDecidedOn',
        'extensionNotifiedOn',
        'noticeDueOn',
      ])
      await recordAudit(
        manager,
        ctx,
        changes.map((c) => ({ ...c, action: 'extend' as const })),
      )
    })
    return this.get(input.id, ctx)
  }

  /**
   * Records the day the applicant was told of the extension (when not given with the decision,
   * or given wrong): on or after the decision, not in the future.
   */
  async recordNotice(input: ApiParsedInput<'appeals.recordNotice'>, ctx: CallContext): Promise<Appeal> {
    const today = this.today()
    await transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      if (before.extensionDecidedOn === null)
        throw invalid([{ path: ['id'], messageKey: 'validation.noticeWithoutExtension' }])
      if (input.notifiedOn < before.extensionDecidedOn)
        throw invalid([{ path: ['notifiedOn'], messageKey: 'validation.notifiedBeforeDecision' }])
      if (input.notifiedOn > today) throw invalid([{ path: ['notifiedOn'], messageKey: 'validation.dateInFuture' }])
      const after: AppealRow = { ...before, extensionNotifiedOn: input.notifiedOn, updatedAt: new Date().toISOString() }
      const changes = fieldChanges('appeal', before.id, before, after, ['extensionNotifiedOn'])
      if (changes.length === 0) return
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      await recordAudit(
        manager,
        ctx,
        changes.map((c) => ({ ...c, action: 'notice' as const })),
      )
    })
    return this.get(input.id, ctx)
  }

  /**
   * Marks an open appeal as outside the office's competence: it is to be redirected within 3
   * working days of registration, a date stored now on the calendar in force (in the history).
   */
  async markForRedirect(input: ApiParsedInput<'appeals.markForRedirect'>, ctx: CallContext): Promise<Appeal> {
    const calendar = await this.calendar.load()
    await transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      if (!OPEN_STATUSES.includes(before.status as AppealStatus))
        throw invalid([{ path: ['id'], messageKey: 'validation.redirectMarkClosed' }])
      if (before.redirectDueOn !== null) return
      const after: AppealRow = {
        ...before,
        redirectDueOn: redirectDueDate(calendar, before.registeredOn),
        updatedAt: new Date().toISOString(),
      }
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      const changes = fieldChanges('appeal', before.id, before, after, ['redirectDueOn'])
      await recordAudit(
        manager,
        ctx,
        changes.map((c) => ({ ...c, action: 'markRedirect' as const })),
      )
    })
    return this.get(input.id, ctx)
  }

  /**
   * Annuls an entry made by mistake (a test record, a double entry): the head or an
   * administrator, with a reason, both kept in the history. The row stays, so its number is
   * never given again (numbers come from appeal_counters) and its history stays whole; every
   * count, report and default list leaves it out (counted.ts).
   */
  async annul(input: ApiParsedInput<'appeals.annul'>, ctx: CallContext): Promise<Appeal> {
    if (!can(ctx.user?.role, 'appeals.annul')) throw new DomainError('forbidden', 'errors.forbidden')
    await transaction(this.db, async (manager) => {
      const before = await this.findStanding(manager, input.id, input.version)
      // The reason takes the place of a closing reason; the one it replaces stays in the history.
      const after: AppealRow = {
        ...before,
        status: 'annulled',
        closingReason: input.reason,
        updatedAt: new Date().toISOString(),
      }
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      const changes = fieldChanges('appeal', before.id, before, after, ['status', 'closingReason'])
      await recordAudit(
        manager,
        ctx,
        changes.map((c) => ({ ...c, action: 'annul' as const })),
      )
    })
    return this.get(input.id, ctx)
  }

  async get(id: number, ctx: CallContext): Promise<Appeal> {
    const manager = this.db.manager
    const row = await this.findRow(manager, id)
    const names = await checkReferences(manager, row, storedAppeal(row))
    return this.cardOf(manager, row, names, await this.calendar.load(), ctx)
  }

  /**
   * The card of a row, with the names it refers to (checkReferences) and its history: three
   * statements in all with the row's own, whatever the row refers to.
   */
  private async cardOf(
    manager: EntityManager,
    row: AppealRow,
    names: ReferenceFacts,
    calendar: WorkingCalendar,
    ctx: CallContext,
  ): Promise<Appeal> {
    const history = await manager.getRepository(AuditEntryEntity).find({
      where: { entity: 'appeal', entityId: String(row.id) },
      order: { id: 'ASC' },
    })
    return this.card(
      row,
      summaryRawOfRow(row, names.executorName),
      {
        repeatedOfNumber: names.repeatedOfNumber,
        signatoryName: names.signatoryName,
        acceptedBy: names.acceptedBy,
        history: history.map(({ at, operator, action, field, oldValue, newValue }) => ({
          at,
          operator,
          action,
          field,
          oldValue,
          newValue,
        })),
      },
      calendar,
      this.today(),
      ctx,
    )
  }

  /**
   * The applicant's IIN/BIN, phone and address in full, for a caller who may see them: the
   * card's "show" and the edit form. Each reveal is written to the history (who saw whose, when;
   * the fields shown, never their values), in the same transaction as the reading.
   */
  async revealPersonalData(id: number, ctx: CallContext): Promise<RevealedPersonalData> {
    requirePersonalData(ctx)
    return transaction(this.db, async (manager) => {
      const row = await this.findRow(manager, id)
      const shown = PERSONAL_DATA_FIELDS.filter((field) => row[field as keyof AppealRow] !== null)
      await recordAudit(manager, ctx, [
        {
          entity: 'appeal',
          entityId: String(id),
          action: 'reveal',
          field: null,
          oldValue: null,
          newValue: JSON.stringify(shown),
        },
      ])
      return { id, applicant: applicantFromColumns(row) }
    })
  }

  /**
   * The card of an appeal: its list columns, the rest of its row, and what it refers to. The
   * applicant's personal data is masked for every caller; who may see it in full asks for it
   * (revealPersonalData), so each full view is recorded.
   */
  private card(
    row: AppealRow,
    summaryRaw: SummaryRaw,
    related: {
      repeatedOfNumber: string | null
      /** The answer's signatory when a staff member (answerDetailsOfRow). */
      signatoryName: string | null
      acceptedBy: Appeal['acceptedBy']
      history: AuditEvent[]
    },
    calendar: WorkingCalendar,
    today: string,
    ctx: CallContext,
  ): Appeal {
    const applicant = applicantFromColumns(row)
    const masked = holdsPersonalData(applicant)
    // Object.assign onto the summary, not a spread into a literal: V8 (Node 20) builds this
    // ~40-property card from a spread some 100 times slower (~0.2 ms, measured). Same keys, same order.
    return Object.assign(summaryFromRaw(summaryRaw, { today, calendar }), {
      uuid: row.uuid,
      version: row.version,
      externalNumber: row.externalNumber,
      applicant: maskedApplicant(applicant),
      collective: row.collective,
      signatories: row.signatories,
      reviewDueOn: row.reviewDueOn ?? row.dueOn,
      extension: row.extensionDecidedOn
        ? {
            extendedDueOn: row.dueOn,
            reason: row.extensionReason ?? '',
            decidedOn: row.extensionDecidedOn,
            notifiedOn: row.extensionNotifiedOn,
            // Stored at the decision; a row without it (none after migration 0013) is counted now.
            noticeDueOn: row.noticeDueOn ?? extensionNoticeDueDate(calendar, row.extensionDecidedOn),
          }
        : null,
      redirect:
        row.redirectedTo && row.redirectedOn
          ? {
              redirectedTo: row.redirectedTo,
              redirectedOn: row.redirectedOn,
              dueOn: row.redirectDueOn ?? redirectDueDate(calendar, row.registeredOn),
            }
          : null,
      closingReason: row.closingReason,
      answerText: row.answerText,
      answeredOn: row.answeredOn,
      answeredOnTime: row.answeredOn ? row.answeredOn <= row.dueOn : null,
      answer: answerDetailsOfRow(row, related.signatoryName),
      repeatedOfId: row.repeatedOfId,
      repeatedOfNumber: related.repeatedOfNumber,
      acceptedBy: related.acceptedBy,
      maxExtendedDueOn: maxExtendedDueDate(calendar, row.registeredOn),
      annulment:
        row.status === 'annulled'
          ? {
              at: [...related.history].reverse().find((e) => e.action === 'annul')?.at ?? row.updatedAt,
              reason: row.closingReason ?? '',
            }
          : null,
      history: related.history.map(
        seesPersonalData(ctx) ? maskedHistoryEvent : (e) => withoutOtherName(maskedHistoryEvent(e)),
      ),
      personalData: { masked, mayReveal: masked && seesPersonalData(ctx) },
    })
  }

  /**
   * Returning citizens: by IIN/BIN prefix when the query is digits, else by name (folded, so
   * "Кайрат" finds "Қайрат"). Groups by IIN when known, else by name and locality. The
   * applicants come masked; choosing one to fill a form in asks for a reveal of their latest
   * appeal. Digits are refused to a caller who may not see IINs (see checkIdNumberSearch).
   */
  async findApplicants(
    { query }: ApiParsedInput<'appeals.findApplicants'>,
    ctx: CallContext,
  ): Promise<KnownApplicant[]> {
    checkIdNumberSearch(ctx, query, true)
    const on = await this.readDay()
    const digits = /^\d+$/.test(query)
    const page = digits
      ? await this.queries.summariesByIdNumberPrefix(query, on)
      : (
          await this.queries.list(
            { query, from: null, to: null, sort: 'receivedAt', order: 'desc', offset: 0, limit: 200 },
            on,
          )
        ).rows
    const ids = page.filter((s) => !isNameless(s.applicantKind)).map((s) => s.id)
    if (ids.length === 0) return []
    const rows = await this.db.getRepository(AppealEntity).findBy({ id: In(ids) })
    const byId = new Map(rows.map((r) => [r.id, r]))
    const folded = foldForSearch(query)
    const groups = new Map<string, KnownApplicant>()
    for (const summary of page) {
      const row = byId.get(summary.id)
      if (!row) continue
      // A name query matched the summary text too; keep only appeals whose applicant matches.
      if (!digits && !foldForSearch(row.applicantName ?? '').includes(folded.split(/\s+/)[0] ?? '')) continue
      const key = row.applicantIdNumber ?? `${foldForSearch(row.applicantName ?? '')}|${row.localityId ?? ''}`
      const group = groups.get(key) ?? {
        applicant: maskedApplicant(applicantFromColumns(row)),
        localityId: row.localityId,
        appealsCount: 0,
        latest: [],
      }
      group.appealsCount += 1
      if (group.latest.length < 5) group.latest.push(summary)
      groups.set(key, group)
    }
    return [...groups.values()].slice(0, 10)
  }

  /**
   * Earlier appeals that make this one a repeated appeal: the same applicant (same IIN/BIN, or
   * the same name in the same locality) in the same sector within the last 12 months. For a
   * caller who may not see IINs the IIN/BIN given is not used (the same name in the same
   * locality is): matching on it would tell them whose number it is.
   */
  async repeatCandidates(
    input: ApiParsedInput<'appeals.repeatCandidates'>,
    ctx: CallContext,
  ): Promise<AppealSummary[]> {
    const on = await this.readDay()
    const today = on.today
    const name = applicantDisplayName(input.applicant)
    const idNumber = !seesPersonalData(ctx)
      ? null
      : input.applicant.kind === 'individual'
        ? input.applicant.iin
        : input.applicant.kind === 'organisation'
          ? input.applicant.bin
          : null
    if (!name && !idNumber) return []
    const since = addMonths(today, -12)
    const params = {
      sectorId: input.sectorId,
      since,
      idNumber,
      localityId: input.localityId,
      excludeId: input.excludeId ?? 0,
    }
    const sameApplicant = idNumber
      ? 'a.applicant_id_number = :idNumber'
      : input.localityId === null
        ? 'a.locality_id IS NULL'
        : 'a.locality_id = :localityId'
    const candidates = await this.queries.summariesWhere(
      `a.sector_id = :sectorId AND a.registered_on >= :since AND a.id <> :excludeId AND ${sameApplicant}`,
      params,
      on,
    )
    if (idNumber) return candidates
    const wanted = foldForSearch(name!.replace(/\s+/g, ' ').trim())
    return candidates.filter((c) => foldForSearch((c.applicantName ?? '').replace(/\s+/g, ' ').trim()) === wanted)
  }

  /** An IIN whose birth date is after today, by the office clock. */
  private clockIssues(applicant: Applicant, today: string): FieldIssue[] {
    if (applicant.kind !== 'individual' || !applicant.iin) return []
    const birth = iinBirthDate(applicant.iin)
    return birth && birth > today ? [{ path: ['applicant', 'iin'], messageKey: 'validation.iin.futureBirthDate' }] : []
  }

  /**
   * The row of an entry that stands (an annulled one is not changed any more), at the version
   * the edit was made on (services/versioned.ts): a stale edit is refused before anything else.
   */
  private async findStanding(manager: EntityManager, id: number, version: number | null): Promise<AppealRow> {
    const row = await checkVersion(manager, 'appeal', await this.findRow(manager, id), version)
    if (row.status === 'annulled') throw invalid([{ path: ['id'], messageKey: 'validation.appealAnnulled' }])
    return row
  }

  private async findRow(manager: EntityManager, id: number): Promise<AppealRow> {
    const row = await manager.getRepository(AppealEntity).findOne({ where: { id } })
    if (!row) throw new DomainError('not_found', 'errors.appealNotFound')
    return row
  }
}
