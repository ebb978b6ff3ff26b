import { describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { appealInput, editInput, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { userContext } from '../helpers/context'
import { register } from '../../src/main/services/appeals/register'
import { transaction } from '../../src/main/db/transaction'

/**
 * Many desks writing at once on PostgreSQL, where calls are not queued (db/dialect.ts): each
 * registration runs on a pooled connection of its own, two cores share the database as two
 * server processes would, and yet the year's numbers come out 1..N with no gap and no number
 * twice, and the history stays one chain.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'
const REGISTRATIONS = 30

/** Every entry links to the one before it: no two transactions chained to one tail. */
async function expectOneChain(desk: Desk): Promise<void> {
  const rows = await desk.sql<{ id: number; prev_hash: string; hash: string }>(
    'SELECT id, prev_hash, hash FROM audit_entries ORDER BY id',
  )
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash, `entry ${rows[i]!.id}`).toBe(rows[i - 1]!.hash)
}

/** Deadlocks the server has broken in the desk's database (its statistics, flushed within a second). */
const deadlocks = async (desk: Desk) => {
  await desk.sql('SELECT pg_stat_clear_snapshot()')
  const [row] = await desk.sql<{ n: number }>(
    'SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()',
  )
  return Number(row!.n)
}

const numbersOf = async (desk: Desk) =>
  (await desk.sql<{ reg_number: string }>('SELECT reg_number FROM appeals ORDER BY reg_number')).map(
    (r) => r.reg_number,
  )

const expected = (count: number) => Array.from({ length: count }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`)

describe('concurrent registrations on PostgreSQL', () => {
  it(`gives ${REGISTRATIONS} registrations made at once from two cores the numbers 1..${REGISTRATIONS}`, async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine: 'postgres' })
    const url = (desk.core.database.dataSource.options as { url: string }).url
    // a second core on the same database, as a second server process would be
    const other = await startTestCore(cleanup.tempDir() + '/other.sqlite', {
      clock: () => new Date(NOW),
      postgresUrl: url,
    })
    cleanup.defer(() => other.close())
    const sectorId = await desk.sector('housing')
    const otherCtx = userContext('clerk', { fullName: 'Сейітова Мәдина', staffId: null })

    const results = await Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, i) => {
        // thirty people, not one IIN under thirty names (which would wait for a confirmation)
        const input = appealInput(sectorId, { applicant: person({ firstName: `Нұрлан ${i}`, iin: null }) })
        return i % 2 === 0 ? desk.call('appeals.create', input) : other.dispatch('appeals.create', input, otherCtx)
      }),
    )
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(await numbersOf(desk)).toEqual(expected(REGISTRATIONS))
    const [counter] = await desk.sql<{ last_number: number }>(
      'SELECT last_number FROM appeal_counters WHERE year = 2026',
    )
    expect(Number(counter!.last_number)).toBe(REGISTRATIONS)
    await expectOneChain(desk)
  })

  it('keeps the history one chain when writes that share no row run at once', async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine: 'postgres' })
    const sectorId = await desk.sector('housing')
    const ids: number[] = []
    for (let i = 0; i < 4; i++) ids.push((await desk.ok('appeals.create', appealInput(sectorId))).id)
    // a reveal writes only its history entry: nothing but the history lock orders these
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => desk.call('appeals.revealPersonalData', { id: ids[i % ids.length] })),
    )
    expect(results.filter((r) => !r.ok)).toEqual([])
    await expectOneChain(desk)
  })

  it('keeps one queue without deadlock when registrations, edits that move appeals between sectors and reveals run at once, and the head ends where the history ends', async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine: 'postgres' })
    const [housing, land] = [await desk.sector('housing'), await desk.sector('land')]
    const made: Appeal[] = []
    for (let i = 0; i < 6; i++) made.push(await desk.ok('appeals.create', appealInput(i % 2 ? land : housing)))
    // an edit moving an appeal changes two counts' rows, which registrations into those sectors
    // change too: the count's trigger takes the history first, as the registration does
    const moves = made.map(async (a) =>
      desk.call(
        'appeals.update',
        await editInput(desk, a, { version: a.version, sectorId: a.sectorId === land ? housing : land }),
      ),
    )
    const registrations = Array.from({ length: 12 }, (_, i) =>
      desk.call(
        'appeals.create',
        appealInput(i % 2 ? land : housing, { applicant: person({ firstName: `Нұрлан ${i}`, iin: null }) }),
      ),
    )
    const reveals = made.map((a) => desk.call('appeals.revealPersonalData', { id: a.id }))
    const results = await Promise.all([...moves, ...registrations, ...reveals])
    expect(results.filter((r) => !r.ok)).toEqual([])
    // a deadlock would be retried and pass unseen here, a second late: the server counts them
    await expect.poll(() => deadlocks(desk), { timeout: 3000 }).toBe(0)
    expect(await numbersOf(desk)).toEqual(expected(18))
    await expectOneChain(desk)
    const [last] = await desk.sql<{ id: number }>('SELECT MAX(id) AS id FROM audit_entries')
    expect(await desk.ok('audit.verify', {})).toMatchObject({
      firstBroken: null,
      findings: [],
      head: { state: 'ok', headId: Number(last!.id), lastId: Number(last!.id) },
    })
    const counts = await desk.sql<{ sector_id: number; n: number }>(
      'SELECT sector_id, n FROM appeal_year_counts WHERE n <> 0 ORDER BY sector_id',
    )
    const bySector = await desk.sql<{ sector_id: number; n: number }>(
      'SELECT sector_id, COUNT(*) AS n FROM appeals GROUP BY sector_id ORDER BY sector_id',
    )
    expect(counts.map((c) => [c.sector_id, Number(c.n)])).toEqual(bySector.map((c) => [c.sector_id, Number(c.n)]))
  })

  it('takes back the number of a registration rolled back, so the next one leaves no gap', async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine: 'postgres' })
    const sectorId = await desk.sector('housing')
    const db = desk.core.database.dataSource
    const calendar = await desk.core.services.calendar.load()
    await desk.ok('appeals.create', appealInput(sectorId))
    const failed = transaction(db, async (manager) => {
      const { row } = await register(manager, calendar, { ...fullInput(sectorId) }, desk.ctx)
      expect(row.regNumber).toBe('2026-000002')
      throw new Error('the desk lost its connection')
    })
    // registrations made while it holds the counter wait for it, then take its number
    const meanwhile = Array.from({ length: 5 }, () => desk.call('appeals.create', appealInput(sectorId)))
    await expect(failed).rejects.toThrow('the desk lost its connection')
    expect((await Promise.all(meanwhile)).every((r) => r.ok)).toBe(true)
    expect(await numbersOf(desk)).toEqual(expected(6))
    await expectOneChain(desk)
  })
})

/** What register() takes: the contract's parsed input, with every optional field given. */
function fullInput(sectorId: number) {
  const input = appealInput(sectorId)
  return {
    ...input,
    externalNumber: null,
    localityId: null,
    meetingId: null,
    collective: false,
    signatories: null,
    executorId: null,
    repeatedOfId: null,
    crimeReportTo: null,
    applicant: {
      kind: 'individual' as const,
      surname: 'Жұмабеков',
      firstName: 'Нұрлан',
      patronymic: null,
      iin: null,
      phone: null,
      address: null,
    },
  }
}
