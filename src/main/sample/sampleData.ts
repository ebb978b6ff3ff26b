import { randomUUID } from 'node:crypto'
import type { DataSource, EntityManager } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type { SampleDataSummary } from '@shared/api/contract'
import { APPEAL_OUTCOMES, type AppealChannel, type AppealType } from '@shared/domain/appeal'
import { addWorkingDays, isWorkingDay, nextWorkingDayFrom, type WorkingCalendar } from '@shared/domain/calendar'
import { addDays, localNow } from '@shared/domain/dates'
import { AppealEntity, LocalityEntity, ReportMeetingEntity, SectorEntity, StaffEntity } from '../db/entities'
import { recordAudit } from '../services/audit'
import type { CalendarService } from '../services/calendar'
import type { CallContext, Clock } from '../services/context'
import type { SettingsStore } from '../services/settingsStore'
import { registerAppeal } from '../services/appeals/register'
import { seededRandom, type Random } from './random'
import { promiseSampleMeasures } from './measures'
import { FIRST_NAMES, PATRONYMICS, QUESTIONS, SURNAMES } from './texts'
import reference from '../../../resources/sample/report-meetings-2021-2023.json'
import { transaction } from '../db/transaction'

const RECEPTION_CHANNELS: AppealChannel[] = ['reception', 'written', 'e_otinish', 'phone', 'site_visit']
const RECEPTION_TYPES: AppealType[] = ['application', 'complaint', 'proposal', 'request']

/**
 * Builds the reference district into an empty database: the Abai district office, its okrugs
 * and villages, staff, 22 report meetings across 2021-2023 whose 326 questions have exactly
 * the per-sector, per-year counts of the official reference table, and reception appeals in
 * other channels with a spread of statuses. Refused when the register already holds appeals:
 * sample data must never mix with an office's real records.
 */
export async function loadSampleData(
  db: DataSource,
  deps: { calendar: CalendarService; settings: SettingsStore; clock: Clock },
): Promise<SampleDataSummary> {
  if ((await db.getRepository(AppealEntity).count()) > 0) throw new DomainError('conflict', 'errors.sampleNotEmpty')
  const calendar = await deps.calendar.load()
  const random = seededRandom(20212023)
  const today = localNow(deps.clock()).date
  const ctx: CallContext = { operator: 'sample', door: 'desktop' }
  const now = new Date().toISOString()

  return transaction(db, async (manager) => {
    await deps.settings.set('office', reference.office, manager)
    const staffRepo = manager.getRepository(StaffEntity)
    const staff = await staffRepo.save(
      reference.staff.map((s) => ({
        ...s,
        positionRu: s.positionRu ?? null,
        department: s.department ?? null,
        isExecutor: true,
        active: true,
        createdAt: now,
        updatedAt: now,
      })),
    )

    const localityRepo = manager.getRepository(LocalityEntity)
    const villages: { id: number; okrugId: number; name: string }[] = []
    for (const okrug of reference.okrugs) {
      const saved = await localityRepo.save({
        uuid: randomUUID(),
        originOfficeUuid: null,
        importedVersion: null,
        kind: 'okrug' as const,
        parentId: null,
        nameKk: okrug.nameKk,
        nameRu: okrug.nameRu,
        nameEn: okrug.nameEn,
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      for (const village of okrug.villages) {
        const v = await localityRepo.save({
          uuid: randomUUID(),
          originOfficeUuid: null,
          importedVersion: null,
          kind: 'settlement' as const,
          parentId: saved.id,
          nameKk: village.nameKk,
          nameRu: village.nameRu,
          nameEn: null,
          active: true,
          createdAt: now,
          updatedAt: now,
        })
        villages.push({ id: v.id, okrugId: saved.id, name: village.nameKk })
      }
    }

    const sectorIds = new Map((await manager.getRepository(SectorEntity).find()).map((s) => [s.code, s.id]))
    const meetingRepo = manager.getRepository(ReportMeetingEntity)
    let questions = 0
    let measures = 0
    const measureRandom = seededRandom(2024)
    for (const [yi, year] of reference.years.entries()) {
      // Every question of the year, sector by sector, shuffled over the year's meetings.
      const pool = reference.rows.flatMap((row) => Array.from({ length: row.counts[yi]! }, () => row.code))
      shuffle(pool, random)
      const meetings = reference.meetingsPerYear[yi]!
      for (let m = 0; m < meetings; m++) {
        const village = villages[(m + yi * 3) % villages.length]!
        const heldOn = nextWorkingDayFrom(calendar, addDays(`${year}-01-15`, m * 7))
        const meeting = await meetingRepo.save({
          uuid: randomUUID(),
          heldOn,
          localityId: village.id,
          place: `${village.name}, мәдениет үйі`,
          speakerName: reference.office.headName,
          speakerPosition: reference.office.headPosition,
          format: 'in_person' as const,
          attendance: random.int(40, 180),
          broadcastLink: null,
          notes: null,
          createdAt: now,
          updatedAt: now,
        })
        const share = pool.splice(0, Math.ceil(pool.length / (meetings - m)))
        const raised: { id: number; sectorCode: string }[] = []
        for (const code of share) {
          const executor = random.pick(staff)
          const row = await registerAppeal(
            manager,
            calendar,
            {
              receivedAt: `${heldOn}T11:00`,
              channel: 'report_meeting',
              externalNumber: null,
              appealType: random.pick(['request', 'proposal', 'complaint'] as const),
              sectorId: sectorIds.get(code)!,
              localityId: village.id,
              meetingId: meeting.id,
              applicant: random.next() < 0.3 ? { kind: 'at_meeting' } : person(random),
              collective: false,
              signatories: null,
              summary: random.pick(QUESTIONS[code] ?? QUESTIONS.other!),
              executorId: executor.id,
              repeatedOfId: null,
            },
            ctx,
          )
          await settle(manager, row.id, row.registeredOn, { random, today, calendar, ctx })
          raised.push({ id: row.id, sectorCode: code })
          questions += 1
        }
        measures += await promiseSampleMeasures(manager, meeting, raised, { random: measureRandom, today, ctx })
      }
    }

    // Reception appeals in the other channels, from 2021 to today, so lists, deadlines and
    // the dashboard have something to show: most answered, recent ones still open.
    let receptionAppeals = 0
    for (let day = '2021-02-01'; day <= today; day = addDays(day, random.int(2, 6))) {
      if (!isWorkingDay(calendar, day)) continue
      const village = random.pick(villages)
      const code = random.pick([...sectorIds.keys()])
      const row = await registerAppeal(
        manager,
        calendar,
        {
          receivedAt: `${day}T${String(random.int(9, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
          channel: random.pick(RECEPTION_CHANNELS),
          externalNumber: null,
          appealType: random.pick(RECEPTION_TYPES),
          sectorId: sectorIds.get(code)!,
          localityId: village.id,
          meetingId: null,
          applicant: person(random),
          collective: false,
          signatories: null,
          summary: random.pick(QUESTIONS[code] ?? QUESTIONS.other!),
          executorId: random.pick(staff).id,
          repeatedOfId: null,
        },
        ctx,
      )
      await settle(manager, row.id, row.registeredOn, { random, today, calendar, ctx })
      receptionAppeals += 1
    }
    return { meetings: reference.meetingsPerYear.reduce((a, b) => a + b, 0), questions, measures, receptionAppeals }
  })
}

function person(random: Random) {
  const patronymic = random.pick(PATRONYMICS)
  return {
    kind: 'individual' as const,
    surname: random.pick(SURNAMES),
    firstName: random.pick(FIRST_NAMES),
    patronymic,
    iin: null,
    phone: `+7 70${random.int(0, 9)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
    address: null,
  }
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
}

/**
 * Gives an appeal the fate most appeals have: answered 3-17 working days after registration
 * (so a few late), unless that day has not come yet; a few stay open.
 */
async function settle(
  manager: EntityManager,
  id: number,
  registeredOn: string,
  { random, today, calendar, ctx }: { random: Random; today: string; calendar: WorkingCalendar; ctx: CallContext },
): Promise<void> {
  const answeredOn = addWorkingDays(calendar, registeredOn, random.int(3, 17))
  if (answeredOn > today || random.next() < 0.04) {
    if (random.next() < 0.5) await manager.getRepository(AppealEntity).update({ id }, { status: 'in_progress' })
    return
  }
  const outcome = random.pick(APPEAL_OUTCOMES)
  await manager
    .getRepository(AppealEntity)
    .update({ id }, { status: 'answered', outcome, answeredOn, answerText: 'Жауап жолданды.' })
  await recordAudit(manager, ctx, [
    {
      entity: 'appeal',
      entityId: String(id),
      action: 'transition',
      field: 'status',
      oldValue: '"registered"',
      newValue: '"answered"',
    },
  ])
}
