/**
 * Builds a bench database fast: the schema and the small catalogs through the app itself
 * (migrations, then office, staff, localities and the operator through the API), then the
 * bulk — report meetings, appeals and their audit entries — with raw prepared inserts in large
 * transactions, the secondary indexes, the full-text trigger and the year-count insert trigger
 * dropped meanwhile and restored afterwards exactly as the migrations wrote them, so the schema
 * is the app's, byte for byte (the full-text index rebuilt, appeal_year_counts refilled by the
 * migration's own SQL).
 *
 * Distributions: ten years to the generation date, growing ~7% a year, working days only
 * (e-Otinish also at weekends, registered the next working day); sector shares of the
 * reference table; 30 localities; about 3,000 report meetings per million appeals with 10-40
 * questions each; Kazakh (¾) and Russian (¼) applicants with Zipf-like surnames, valid IINs
 * for most, a fifth of appeals from returning citizens; summaries in Kazakh or Russian; a
 * realistic spread of statuses (old ones answered, a few overdue, recent ones open).
 *
 * Left as the bench needs: one 'create' audit entry per appeal (chained with real hashes),
 * no audit entries for later transitions; no ANALYZE (an office database has no statistics,
 * so the query planner must do without, as it does here).
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { appealSearchText, personalSearchText } from '@shared/domain/search'
import { addWorkingDays, calendarFromDays, isWorkingDay, type CalendarDay } from '@shared/domain/calendar'
import { addDays, localNow } from '@shared/domain/dates'
import { registrationDate, reviewDueDate } from '@shared/domain/appeal'
import { keyedAuditHash } from '../src/main/services/auditHash'
import { HeadStore } from '../src/main/services/auditHead'
import { fileKeyProvider, type AuditKeyProvider } from '../src/main/services/auditKey'
import { seededRandom, type Random } from '../src/main/sample/random'
import { startCore } from '../src/main/core'
import { REFILL_APPEAL_YEAR_COUNTS_SQL } from '../src/main/db/derived/appealYearCounts'
import * as D from './data'
import { BENCH_CTX } from './context'

export interface BenchMeta {
  size: number
  generator: number
  schemaVersion: number
  /** First and last day of the data. */
  start: string
  end: string
  years: number[]
  meetings: number
  meetingQuestions: number
  appeals: number
  /** Values that exist, for lookups: IINs of returning citizens, a locality with its okrug, etc. */
  samples: {
    iins: string[]
    okrugId: number
    okrugLocalityIds: number[]
    executorId: number
    housingId: number
    socialId: number
  }
  seconds: number
}

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 4
const TEN_YEARS = 10

type Row = (string | number | null)[]

const APPEAL_COLUMNS = [
  'id',
  'uuid',
  'reg_number',
  'received_at',
  'registered_on',
  'channel',
  'appeal_type',
  'sector_id',
  'locality_id',
  'meeting_id',
  'applicant_kind',
  'applicant_name',
  'applicant_id_number',
  'summary',
  'status',
  'due_on',
  'created_at',
  'updated_at',
  'external_number',
  'applicant_surname',
  'applicant_first_name',
  'applicant_patronymic',
  'applicant_phone',
  'applicant_address',
  'collective',
  'signatories',
  'executor_id',
  'accepted_by_id',
  'outcome',
  'answer_text',
  'answered_on',
  'closing_reason',
  'review_due_on',
  'extension_reason',
  'extension_decided_on',
  'extension_notified_on',
  'redirected_to',
  'redirected_on',
  'repeated',
  'repeated_of_id',
  'search_text',
  'personal_search_text',
] as const

interface Person {
  kind: 'individual' | 'organisation'
  name: string
  surname: string | null
  firstName: string | null
  patronymic: string | null
  idNumber: string | null
  phone: string | null
  address: string | null
  localityId: number | null
  kk: boolean
  last?: { id: number; sectorId: number; registeredOn: string }
}

export async function generateDatabase(
  file: string,
  size: number,
  resourcesDir: string,
  log: (s: string) => void,
): Promise<BenchMeta> {
  const started = process.hrtime.bigint()
  const tmp = `${file}.tmp`
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true })
  const random = seededRandom(0xbe9c4 + size)
  const end = localNow().date

  // --- schema and catalogs, through the app
  const keys = benchKeys()
  const core = await startCore({ databaseFile: tmp, version: 'bench', resourcesDir, auditKeys: keys })
  const key = keys.load()!
  let ctx = BENCH_CTX
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(method, input, ctx)
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
    return result.data as T
  }
  await call('office.update', {
    nameKk: 'Абай ауданы әкімінің аппараты',
    nameRu: 'Аппарат акима Абайского района',
    district: 'Абай ауданы',
    region: 'Қарағанды облысы',
    headName: 'Оспанов Ерлан Маратұлы',
    headPosition: 'Аудан әкімі',
  })
  const staff: { id: number; fullName: string }[] = []
  for (const [fullName, position] of D.STAFF)
    staff.push(await call('staff.create', { fullName, position, isExecutor: true }))
  // From here on, the calls are made by an administrator who is the first staff member.
  const operator = { ...BENCH_CTX.user!, fullName: staff[0]!.fullName, staffId: staff[0]!.id }
  ctx = { user: operator, operator: operator.fullName, operatorId: operator.staffId, door: 'web' }
  const localities: { id: number; okrugId: number; kk: string; weight: number }[] = []
  for (const okrug of D.OKRUGS) {
    const o = await call<{ id: number }>('localities.create', {
      kind: 'okrug',
      parentId: null,
      nameKk: `${okrug.kk} ауылдық округі`,
      nameRu: `${D.russianName(okrug.kk)}ский сельский округ`,
    })
    localities.push({ id: o.id, okrugId: o.id, kk: okrug.kk, weight: 0.6 })
    for (const [i, village] of okrug.villages.entries()) {
      const v = await call<{ id: number }>('localities.create', {
        kind: 'settlement',
        parentId: o.id,
        nameKk: village,
        nameRu: D.russianName(village),
      })
      localities.push({ id: v.id, okrugId: o.id, kk: village, weight: i === 0 ? 3 : 1 + random.next() })
    }
  }
  const sectors = await call<{ id: number; code: string }[]>('sectors.list', {})
  const sectorId = (code: string) => sectors.find((s) => s.code === code)!.id
  const schemaVersion = core.database.schemaVersion
  await core.close()

  // --- the bulk, raw
  const db = new Database(tmp)
  db.pragma('journal_mode = DELETE')
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  db.pragma('temp_store = MEMORY')
  db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('foreign_keys = OFF')
  const saved = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN ('appeals', 'audit_entries')) OR name IN ('appeals_fts_insert', 'appeal_year_counts_insert'))",
    )
    .all() as { type: string; name: string; sql: string }[]
  for (const s of saved) db.exec(`DROP ${s.type.toUpperCase()} ${s.name}`)

  const calendar = calendarFromDays(db.prepare('SELECT date, kind, note FROM calendar_days').all() as CalendarDay[])
  const memo = new Map<string, string>()
  const cached = (key: string, f: () => string) => memo.get(key) ?? (memo.set(key, f()), memo.get(key)!)
  const regDate = (date: string, time: string) =>
    cached(`r${date}${time < '18:30' ? 'a' : 'b'}`, () => registrationDate(calendar, date, time))
  const dueDate = (registeredOn: string) => cached(`d${registeredOn}`, () => reviewDueDate(calendar, registeredOn))
  const plusWorking = (date: string, n: number) => cached(`w${date}${n}`, () => addWorkingDays(calendar, date, n))

  const endYear = Number(end.slice(0, 4))
  const years = Array.from({ length: TEN_YEARS }, (_, i) => endYear - TEN_YEARS + 1 + i)
  const start = `${years[0]}-01-01`
  const pickWeighted = weightedPicker(random)
  const pickSector = pickWeighted(Object.entries(D.SECTOR_WEIGHTS).map(([code, w]) => [sectorId(code), w] as const))
  const pickLocality = pickWeighted(localities.map((l) => [l, l.weight] as const))
  const pickExecutor = pickWeighted(staff.map((s, i) => [s.id, i < 8 ? 3 : 1] as const))
  const clerks = staff.slice(0, 6)

  // report meetings: ~3,000 per million appeals, each okrug's villages in turn, mostly in Q1
  const meetingCount = Math.max(12, Math.round((3000 * size) / 1_000_000))
  const meetings: { id: number; heldOn: string; localityId: number; questions: number }[] = []
  for (let m = 0; m < meetingCount; m++) {
    const year = years[m % TEN_YEARS]!
    const day = random.next() < 0.7 ? random.int(10, 85) : random.int(180, 270)
    let heldOn = addDays(`${year}-01-01`, day)
    while (!isWorkingDay(calendar, heldOn)) heldOn = addDays(heldOn, 1)
    if (heldOn > end) heldOn = addDays(end, -random.int(1, 60))
    while (!isWorkingDay(calendar, heldOn)) heldOn = addDays(heldOn, -1)
    meetings.push({ id: 0, heldOn, localityId: localities[m % localities.length]!.id, questions: random.int(10, 40) })
  }
  meetings.sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1))
  const insertMeeting = db.prepare(
    'INSERT INTO report_meetings (uuid, held_on, locality_id, place, speaker_name, speaker_position, format, attendance, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
  )
  db.transaction(() => {
    for (const m of meetings) {
      const place = `${localities.find((l) => l.id === m.localityId)!.kk}, мәдениет үйі`
      const at = `${m.heldOn}T06:00:00.000Z`
      m.id = Number(
        insertMeeting.run(
          uuid(random),
          m.heldOn,
          m.localityId,
          place,
          'Оспанов Ерлан Маратұлы',
          'Аудан әкімі',
          'in_person',
          random.int(40, 300),
          at,
          at,
        ).lastInsertRowid,
      )
    }
  })()
  const meetingsByDay = new Map<string, typeof meetings>()
  for (const m of meetings) meetingsByDay.set(m.heldOn, [...(meetingsByDay.get(m.heldOn) ?? []), m])
  const meetingQuestions = meetings.reduce((n, m) => n + m.questions, 0)

  // reception appeals spread over the days by weight: growth by year, season, weekends light
  const days: { date: string; weight: number }[] = []
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const yearIndex = Number(d.slice(0, 4)) - years[0]!
    const month = Number(d.slice(5, 7))
    const season = month === 1 ? 0.8 : month >= 6 && month <= 8 ? 0.9 : month >= 9 && month <= 11 ? 1.1 : 1
    days.push({ date: d, weight: (isWorkingDay(calendar, d) ? 1 : 0.06) * 1.07 ** yearIndex * season })
  }
  const receptionTotal = Math.max(0, size - meetingQuestions)
  const totalWeight = days.reduce((s, d) => s + d.weight, 0)

  const insertAppeal = db.prepare(
    `INSERT INTO appeals (${APPEAL_COLUMNS.join(', ')}) VALUES (${APPEAL_COLUMNS.map(() => '?').join(', ')})`,
  )
  const insertAudit = db.prepare(
    "INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, old_value, new_value, prev_hash, hash) VALUES (?, ?, 'appeal', ?, 'create', NULL, NULL, ?, ?, ?)",
  )
  let prevHash = (db.prepare('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1').get() as { hash: string }).hash
  const counters = new Map<number, number>()
  const people: Person[] = []
  const organisations: Person[] = []
  const iinSamples: string[] = []
  let nextId = 1
  let carry = 0
  let pending: Row[] = []
  let pendingAudit: Row[] = []
  const flush = db.transaction(() => {
    for (const r of pending) insertAppeal.run(r)
    for (const r of pendingAudit) insertAudit.run(r)
  })

  const makeAppeal = (date: string, time: string, meeting: (typeof meetings)[number] | null) => {
    const registeredOn = regDate(date, time)
    const year = Number(registeredOn.slice(0, 4))
    const number = (counters.get(year) ?? 0) + 1
    counters.set(year, number)
    const regNumber = `${year}-${String(number).padStart(6, '0')}`
    const id = nextId++
    const channel = meeting ? 'report_meeting' : pickChannel(random)
    const sector = pickSector()
    const place = meeting
      ? localities.find((l) => l.id === meeting.localityId)!
      : random.next() < 0.05
        ? null
        : pickLocality()
    const anonymous = random.next() < (meeting ? 0.3 : channel === 'phone' || channel === 'written' ? 0.08 : 0.02)
    let person: Person | null = null
    if (!anonymous) {
      if (random.next() < (meeting ? 0.03 : 0.06)) {
        person =
          organisations.length > 50 && random.next() < 0.6
            ? random.pick(organisations)
            : newOrganisation(random, place?.id ?? null)
        if (!organisations.includes(person)) organisations.push(person)
      } else if (people.length > 100 && random.next() < 0.22) {
        person = people[people.length - 1 - Math.floor(random.next() ** 2 * Math.min(people.length, 60_000))]!
      } else {
        person = newPerson(random, place?.id ?? null, place ? place.kk : 'Қарабас')
        if (people.length < 400_000) people.push(person)
      }
    }
    const yearAgo = cached(`y${registeredOn}`, () => addDays(registeredOn, -365))
    const repeatedOf =
      person?.last && person.last.sectorId === sector && person.last.registeredOn >= yearAgo && random.next() < 0.6
        ? person.last.id
        : null
    const kk = person ? (person.kk ? random.next() < 0.75 : random.next() < 0.1) : random.next() < 0.6
    const summary = question(random, D.QUESTIONS[sectorCode(sectors, sector)]!, kk, place?.kk ?? 'Қарабас')
    const due = dueDate(registeredOn)
    const fate = settle(random, registeredOn, due, end, anonymous, plusWorking)
    const receivedAt = `${date}T${time}`
    const createdAt = new Date(`${receivedAt}:00+05:00`).toISOString()
    const collective = !anonymous && random.next() < 0.02
    const acceptedBy = random.pick(clerks)
    const name = person?.name ?? null
    const external = channel === 'e_otinish' ? `ЖТ-${year}-${random.int(100000, 999999)}` : null
    pending.push([
      id,
      uuid(random),
      regNumber,
      receivedAt,
      registeredOn,
      channel,
      meeting ? random.pick(['request', 'proposal', 'complaint']) : pickType(random),
      sector,
      place?.id ?? null,
      meeting?.id ?? null,
      person?.kind ?? 'anonymous',
      name,
      person?.idNumber ?? null,
      summary,
      fate.status,
      fate.dueOn,
      createdAt,
      fate.closedOn ? `${fate.closedOn}T09:00:00.000Z` : createdAt,
      external,
      person?.surname ?? null,
      person?.firstName ?? null,
      person?.patronymic ?? null,
      person?.phone ?? null,
      person?.address ?? null,
      collective ? 1 : 0,
      collective ? random.int(3, 60) : null,
      pickExecutor(),
      acceptedBy.id,
      fate.outcome,
      fate.outcome ? random.pick(kk ? D.ANSWERS.kk : D.ANSWERS.ru) : null,
      fate.answeredOn,
      fate.closingReason,
      due,
      fate.extended ? 'Қосымша тексеру қажет' : null,
      fate.extended ? addDays(registeredOn, 14) : null,
      fate.extended ? addDays(registeredOn, 15) : null,
      fate.redirectedOn ? 'Облыстық денсаулық сақтау басқармасы' : null,
      fate.redirectedOn,
      repeatedOf ? 1 : 0,
      repeatedOf,
      appealSearchText(regNumber, name, summary, external),
      personalSearchText(person?.idNumber ?? null, person?.phone ?? null, person?.address ?? null),
    ])
    const entry = JSON.stringify({ regNumber, registeredOn, dueOn: due, status: 'registered', summary })
    const hash = keyedAuditHash(key, prevHash, {
      at: createdAt,
      operator: acceptedBy.fullName,
      entity: 'appeal',
      entityId: String(id),
      action: 'create',
      field: null,
      oldValue: null,
      newValue: entry,
    })
    pendingAudit.push([createdAt, acceptedBy.fullName, String(id), entry, prevHash, hash])
    prevHash = hash
    if (person) {
      person.last = { id, sectorId: sector, registeredOn }
      if (person.idNumber && person.kind === 'individual' && iinSamples.length < 50 && random.next() < 0.001)
        iinSamples.push(person.idNumber)
    }
    if (pending.length >= 20_000) {
      flush()
      pending = []
      pendingAudit = []
    }
  }

  let reported = 0
  for (const day of days) {
    carry += (day.weight / totalWeight) * receptionTotal
    const count = Math.floor(carry)
    carry -= count
    const batch: { time: string; meeting: (typeof meetings)[number] | null }[] = []
    for (let i = 0; i < count; i++)
      batch.push({ time: receptionTime(random, isWorkingDay(calendar, day.date)), meeting: null })
    for (const m of meetingsByDay.get(day.date) ?? [])
      for (let q = 0; q < m.questions; q++) batch.push({ time: `11:${String(10 + q).padStart(2, '0')}`, meeting: m })
    batch.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
    for (const b of batch) makeAppeal(day.date, b.time, b.meeting)
    if (nextId - reported >= 200_000) {
      reported = nextId
      log(`  … ${(nextId - 1).toLocaleString('en')} appeals`)
    }
  }
  // rounding can leave a few out: the last day takes them
  while (nextId - 1 < size) makeAppeal(end, '10:00', null)
  flush()

  const insertCounter = db.prepare('INSERT OR REPLACE INTO appeal_counters (year, last_number) VALUES (?, ?)')
  db.transaction(() => {
    for (const [year, last] of counters) insertCounter.run(year, last)
  })()

  const since = () => `${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`
  log(`  rows written (${since()}); indexes…`)
  for (const s of saved.filter((x) => x.type === 'index')) db.exec(s.sql)
  log(`  indexes built (${since()}); full-text index…`)
  db.exec("INSERT INTO appeals_fts(appeals_fts) VALUES ('rebuild')")
  log(`  full-text index built (${since()})`)
  for (const sql of REFILL_APPEAL_YEAR_COUNTS_SQL) db.exec(sql)
  log(`  year counts filled (${since()})`)
  for (const s of saved.filter((x) => x.type === 'trigger')) db.exec(s.sql)
  db.pragma('locking_mode = NORMAL')
  db.pragma('journal_mode = WAL')
  db.close()
  rmSync(file, { force: true })
  renameSync(tmp, file)
  trustHead(file)

  const okrug = localities[0]!
  const meta: BenchMeta = {
    size,
    generator: GENERATOR_VERSION,
    schemaVersion,
    start,
    end,
    years,
    meetings: meetings.length,
    meetingQuestions,
    appeals: nextId - 1,
    samples: {
      iins: iinSamples,
      okrugId: okrug.id,
      okrugLocalityIds: localities.filter((l) => l.okrugId === okrug.id).map((l) => l.id),
      executorId: staff[1]!.id,
      housingId: sectorId('housing'),
      socialId: sectorId('social'),
    },
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  }
  writeFileSync(`${file}.json`, JSON.stringify(meta, null, 2))
  return meta
}

export const cachedMetaExists = (file: string) => existsSync(file) && existsSync(`${file}.json`)

// ------------------------------------------------------------------ distributions

function weightedPicker(random: Random) {
  return <T>(items: readonly (readonly [T, number])[]) => {
    const total = items.reduce((s, [, w]) => s + w, 0)
    let running = 0
    const cumulative = items.map(([, w]) => (running += w) / total)
    return () => {
      const r = random.next()
      const i = cumulative.findIndex((c) => r < c)
      return items[i === -1 ? items.length - 1 : i]![0]
    }
  }
}

const CHANNELS: [string, number][] = [
  ['reception', 36],
  ['e_otinish', 32],
  ['written', 17],
  ['phone', 9],
  ['site_visit', 6],
]
const TYPES: [string, number][] = [
  ['application', 40],
  ['request', 30],
  ['complaint', 15],
  ['proposal', 10],
  ['response', 3],
  ['report', 2],
]
function pickFrom(random: Random, items: [string, number][]): string {
  let r = random.next() * items.reduce((s, [, w]) => s + w, 0)
  for (const [v, w] of items) if ((r -= w) < 0) return v
  return items[0]![0]
}
const pickChannel = (random: Random) => pickFrom(random, CHANNELS)
const pickType = (random: Random) => pickFrom(random, TYPES)

function receptionTime(random: Random, workingDay: boolean): string {
  const hour = workingDay ? (random.next() < 0.04 ? random.int(18, 21) : random.int(9, 17)) : random.int(8, 22)
  return `${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`
}

/** Zipf-like: the first names of a list are the most common, as surnames are in a district. */
const zipf = (random: Random, items: readonly string[]) =>
  items[Math.min(items.length - 1, Math.floor(items.length * random.next() ** 2.2))]!

function newPerson(random: Random, localityId: number | null, village: string): Person {
  const kk = random.next() < 0.75
  const male = random.next() < 0.5
  let surname = kk
    ? zipf(random, D.KK_SURNAMES)
    : random.next() < 0.1
      ? random.pick(D.INVARIABLE_SURNAMES)
      : zipf(random, D.RU_SURNAMES)
  if (!male && !D.INVARIABLE_SURNAMES.includes(surname)) surname += 'а'
  const firstName = kk ? random.pick(male ? D.KK_MALE : D.KK_FEMALE) : random.pick(male ? D.RU_MALE : D.RU_FEMALE)
  let patronymic: string | null
  if (kk) {
    patronymic =
      random.next() < 0.6
        ? `${random.pick(D.KK_MALE)}${male ? 'ұлы' : 'қызы'}`
        : random.pick(D.KK_RUSSIFIED_PATRONYMICS)[male ? 0 : 1]
    if (random.next() < 0.05) patronymic = null
  } else patronymic = random.pick(D.RU_PATRONYMICS)[male ? 0 : 1]
  return {
    kind: 'individual',
    name: [surname, firstName, patronymic].filter(Boolean).join(' '),
    surname,
    firstName,
    patronymic,
    idNumber: random.next() < 0.7 ? iin(random, male) : null,
    phone: random.next() < 0.65 ? `+7 70${random.int(0, 8)} ${random.int(100, 999)} ${random.int(1000, 9999)}` : null,
    address: random.next() < 0.5 ? `${village}, ${random.pick(D.STREETS)} көшесі, ${random.int(1, 120)}` : null,
    localityId,
    kk,
  }
}

function newOrganisation(random: Random, localityId: number | null): Person {
  const [kkName, ruName] = random.pick(D.ORGANISATIONS)
  const kk = random.next() < 0.6
  return {
    kind: 'organisation',
    name: kk ? kkName! : ruName!,
    surname: null,
    firstName: null,
    patronymic: null,
    idNumber: bin(random),
    phone: null,
    address: null,
    localityId,
    kk,
  }
}

function question(random: Random, texts: { kk: string[]; ru: string[] }, kk: boolean, village: string): string {
  const text = random
    .pick(kk ? texts.kk : texts.ru)
    .replace('{v}', kk ? village : D.russianName(village))
    .replace('{s}', random.pick(D.STREETS))
    .replace('{n}', String(random.int(1, 250)))
  return random.next() < 0.25 ? `${text}. ${random.pick(kk ? D.DETAILS.kk : D.DETAILS.ru)}` : text
}

const sectorCode = (sectors: { id: number; code: string }[], id: number) => sectors.find((s) => s.id === id)!.code

interface Fate {
  status: string
  dueOn: string
  outcome: string | null
  answeredOn: string | null
  redirectedOn: string | null
  closingReason: string | null
  closedOn: string | null
  extended: boolean
}

/** Old appeals are mostly answered (some late, a few extended), a few stay open past their deadline; recent ones are open. */
function settle(
  random: Random,
  registeredOn: string,
  due: string,
  today: string,
  anonymous: boolean,
  plusWorking: (d: string, n: number) => string,
): Fate {
  const open = (status: string): Fate => ({
    status,
    dueOn: due,
    outcome: null,
    answeredOn: null,
    redirectedOn: null,
    closingReason: null,
    closedOn: null,
    extended: false,
  })
  if (anonymous && random.next() < 0.85) {
    const on = plusWorking(registeredOn, 2)
    return on <= today
      ? { ...open('left_without_consideration'), closingReason: 'Анонимді өтініш', closedOn: on }
      : open('registered')
  }
  const r = random.next()
  if (r < 0.05) {
    const on = plusWorking(registeredOn, random.int(1, 3))
    if (on <= today) return { ...open('redirected'), redirectedOn: on, closedOn: on }
  } else if (r < 0.07) {
    const on = plusWorking(registeredOn, random.int(1, 10))
    if (on <= today) return { ...open('withdrawn'), closingReason: 'Өтініш беруші кері қайтарып алды', closedOn: on }
  }
  const extended = random.next() < 0.03
  const dueOn = extended ? plusWorking(registeredOn, 30) : due
  const answeredOn = plusWorking(
    registeredOn,
    extended ? random.int(16, 30) : random.int(3, random.next() < 0.06 ? 19 : 15),
  )
  if (answeredOn > today) return { ...open(random.next() < 0.45 ? 'registered' : 'in_progress'), dueOn, extended }
  if (random.next() < 0.004) return { ...open('in_progress'), dueOn, extended } // forgotten: overdue
  const outcome = pickFrom(random, [
    ['explained', 45],
    ['satisfied_fully', 35],
    ['satisfied_partly', 15],
    ['refused', 5],
  ])
  return { ...open('answered'), dueOn, outcome, answeredOn, closedOn: answeredOn, extended }
}

/** A valid IIN: birth date, century and sex digit, serial, check digit. */
function iin(random: Random, male: boolean): string {
  for (;;) {
    const year = random.int(1940, 2006)
    const date = `${String(year % 100).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`
    const century = year < 2000 ? (male ? 3 : 4) : male ? 5 : 6
    const body = `${date}${century}${String(random.int(0, 9999)).padStart(4, '0')}`
    const check = checkDigit(body)
    if (check !== null) return `${body}${check}`
  }
}

/** A valid BIN: registration year and month, a legal-entity kind, serial, check digit. */
function bin(random: Random): string {
  for (;;) {
    const body = `${String(random.int(0, 24)).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}40${String(random.int(0, 99999)).padStart(5, '0')}`
    const check = checkDigit(body)
    if (check !== null) return `${body}${check}`
  }
}

function checkDigit(body: string): number | null {
  const digits = [...body].map(Number)
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
  return check === 10 ? null : check
}

function uuid(random: Random): string {
  const hex = () =>
    Math.floor(random.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0')
  const h = hex() + hex() + hex() + hex()
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(random.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The bench's history key: one folder beside the cached databases (the app keeps it in the user's profile). */
export const benchKeys = (): AuditKeyProvider => fileKeyProvider(join(__dirname, '.cache', 'history-key'))

/**
 * Points the head of a database file at its last entry: the bench writes history in bulk
 * without the core, and opens copies of its databases; neither is tampering to report.
 */
export function trustHead(file: string): void {
  const db = new Database(file, { readonly: true })
  const last = db.prepare('SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined
  db.close()
  new HeadStore(benchKeys().dir, file).write(last ?? null)
}
