/**
 * The interactive operations: list pages, search, the sector-by-year aggregation, the
 * dashboard, returning-citizen lookups, and saving one appeal. Each one through the API (the
 * web door's dispatch: validation, the call queue, the service), against the same work in raw
 * better-sqlite3 (the same SQL, statements prepared once), interleaved.
 */
import type { ApiInput } from '@shared/api/contract'
import { appealSearchText, ftsQuery } from '@shared/domain/search'
import { localNow } from '@shared/domain/dates'
import { iinProblem } from '@shared/domain/iin'
import { sectorYearCountsQuery } from '../src/main/reports/sectorByYear'
import { rawStatement, type BenchContext } from './context'
import { timePair, type Budget } from './measure'

type ListInput = ApiInput<'appeals.list'>

const LIST_BUDGET: Budget = { ms: 30, on: 'p95', ratio: 1.5 }
const SEARCH_BUDGET: Budget = { ms: 50, on: 'p95' }

/** The list variants a clerk uses: the first screen, and three filter sets with a sort. */
export function listVariants(b: Pick<BenchContext, 'meta'>): { name: string; input: ListInput }[] {
  const year = b.meta.years.at(-2)!
  const s = b.meta.samples
  return [
    { name: 'list: first screen (no filter, newest first)', input: {} },
    {
      name: 'list: year + sector + status, by received',
      input: {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        sectorIds: [s.housingId],
        statuses: ['answered'],
        sort: 'receivedAt',
        order: 'desc',
      },
    },
    {
      name: 'list: okrug + channel + type, by number',
      input: {
        localityIds: s.okrugLocalityIds,
        channels: ['e_otinish'],
        appealTypes: ['complaint'],
        sort: 'regNumber',
        order: 'asc',
      },
    },
    {
      name: 'list: executor + open + overdue, by due date',
      input: {
        executorIds: [s.executorId],
        statuses: ['registered', 'in_progress'],
        overdue: true,
        sort: 'dueOn',
        order: 'asc',
      },
    },
  ]
}

/** Searches typed as clerks type them: without Kazakh letters, in Russian, a number. */
export function searchVariants(b: Pick<BenchContext, 'meta'>): { name: string; query: string }[] {
  return [
    { name: 'search kk: surname typed without Kazakh letters', query: 'жумабеков' },
    { name: 'search kk: first name + surname, folded', query: 'кайрат омирбеков' },
    { name: 'search kk: summary word', query: 'газбен' },
    { name: 'search ru: summary words', query: 'ремонт дороги' },
    { name: 'search: registration number', query: `${b.meta.years.at(-2)}-000123` },
    { name: 'search: registration number, its count alone', query: '123' },
    // personal data: the bench's user is an administrator, who may search it
    { name: 'search: phone typed in full', query: '+7 701 123 4567' },
    { name: 'search: phone, last four digits', query: '4567' },
    { name: 'search: IIN, first six digits', query: '850315' },
    { name: 'search: address, street', query: 'абай көшесі' },
  ]
}

/**
 * The statements appeals.list runs for this input, prepared on the raw connection: the count,
 * then the page built with what the count found (as AppealQueries.list does).
 */
export function listStatements(b: BenchContext, input: ListInput) {
  const parsed = { sort: 'receivedAt', order: 'desc', offset: 0, limit: 50, ...input } as Parameters<
    typeof b.core.services.appeals.queries.listQueries
  >[0]
  const queries = b.core.services.appeals.queries
  // the bench's user sees personal data (an administrator): the search reads it too
  const count = rawStatement(b.raw, queries.listQueries(parsed, b.today, null, true).count)
  const total = Number((count.get() as { n: number }).n)
  const appeals = Number(b.raw.prepare('SELECT MAX(id) FROM appeals').pluck().get())
  const page = rawStatement(b.raw, queries.listQueries(parsed, b.today, { total, appeals }, true).page)
  return { count, page }
}

function rawList(b: BenchContext, input: ListInput) {
  const { count, page } = listStatements(b, input)
  return () => [count.get(), page.all()]
}

export async function listCases(b: BenchContext): Promise<void> {
  for (const v of listVariants(b)) {
    const raw = rawList(b, v.input)
    const t = await timePair(() => b.call('appeals.list', v.input), raw, { warmup: 3, runs: 30, maxMs: 10_000 })
    const rows = await b.call('appeals.list', v.input)
    b.results.push({
      size: b.label,
      operation: v.name,
      ...t,
      baseline: 'same count + page SQL, raw',
      budget: LIST_BUDGET,
      note: `${rows.total} match`,
    })
  }
}

export async function searchCases(b: BenchContext): Promise<void> {
  for (const v of searchVariants(b)) {
    const input: ListInput = { query: v.query }
    if (!ftsQuery(v.query)) throw new Error(`no search words in ${v.query}`)
    const raw = rawList(b, input)
    const t = await timePair(() => b.call('appeals.list', input), raw, { warmup: 3, runs: 30, maxMs: 10_000 })
    const rows = await b.call('appeals.list', input)
    b.results.push({
      size: b.label,
      operation: v.name,
      ...t,
      baseline: 'same FTS count + page SQL, raw',
      budget: SEARCH_BUDGET,
      note: `${rows.total} match`,
    })
  }
}

export async function aggregationCases(b: BenchContext): Promise<void> {
  const from = b.meta.years[0]!
  const to = b.meta.years.at(-1)!
  for (const source of ['meetings', 'all'] as const) {
    const params = { kind: 'sector-by-year' as const, from, to, source, localityId: null }
    const counts = rawStatement(b.raw, await sectorYearCountsQuery(b.core.database.dataSource, params))
    const sectors = b.raw.prepare('SELECT * FROM sectors ORDER BY sort_order, id')
    const t = await timePair(
      () => b.call('reports.build', { lang: 'kk', params }),
      () => [counts.all(), sectors.all()],
      { warmup: 2, runs: 15, maxMs: 10_000 },
    )
    b.results.push({
      size: b.label,
      operation: `sector-by-year, ten years, source ${source}`,
      ...t,
      baseline: 'same counts SQL (appeal_year_counts) + sectors, raw',
      budget: { ms: 100, on: 'median' },
    })
  }

  const year = Number(b.today.slice(0, 4))
  const q = b.core.services.dashboard.queries(year, b.today)
  const statements = Object.values(q).map((query) => rawStatement(b.raw, query))
  const t = await timePair(
    () => b.call('dashboard.summary', { year }),
    () => statements.map((s) => s.all()),
    { warmup: 2, runs: 15, maxMs: 10_000 },
  )
  b.results.push({
    size: b.label,
    operation: 'dashboard numbers',
    ...t,
    baseline: `same ${statements.length} SQL statements, raw`,
    budget: { ms: 150, on: 'median' },
  })
}

/** Returning citizens by IIN (the clerk types it in the registration form): no budget in the task, reported. */
export async function lookupCases(b: BenchContext): Promise<void> {
  const iin = b.meta.samples.iins[0]
  if (!iin) return
  const raw = b.raw.prepare(
    'SELECT * FROM appeals WHERE applicant_id_number >= ? AND applicant_id_number < ? ORDER BY received_at DESC LIMIT 200',
  )
  for (const [name, query] of [
    ['IIN lookup: full IIN', iin],
    ['IIN lookup: first 6 digits', iin.slice(0, 6)],
  ] as const) {
    const t = await timePair(
      () => b.call('appeals.findApplicants', { query }),
      () => raw.all(query, `${query}:`),
      { warmup: 3, runs: 30, maxMs: 10_000 },
    )
    b.results.push({
      size: b.label,
      operation: name,
      ...t,
      baseline: 'indexed range on applicant_id_number, rows, raw',
      budget: null,
    })
  }
}

/**
 * Saving one appeal through the API: validation, references, number, deadline, the row, its
 * full-text entry, the chained audit entry, commit with synchronous=FULL, and the card it
 * answers with (made from what was written, the same as appeals.get returns). Raw: the same
 * rows (counter, appeal with its FTS trigger, audit entry) in one transaction on a connection
 * with the same pragmas.
 */
/**
 * The appeal the save cases of both engines register, the i-th: a reception visit at
 * `receivedAt` (today), by a citizen with an IIN of their own.
 */
export function saveInput(
  s: BenchContext['meta']['samples'],
  receivedAt: string,
  i: number,
): ApiInput<'appeals.create'> {
  return {
    receivedAt,
    channel: 'reception',
    appealType: 'application',
    sectorId: s.housingId,
    localityId: s.okrugLocalityIds[1] ?? null,
    applicant: {
      kind: 'individual',
      surname: 'Тестов',
      firstName: 'Бенч',
      patronymic: `Серікұлы${i}`,
      iin: validIin(i),
      phone: null,
      address: null,
    },
    summary: `Абай көшесіндегі жолды жөндеу, ${i}`,
    executorId: s.executorId,
  }
}

export async function saveCase(b: BenchContext): Promise<void> {
  const s = b.meta.samples
  const now = localNow()
  const receivedAt = `${now.date}T${now.time > '18:00' ? '10:00' : now.time}`
  const input = (i: number) => saveInput(s, receivedAt, i)
  const year = Number(now.date.slice(0, 4))
  const counter = b.raw.prepare('SELECT last_number FROM appeal_counters WHERE year = ?').pluck()
  const bump = b.raw.prepare(
    'INSERT INTO appeal_counters (year, last_number) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number',
  )
  const insert = b.raw
    .prepare(`INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id, applicant_kind,
    applicant_name, applicant_id_number, summary, status, due_on, review_due_on, executor_id, accepted_by_id, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'reception', 'application', ?, ?, 'individual', ?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?)`)
  const lastHash = b.raw.prepare('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1').pluck()
  const audit = b.raw.prepare(
    "INSERT INTO audit_entries (at, operator, entity, entity_id, action, new_value, prev_hash, hash) VALUES (?, ?, 'appeal', ?, 'create', ?, ?, ?)",
  )
  const rawSave = b.raw.transaction((i: number) => {
    const next = Number(counter.get(year) ?? 0) + 1
    bump.run(year, next)
    const reg = `${year}-${String(next).padStart(6, '0')}`
    const at = new Date().toISOString()
    const name = `Тестов Бенч Серікұлы${i}`
    const summary = `Абай көшесіндегі жолды жөндеу, ${i}`
    const id = insert.run(
      crypto.randomUUID(),
      reg,
      receivedAt,
      now.date,
      s.housingId,
      s.okrugLocalityIds[1] ?? null,
      name,
      validIin(i + 50_000),
      summary,
      now.date,
      now.date,
      s.executorId,
      1,
      appealSearchText(reg, name, summary),
      at,
      at,
    ).lastInsertRowid
    const prev = lastHash.get() as string
    audit.run(
      at,
      'bench',
      String(id),
      JSON.stringify({ regNumber: reg, summary }),
      prev,
      prev.split('').reverse().join(''),
    )
  })
  const t = await timePair(
    (i) => b.call('appeals.create', input(i)),
    (i) => rawSave(i),
    { warmup: 10, runs: 150 },
  )
  b.results.push({
    size: b.label,
    operation: 'save one appeal (API: validation, audit, FULL)',
    ...t,
    baseline: 'counter + row + FTS + audit in one transaction, raw, FULL',
    budget: { ms: 10, on: 'p95' },
  })
}

/**
 * The i-th valid IIN of a sequence (men born 31 May 1985), for appeals that must pass
 * validation. The generator's applicants are born on days 1-28 only (generate.ts), so none of
 * these is an IIN on record under another name, which registration refuses (nameDiffersOnRecord).
 */
export function validIin(i: number): string {
  for (let serial = i * 7; ; serial++) {
    const candidate = `8505313${String(serial % 10000).padStart(4, '0')}`
    for (let d = 0; d <= 9; d++) if (!iinProblem(candidate + d, null)) return candidate + d
  }
}
