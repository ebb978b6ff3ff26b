import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { Applicant } from '@shared/api/contract'
import type { AppealChannel, AppealType } from '@shared/domain/appeal'
import { registrationDate, reviewDueDate } from '@shared/domain/appeal'
import type { WorkingCalendar } from '@shared/domain/calendar'
import { appealSearchText } from '@shared/domain/search'
import { AppealEntity, type AppealRow } from '../../db/entities'
import { createdEntry, recordAudit } from '../audit'
import type { CallContext } from '../context'
import { applicantToColumns } from './mapping'
import { checkReferences } from './references'

export interface NewAppeal {
  receivedAt: string
  channel: AppealChannel
  externalNumber: string | null
  appealType: AppealType
  sectorId: number
  localityId: number | null
  meetingId: number | null
  applicant: Applicant
  collective: boolean
  signatories: number | null
  summary: string
  executorId: number | null
  repeatedOfId: number | null
}

/**
 * The next registration number of a year: YYYY-NNNNNN from a per-year counter that only goes
 * up, so a number is never given twice. Runs inside the caller's transaction (and calls are
 * serialised by the dispatcher), so two registrations cannot read the same counter.
 */
async function nextRegNumber(manager: EntityManager, year: number): Promise<string> {
  const rows: { last_number: number }[] = await manager
    .createQueryBuilder()
    .select('c.last_number', 'last_number')
    .from('appeal_counters', 'c')
    .where('c.year = :year', { year })
    .getRawMany()
  const next = Number(rows[0]?.last_number ?? 0) + 1
  if (rows.length === 0) {
    await manager.createQueryBuilder().insert().into('appeal_counters', ['year', 'last_number']).values({ year, last_number: next }).execute()
  } else {
    await manager.createQueryBuilder().update('appeal_counters').set({ last_number: next }).where('year = :year', { year }).execute()
  }
  return `${year}-${String(next).padStart(6, '0')}`
}

/**
 * Registers an appeal inside the caller's transaction: checks its references, gives it the
 * registration date (the next working day when received after hours or on a day off), its
 * number, its 15-working-day deadline, and writes the audit entry with it.
 */
export async function registerAppeal(
  manager: EntityManager,
  calendar: WorkingCalendar,
  appeal: NewAppeal,
  ctx: CallContext,
  issuePath: (string | number)[] = [],
): Promise<AppealRow> {
  await checkReferences(manager, appeal, issuePath)
  const [receivedDate, receivedTime] = appeal.receivedAt.split('T') as [string, string]
  const registeredOn = registrationDate(calendar, receivedDate, receivedTime)
  const regNumber = await nextRegNumber(manager, Number(registeredOn.slice(0, 4)))
  const dueOn = reviewDueDate(calendar, registeredOn)
  const now = new Date().toISOString()
  const applicant = applicantToColumns(appeal.applicant)
  const { applicant: _applicant, ...fields } = appeal

  const row = await manager.getRepository(AppealEntity).save({
    ...fields,
    ...applicant,
    uuid: randomUUID(),
    regNumber,
    registeredOn,
    status: 'registered',
    dueOn,
    reviewDueOn: dueOn,
    signatories: appeal.collective ? appeal.signatories : null,
    acceptedById: ctx.operatorId ?? null,
    outcome: null,
    answerText: null,
    answeredOn: null,
    closingReason: null,
    extensionReason: null,
    extensionDecidedOn: null,
    extensionNotifiedOn: null,
    redirectedTo: null,
    redirectedOn: null,
    repeated: appeal.repeatedOfId !== null,
    searchText: appealSearchText(regNumber, applicant.applicantName, appeal.summary),
    createdAt: now,
    updatedAt: now,
  })
  await recordAudit(manager, ctx, [
    createdEntry('appeal', row.id, { regNumber, registeredOn, dueOn, status: 'registered', summary: appeal.summary }),
  ])
  return row
}
