import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { postgresDataSource } from '../../src/main/db/postgres'
import { parameter } from '../../src/main/db/dialect'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { ENGINES, postgresDatabase } from '../helpers/engines'
import { migrateTarget } from '../helpers/migratedDatabase'

/**
 * Migration 0017 on a version-16 database holding an answered and an open appeal: the answer
 * detail columns arrive empty (nothing is guessed for answers given before they were kept),
 * every other value is as it was, the card shows the answered one's details as not recorded,
 * and they can then be recorded on it.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

async function openTarget(target: string): Promise<DataSource> {
  const dataSource = target.startsWith('postgres://')
    ? postgresDataSource(target)
    : new DataSource({ type: 'better-sqlite3', database: target, entities: [], synchronize: false })
  return dataSource.initialize()
}

const ROWS = [
  ['2026-000001', 'answered', 'explained', 'Түсіндірілді', '2026-01-30'],
  ['2026-000002', 'in_progress', null, null, null],
] as const

async function version16Database(target: string): Promise<void> {
  await migrateTarget(
    target,
    MIGRATIONS.filter((m) => m.version <= 16),
  )
  const db = await openTarget(target)
  try {
    for (const [i, [reg, status, outcome, answerText, answeredOn]] of ROWS.entries()) {
      const params = [
        `00000000-0000-0000-0000-00000000001${i}`,
        reg,
        status,
        outcome,
        answerText,
        answeredOn,
        STAMP,
        STAMP,
      ]
      const p = params.map((_, k) => parameter(db, k))
      await db.query(
        `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id,
           applicant_kind, applicant_name, summary, status, outcome, answer_text, answered_on, due_on, review_due_on,
           search_text, created_at, updated_at)
         SELECT ${p[0]}, ${p[1]}, '2026-01-22T12:00', '2026-01-22', 'reception', 'request', s.id, 'individual',
           'Сейітқали Бақытжан', 'Су құбыры', ${p[2]}, ${p[3]}, ${p[4]}, ${p[5]}, '2026-02-12', '2026-02-12', '', ${p[6]}, ${p[7]}
         FROM sectors s WHERE s.code = 'social'`,
        params,
      )
    }
    await db.query('INSERT INTO appeal_counters (year, last_number) VALUES (2026, 2)')
  } finally {
    await db.destroy()
  }
}

describe.each(ENGINES)('migration 0017 on a version-16 %s database holding rows', (engine) => {
  it('adds the answer details empty and keeps every other value', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const target = engine === 'postgres' ? await postgresDatabase() : file
    await version16Database(target)
    await migrateTarget(target, MIGRATIONS)

    const db = await openTarget(target)
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT reg_number, status, outcome, answer_text, answered_on, answer_outgoing_number, answer_outgoing_on,
         answer_signatory_id, answer_signatory_name, answer_delivery FROM appeals ORDER BY id`,
    )
    await db.destroy()
    const empty = {
      answer_outgoing_number: null,
      answer_outgoing_on: null,
      answer_signatory_id: null,
      answer_signatory_name: null,
      answer_delivery: null,
    }
    expect(rows).toEqual([
      {
        reg_number: '2026-000001',
        status: 'answered',
        outcome: 'explained',
        answer_text: 'Түсіндірілді',
        answered_on: '2026-01-30',
        ...empty,
      },
      {
        reg_number: '2026-000002',
        status: 'in_progress',
        outcome: null,
        answer_text: null,
        answered_on: null,
        ...empty,
      },
    ])

    const core = await startTestCore(file, engine === 'postgres' ? { postgresUrl: target } : {})
    try {
      const clerk = userContext('clerk')
      const card = await core.dispatch('appeals.get', { id: 1 }, clerk)
      if (!card.ok) throw new Error(JSON.stringify(card.error))
      const answered = card.data as { version: number; answer: unknown }
      expect(answered.answer).toEqual({
        outgoingNumber: null,
        outgoingOn: null,
        signatoryId: null,
        signatoryName: null,
        delivery: null,
      })
      const open = await core.dispatch('appeals.get', { id: 2 }, clerk)
      expect(open.ok && (open.data as { answer: unknown }).answer).toBeNull()
      const recorded = await core.dispatch(
        'appeals.updateAnswer',
        { id: 1, version: answered.version, outgoingNumber: '01-12/7', outgoingOn: '2026-01-30', delivery: 'post' },
        clerk,
      )
      if (!recorded.ok) throw new Error(JSON.stringify(recorded.error))
      expect((recorded.data as { answer: { outgoingNumber: string } }).answer.outgoingNumber).toBe('01-12/7')
    } finally {
      await core.close()
    }
  })
})
