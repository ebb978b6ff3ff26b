import { randomUUID } from 'node:crypto'
import type { DataSource, EntityManager } from 'typeorm'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import type { ApiParsedInput, MeasureCounts, MeetingMeasure } from '@shared/api/contract'
import { localNow, type IsoDate } from '@shared/domain/dates'
import { measureState } from '@shared/domain/measure'
import { MeetingMeasureEntity, ReportMeetingEntity, type MeetingMeasureRow } from '../db/entities'
import { createdEntry, fieldChanges, recordAudit } from './audit'
import type { CallContext, Clock } from './context'
import { transaction } from '../db/transaction'
import { checkVersion, staleEdit, writeVersioned } from './versioned'

const AUDITED = ['text', 'responsible', 'dueOn', 'appealId', 'doneOn', 'doneNote'] as const

/**
 * The measures promised at report meetings: what, who answers for it, by when, and whether it
 * was done. Every change is audited in its own transaction with the change.
 */
export class MeasureService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A meeting's measures in deadline order, each judged against today. */
  forMeeting(meetingId: number): Promise<MeetingMeasure[]> {
    return this.listWhere(this.db.manager, 'm.meeting_id = :meetingId', { meetingId })
  }

  /** The measures answering one question (its appeal card), in deadline order. */
  forAppeal(appealId: number): Promise<MeetingMeasure[]> {
    return this.listWhere(this.db.manager, 'm.appeal_id = :appealId', { appealId })
  }

  /** How far each meeting's measures have got, for the meetings list. */
  async countsByMeeting(): Promise<Map<number, MeasureCounts>> {
    const rows: { meeting_id: number; total: number; done: number; overdue: number }[] = await this.db.manager.query(
      `SELECT meeting_id, COUNT(*) AS total,
              SUM(CASE WHEN done_on IS NOT NULL THEN 1 ELSE 0 END) AS done,
              SUM(CASE WHEN done_on IS NULL AND due_on < ${this.param(0)} THEN 1 ELSE 0 END) AS overdue
         FROM meeting_measures GROUP BY meeting_id`,
      [this.today()],
    )
    return new Map(
      rows.map((r) => [
        Number(r.meeting_id),
        { total: Number(r.total), done: Number(r.done), overdue: Number(r.overdue) },
      ]),
    )
  }

  async create(input: ApiParsedInput<'measures.create'>, ctx: CallContext): Promise<MeetingMeasure> {
    return transaction(this.db, async (manager) => {
      const heldOn = await this.meetingDate(manager, input.meetingId)
      await this.check(manager, input.meetingId, heldOn, { ...input, doneOn: null })
      const now = new Date().toISOString()
      const row = await manager.getRepository(MeetingMeasureEntity).save({
        uuid: randomUUID(),
        meetingId: input.meetingId,
        text: input.text,
        responsible: input.responsible,
        dueOn: input.dueOn,
        appealId: input.appealId,
        doneOn: null,
        doneNote: null,
        createdAt: now,
        updatedAt: now,
      })
      const { meetingId, text, responsible, dueOn, appealId } = row
      await recordAudit(manager, ctx, [
        createdEntry('measure', row.id, { meetingId, text, responsible, dueOn, appealId }),
      ])
      return this.one(manager, row.id)
    })
  }

  /** Edits a measure; setting `doneOn` marks it done, clearing it reopens it (its note goes too). */
  async update(input: ApiParsedInput<'measures.update'>, ctx: CallContext): Promise<MeetingMeasure> {
    return transaction(this.db, async (manager) => {
      const repo = manager.getRepository(MeetingMeasureEntity)
      const found = await repo.findOne({ where: { id: input.id } })
      if (!found) throw new DomainError('not_found', 'errors.measureNotFound')
      const before = await checkVersion(manager, 'measure', found, input.version)
      const heldOn = await this.meetingDate(manager, before.meetingId)
      await this.check(manager, before.meetingId, heldOn, input)
      const after: MeetingMeasureRow = {
        ...before,
        text: input.text,
        responsible: input.responsible,
        dueOn: input.dueOn,
        appealId: input.appealId,
        doneOn: input.doneOn,
        doneNote: input.doneOn ? input.doneNote : null,
        updatedAt: new Date().toISOString(),
      }
      const changes = fieldChanges('measure', before.id, before, after, [...AUDITED])
      if (changes.length > 0) {
        await writeVersioned(manager, MeetingMeasureEntity, 'measure', before, after)
        await recordAudit(manager, ctx, changes)
      }
      return this.one(manager, before.id)
    })
  }

  /** Removes a measure entered by mistake; the audit trail keeps what it was. */
  async delete({ id, version }: ApiParsedInput<'measures.delete'>, ctx: CallContext): Promise<{ id: number }> {
    return transaction(this.db, async (manager) => {
      const repo = manager.getRepository(MeetingMeasureEntity)
      const found = await repo.findOne({ where: { id } })
      if (!found) throw new DomainError('not_found', 'errors.measureNotFound')
      const before = await checkVersion(manager, 'measure', found, version)
      // only the version read: a measure changed meanwhile by another desk is not removed unseen
      const removed = await repo.delete({ id, version: before.version })
      if (removed.affected === 0) throw await staleEdit(manager, 'measure', before)
      const { meetingId, text, responsible, dueOn, appealId, doneOn, doneNote } = before
      await recordAudit(manager, ctx, [
        {
          entity: 'measure',
          entityId: String(id),
          action: 'delete',
          field: null,
          oldValue: JSON.stringify({ meetingId, text, responsible, dueOn, appealId, doneOn, doneNote }),
          newValue: null,
        },
      ])
      return { id }
    })
  }

  /**
   * The rules a measure's dates and question follow, every broken one reported on its field:
   * the deadline and the done date not before the meeting, the done date not in the future,
   * the question one of this meeting's.
   */
  private async check(
    manager: EntityManager,
    meetingId: number,
    heldOn: IsoDate,
    input: { dueOn: IsoDate; doneOn: IsoDate | null; appealId: number | null },
  ): Promise<void> {
    const issues: FieldIssue[] = []
    if (input.dueOn < heldOn)
      issues.push({ path: ['dueOn'], messageKey: 'validation.beforeMeeting', params: { heldOn } })
    if (input.doneOn && input.doneOn < heldOn)
      issues.push({ path: ['doneOn'], messageKey: 'validation.beforeMeeting', params: { heldOn } })
    else if (input.doneOn && input.doneOn > this.today())
      issues.push({ path: ['doneOn'], messageKey: 'validation.dateInFuture' })
    if (input.appealId !== null) {
      const [found] = (await manager.query(
        `SELECT 1 AS ok FROM appeals WHERE id = ${this.param(0)} AND meeting_id = ${this.param(1)}`,
        [input.appealId, meetingId],
      )) as unknown[]
      if (!found) issues.push({ path: ['appealId'], messageKey: 'validation.notThisMeeting' })
    }
    if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)
  }

  private async meetingDate(manager: EntityManager, meetingId: number): Promise<IsoDate> {
    const meeting = await manager
      .getRepository(ReportMeetingEntity)
      .findOne({ where: { id: meetingId }, select: { id: true, heldOn: true } })
    if (!meeting) throw new DomainError('not_found', 'errors.meetingNotFound')
    return meeting.heldOn
  }

  private async one(manager: EntityManager, id: number): Promise<MeetingMeasure> {
    const [measure] = await this.listWhere(manager, 'm.id = :id', { id })
    return measure!
  }

  /** Measures with their question's number, in deadline order, each judged against today. */
  private async listWhere(
    manager: EntityManager,
    where: string,
    params: Record<string, unknown>,
  ): Promise<MeetingMeasure[]> {
    const rows: RawMeasure[] = await manager
      .createQueryBuilder()
      .select([
        'm.id AS id',
        'm.version AS version',
        'm.meeting_id AS meeting_id',
        'm.text AS text',
        'm.responsible AS responsible',
        'm.due_on AS due_on',
      ])
      .addSelect([
        'm.appeal_id AS appeal_id',
        'm.done_on AS done_on',
        'm.done_note AS done_note',
        'a.reg_number AS reg_number',
      ])
      .from('meeting_measures', 'm')
      .leftJoin('appeals', 'a', 'a.id = m.appeal_id')
      .where(where, params)
      .orderBy('m.due_on')
      .addOrderBy('m.id')
      .getRawMany()
    const today = this.today()
    return rows.map((raw) => toMeasure(fromRaw(raw), today))
  }

  private param(index: number): string {
    return this.db.driver.createParameter(`p${index}`, index)
  }

  private today(): IsoDate {
    return localNow(this.clock()).date
  }
}

interface RawMeasure {
  id: number
  version: number
  meeting_id: number
  text: string
  responsible: string
  due_on: string
  appeal_id: number | null
  done_on: string | null
  done_note: string | null
  reg_number: string | null
}

function fromRaw(raw: RawMeasure): Omit<MeetingMeasure, 'state'> {
  return {
    id: Number(raw.id),
    version: Number(raw.version),
    meetingId: Number(raw.meeting_id),
    text: raw.text,
    responsible: raw.responsible,
    dueOn: raw.due_on,
    appealId: raw.appeal_id === null ? null : Number(raw.appeal_id),
    doneOn: raw.done_on,
    doneNote: raw.done_note,
    appealRegNumber: raw.reg_number,
  }
}

function toMeasure(m: Omit<MeetingMeasure, 'state'>, today: IsoDate): MeetingMeasure {
  return { ...m, state: measureState(m, today) }
}
