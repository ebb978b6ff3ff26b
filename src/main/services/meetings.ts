import { randomUUID } from 'node:crypto'
import { Between, type DataSource, type EntityManager } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type {
  ApiParsedInput,
  MeasureCounts,
  ReportMeeting,
  ReportMeetingDetails,
  SectorShare,
} from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import { percentShares } from '@shared/domain/shares'
import { countMeasures } from '@shared/domain/measure'
import { LocalityEntity, ReportMeetingEntity, type ReportMeetingRow } from '../db/entities'
import { createdEntry, fieldChanges, recordAudit } from './audit'
import type { CalendarService } from './calendar'
import type { CallContext, Clock } from './context'
import { COUNTED_SQL } from './appeals/counted'
import type { AppealQueries } from './appeals/queries'
import type { MeasureService } from './measures'
import { registerAppeal } from './appeals/register'
import type { Applicant } from '@shared/api/contract'
import { transaction } from '../db/transaction'
import { checkVersion, writeVersioned } from './versioned'

const MEETING_FIELDS = [
  'heldOn',
  'localityId',
  'place',
  'speakerName',
  'speakerPosition',
  'format',
  'attendance',
  'broadcastLink',
  'notes',
] as const

const NO_MEASURES: MeasureCounts = { total: 0, done: 0, overdue: 0 }

const toMeeting = (row: ReportMeetingRow, questionsCount: number, measureCounts: MeasureCounts): ReportMeeting => ({
  id: row.id,
  // a row just saved may come back without the column's default
  version: row.version ?? 1,
  heldOn: row.heldOn,
  localityId: row.localityId,
  place: row.place,
  speakerName: row.speakerName,
  speakerPosition: row.speakerPosition,
  format: row.format,
  attendance: row.attendance,
  broadcastLink: row.broadcastLink,
  notes: row.notes,
  questionsCount,
  measureCounts,
})

/** A name typed in the questions grid, as an applicant: "Surname Name Patronymic". */
function applicantFromName(name: string | null): Applicant {
  if (!name) return { kind: 'at_meeting' }
  const [surname = '', firstName = '', ...rest] = name.split(/\s+/)
  return {
    kind: 'individual',
    surname,
    firstName,
    patronymic: rest.join(' ') || null,
    iin: null,
    phone: null,
    address: null,
  }
}

/** The akim's report meetings and the questions raised at them (each one an appeal). */
export class MeetingService {
  constructor(
    private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly appeals: AppealQueries,
    private readonly measures: MeasureService,
    private readonly clock: Clock,
  ) {}

  async list({ year }: ApiParsedInput<'meetings.list'>): Promise<ReportMeeting[]> {
    const rows = await this.db.getRepository(ReportMeetingEntity).find({
      where: year ? { heldOn: Between(`${year}-01-01`, `${year}-12-31`) } : {},
      order: { heldOn: 'DESC', id: 'DESC' },
    })
    const counts: { meeting_id: number; n: number }[] = await this.db
      .createQueryBuilder()
      .select('a.meeting_id', 'meeting_id')
      .addSelect('COUNT(*)', 'n')
      .from('appeals', 'a')
      .where('a.meeting_id IS NOT NULL')
      .andWhere(COUNTED_SQL)
      .groupBy('a.meeting_id')
      .getRawMany()
    const byMeeting = new Map(counts.map((c) => [Number(c.meeting_id), Number(c.n)]))
    const measures = await this.measures.countsByMeeting()
    return rows.map((row) => toMeeting(row, byMeeting.get(row.id) ?? 0, measures.get(row.id) ?? NO_MEASURES))
  }

  async get(id: number): Promise<ReportMeetingDetails> {
    const row = await this.db.getRepository(ReportMeetingEntity).findOne({ where: { id } })
    if (!row) throw new DomainError('not_found', 'errors.meetingNotFound')
    const on = { today: localNow(this.clock()).date, calendar: await this.calendar.load() }
    const questions = await this.appeals.summariesWhere(`a.meeting_id = :id AND ${COUNTED_SQL}`, { id }, on, 5000)
    questions.sort((a, b) => a.regNumber.localeCompare(b.regNumber))
    const counts = new Map<number, number>()
    for (const q of questions) counts.set(q.sectorId, (counts.get(q.sectorId) ?? 0) + 1)
    const sectorIds = [...counts.keys()]
    const percents = percentShares(sectorIds.map((s) => counts.get(s)!))
    const bySector: SectorShare[] = sectorIds.map((sectorId, i) => ({
      sectorId,
      count: counts.get(sectorId)!,
      percent: percents[i]!,
    }))
    const statuses = new Map<string, number>()
    for (const q of questions) statuses.set(q.status, (statuses.get(q.status) ?? 0) + 1)
    const measures = await this.measures.forMeeting(id)
    return {
      ...toMeeting(row, questions.length, countMeasures(measures)),
      questions,
      bySector,
      byStatus: [...statuses].map(([status, count]) => ({
        status: status as ReportMeetingDetails['byStatus'][number]['status'],
        count,
      })),
      measures,
    }
  }

  async create(input: ApiParsedInput<'meetings.create'>, ctx: CallContext): Promise<ReportMeeting> {
    this.checkNotFuture(input.heldOn)
    return transaction(this.db, async (manager) => {
      await checkLocality(manager, input.localityId)
      const now = new Date().toISOString()
      const row = await manager
        .getRepository(ReportMeetingEntity)
        .save({ ...input, uuid: randomUUID(), createdAt: now, updatedAt: now })
      await recordAudit(manager, ctx, [createdEntry('meeting', row.id, input)])
      return toMeeting(row, 0, NO_MEASURES)
    })
  }

  async update(input: ApiParsedInput<'meetings.update'>, ctx: CallContext): Promise<ReportMeeting> {
    this.checkNotFuture(input.heldOn)
    await transaction(this.db, async (manager) => {
      const repo = manager.getRepository(ReportMeetingEntity)
      const found = await repo.findOne({ where: { id: input.id } })
      if (!found) throw new DomainError('not_found', 'errors.meetingNotFound')
      const before = await checkVersion(manager, 'meeting', found, input.version)
      if (input.localityId !== before.localityId) await checkLocality(manager, input.localityId)
      const { id: _id, version: _version, ...fields } = input
      const after: ReportMeetingRow = { ...before, ...fields, updatedAt: new Date().toISOString() }
      const changes = fieldChanges('meeting', before.id, before, after, [...MEETING_FIELDS])
      if (changes.length === 0) return
      await writeVersioned(manager, ReportMeetingEntity, 'meeting', before, after)
      await recordAudit(manager, ctx, changes)
    })
    const list = await this.list({})
    return list.find((m) => m.id === input.id)!
  }

  /**
   * Registers the questions of the grid as appeals of this meeting, all or none: one bad row
   * (its issues point at ['questions', row, field]) leaves the meeting as it was.
   */
  async addQuestions(
    { meetingId, questions }: ApiParsedInput<'meetings.addQuestions'>,
    ctx: CallContext,
  ): Promise<ReportMeetingDetails> {
    const calendar = await this.calendar.load()
    await transaction(this.db, async (manager) => {
      const meeting = await manager.getRepository(ReportMeetingEntity).findOne({ where: { id: meetingId } })
      if (!meeting) throw new DomainError('not_found', 'errors.meetingNotFound')
      for (const [index, q] of questions.entries()) {
        await registerAppeal(
          manager,
          calendar,
          {
            receivedAt: `${meeting.heldOn}T12:00`,
            channel: 'report_meeting',
            externalNumber: null,
            appealType: q.appealType,
            sectorId: q.sectorId,
            localityId: meeting.localityId,
            meetingId,
            applicant: applicantFromName(q.applicantName),
            collective: false,
            signatories: null,
            summary: q.summary,
            executorId: q.executorId,
            repeatedOfId: null,
          },
          ctx,
          ['questions', index],
        )
      }
    })
    return this.get(meetingId)
  }

  private checkNotFuture(heldOn: string): void {
    if (heldOn > localNow(this.clock()).date) {
      throw new DomainError('validation', 'errors.validation', [
        { path: ['heldOn'], messageKey: 'validation.dateInFuture' },
      ])
    }
  }
}

/** A meeting's settlement must be one the office keeps: refused by field, before the database's foreign key would say it as an internal error. */
async function checkLocality(manager: EntityManager, localityId: number | null): Promise<void> {
  if (localityId === null) return
  const found = await manager.getRepository(LocalityEntity).exists({ where: { id: localityId } })
  if (!found) {
    throw new DomainError('validation', 'errors.validation', [
      { path: ['localityId'], messageKey: 'validation.unknownReference' },
    ])
  }
}
