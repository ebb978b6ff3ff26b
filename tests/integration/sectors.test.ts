import type { Role } from '@shared/auth/roles'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiResult } from '@shared/api/errors'
import type { Sector } from '@shared/domain/sector'
import type { Core } from '../../src/main/core'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import type { CallContext } from '../../src/main/services/context'
import { userContext } from '../helpers/context'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { referenceSectors } from '../helpers/referenceTable'

const cleanup = useCleanup()
const ctx: CallContext = userContext('administrator', { fullName: 'Тест Операторов' })

interface AuditRow {
  id: number
  at: string
  operator: string | null
  entity: string
  entity_id: string
  action: string
  field: string | null
  old_value: string | null
  new_value: string | null
}

let core: Core

beforeEach(async () => {
  const databaseFile = join(cleanup.tempDir(), 'akimat.sqlite')
  const opened = await startTestCore(databaseFile)
  cleanup.defer(() => opened.close())
  core = opened
})

async function call<T>(method: string, input: unknown): Promise<ApiResult<T>> {
  return (await core.dispatch(method, input, ctx)) as ApiResult<T>
}

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await call<T>(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.data
}

const list = (includeInactive = true) => ok<Sector[]>('sectors.list', { includeInactive })
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => core.database.dataSource.query(query, params)
const count = async (table: 'sectors' | 'audit_entries'): Promise<number> =>
  (await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n
// The recorded fields; the hash chain columns are checked by tests/integration/audit-chain.test.ts.
const audit = () =>
  sql<AuditRow>(
    'SELECT id, at, operator, entity, entity_id, action, field, old_value, new_value FROM audit_entries ORDER BY id',
  )
/** The audit entries without their id and time, which no test can predict. */
const auditChanges = async () => (await audit()).map(({ id: _id, at: _at, ...rest }) => rest)
const byCode = async (code: string): Promise<Sector> => {
  const sector = (await list()).find((s) => s.code === code)
  if (!sector) throw new Error(`no sector ${code}`)
  return sector
}

const tourism = { code: 'tourism', nameKk: 'Туризм', nameRu: 'Туризм', nameEn: 'Tourism' }

describe('sectors.list', () => {
  it('lists the catalog in report order', async () => {
    const sectors = await list()
    expect(sectors.map((s) => s.code)).toEqual(referenceSectors().map((s) => s.code))
    expect(sectors.map((s) => s.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(sectors.every((s) => s.active)).toBe(true)
    expect(sectors[0]).toEqual({
      id: expect.any(Number),
      code: 'social',
      nameKk: 'Әлеуметтік сала',
      nameRu: 'Социальная сфера',
      nameEn: 'Social sphere',
      sortOrder: 1,
      active: true,
    })
  })

  it('includes inactive sectors when the input is left out', async () => {
    const land = await byCode('land')
    await ok('sectors.update', {
      id: land.id,
      nameKk: land.nameKk,
      nameRu: land.nameRu,
      nameEn: land.nameEn,
      active: false,
    })
    expect((await ok<Sector[]>('sectors.list', undefined)).map((s) => s.code)).toContain('land')
  })
})

describe('sectors.create', () => {
  it('appends the sector at the end and writes exactly one audit entry', async () => {
    const created = await ok<Sector>('sectors.create', { ...tourism, nameEn: '  Tourism  ' })

    expect(created).toEqual({ id: expect.any(Number), ...tourism, sortOrder: 9, active: true })
    expect((await list()).at(-1)).toEqual(created)
    expect(await audit()).toEqual([
      {
        id: expect.any(Number),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        operator: 'Тест Операторов',
        entity: 'sector',
        entity_id: String(created.id),
        action: 'create',
        field: null,
        old_value: null,
        new_value: JSON.stringify(created),
      },
    ])
  })

  it.each(['housing', '  housing  '])('refuses the existing code %j and writes nothing', async (code) => {
    const sectorsBefore = await count('sectors')
    const auditBefore = await count('audit_entries')

    const result = await call('sectors.create', { ...tourism, code })

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        messageKey: 'errors.validation',
        issues: [{ path: ['code'], messageKey: 'validation.sectorCodeTaken' }],
      },
    })
    expect(await count('sectors')).toBe(sectorsBefore)
    expect(await count('audit_entries')).toBe(auditBefore)
  })

  it('refuses empty names and writes nothing', async () => {
    const result = await call('sectors.create', { code: 'tourism', nameKk: '', nameRu: ' ', nameEn: '' })

    expect(result).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'errors.validation' } })
    if (result.ok) return
    expect(result.error.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['nameKk'], 'validation.required'],
      [['nameRu'], 'validation.required'],
      [['nameEn'], 'validation.required'],
    ])
    expect(await count('sectors')).toBe(8)
    expect(await count('audit_entries')).toBe(0)
  })
})

describe('sectors.update', () => {
  it('changes the names and writes one audit entry per changed field with old and new values', async () => {
    const land = await byCode('land')

    const updated = await ok<Sector>('sectors.update', {
      id: land.id,
      nameKk: 'Жер қатынастары және құрылыс',
      nameRu: land.nameRu,
      nameEn: 'Land and construction',
      active: true,
    })

    expect(updated).toEqual({ ...land, nameKk: 'Жер қатынастары және құрылыс', nameEn: 'Land and construction' })
    expect(await byCode('land')).toEqual(updated)
    expect(await auditChanges()).toEqual([
      {
        operator: 'Тест Операторов',
        entity: 'sector',
        entity_id: String(land.id),
        action: 'update',
        field: 'nameKk',
        old_value: JSON.stringify('Жер қатынастары'),
        new_value: JSON.stringify('Жер қатынастары және құрылыс'),
      },
      {
        operator: 'Тест Операторов',
        entity: 'sector',
        entity_id: String(land.id),
        action: 'update',
        field: 'nameEn',
        old_value: JSON.stringify('Land relations'),
        new_value: JSON.stringify('Land and construction'),
      },
    ])
  })

  it('writes no audit entry when nothing changed (names trimmed to the same value)', async () => {
    const social = await byCode('social')
    const before = await sql<{ updated_at: string }>('SELECT updated_at FROM sectors WHERE id = ?', [social.id])

    const result = await ok<Sector>('sectors.update', {
      id: social.id,
      nameKk: ` ${social.nameKk} `,
      nameRu: social.nameRu,
      nameEn: social.nameEn,
      active: true,
    })

    expect(result).toEqual(social)
    expect(await count('audit_entries')).toBe(0)
    expect(await sql('SELECT updated_at FROM sectors WHERE id = ?', [social.id])).toEqual(before)
  })

  it('deactivates a sector: the row stays, the active-only list omits it', async () => {
    const police = await byCode('police')

    const updated = await ok<Sector>('sectors.update', {
      id: police.id,
      nameKk: police.nameKk,
      nameRu: police.nameRu,
      nameEn: police.nameEn,
      active: false,
    })

    expect(updated).toEqual({ ...police, active: false })
    expect(await count('sectors')).toBe(8)
    expect((await list(false)).map((s) => s.code)).not.toContain('police')
    expect(await list(false)).toHaveLength(7)
    expect((await list(true)).find((s) => s.id === police.id)).toEqual({ ...police, active: false })
    expect(await audit()).toMatchObject([{ action: 'update', field: 'active', old_value: 'true', new_value: 'false' }])
  })

  it('answers not_found for a sector that does not exist, writing nothing', async () => {
    const result = await call('sectors.update', { id: 4242, nameKk: 'a', nameRu: 'b', nameEn: 'c', active: true })
    expect(result).toEqual({ ok: false, error: { code: 'not_found', messageKey: 'errors.sectorNotFound', issues: [] } })
    expect(await count('sectors')).toBe(8)
    expect(await count('audit_entries')).toBe(0)
  })
})

describe('sectors.move', () => {
  it('moves a sector up: swaps it with its neighbour and records both new positions', async () => {
    const housing = await byCode('housing')
    const social = await byCode('social')

    const result = await ok<Sector[]>('sectors.move', { id: housing.id, direction: 'up' })

    const codes = referenceSectors().map((s) => s.code)
    expect(result.map((s) => s.code)).toEqual(['housing', 'social', ...codes.slice(2)])
    expect(result.map((s) => s.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(await list()).toEqual(result)
    const reorder = { operator: 'Тест Операторов', entity: 'sector', action: 'reorder', field: 'sortOrder' }
    expect(await auditChanges()).toEqual([
      { ...reorder, entity_id: String(housing.id), old_value: '2', new_value: '1' },
      { ...reorder, entity_id: String(social.id), old_value: '1', new_value: '2' },
    ])
  })

  it('moves a sector down', async () => {
    const land = await byCode('land')
    const result = await ok<Sector[]>('sectors.move', { id: land.id, direction: 'down' })
    const codes = referenceSectors().map((s) => s.code)
    expect(codes.slice(4, 6)).toEqual(['land', 'agriculture'])
    expect(result.map((s) => s.code)).toEqual([...codes.slice(0, 4), 'agriculture', 'land', ...codes.slice(6)])
  })

  it('renumbers the whole catalog 1..n, even across gaps and ties', async () => {
    await sql("UPDATE sectors SET sort_order = 40 WHERE code = 'police'")
    await sql("UPDATE sectors SET sort_order = 50 WHERE code = 'other'")
    await sql("UPDATE sectors SET sort_order = 3 WHERE code = 'emergencies'") // ties with industry
    const other = await byCode('other')

    const result = await ok<Sector[]>('sectors.move', { id: other.id, direction: 'up' })

    expect(result.map((s) => s.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(result.map((s) => s.code).slice(-2)).toEqual(['other', 'police'])
  })

  it('moving the first sector up, or the last down, changes nothing', async () => {
    const before = await list()

    expect(await ok('sectors.move', { id: before[0]!.id, direction: 'up' })).toEqual(before)
    expect(await ok('sectors.move', { id: before.at(-1)!.id, direction: 'down' })).toEqual(before)

    expect(await list()).toEqual(before)
    expect(await count('audit_entries')).toBe(0)
  })

  it('answers not_found for a sector that does not exist', async () => {
    expect(await call('sectors.move', { id: 4242, direction: 'up' })).toEqual({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.sectorNotFound', issues: [] },
    })
  })
})

describe('audit trail and the door', () => {
  it('commits a change and its audit entries together or not at all', async () => {
    // The dispatcher logs unexpected errors with console.error, taken when the core starts:
    // watch it first, then start a core of this test's own.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    cleanup.defer(() => consoleError.mockRestore())
    const own = await startTestCore(join(cleanup.tempDir(), 'akimat.sqlite'))
    cleanup.defer(() => own.close())
    core = own
    // A trigger makes the audit insert fail inside the service's transaction.
    await sql(
      "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
    )
    const land = await byCode('land')
    const before = await sql('SELECT * FROM sectors ORDER BY id')

    const updated = await call('sectors.update', {
      id: land.id,
      nameKk: 'Өзгерген',
      nameRu: land.nameRu,
      nameEn: land.nameEn,
      active: true,
    })
    const created = await call('sectors.create', tourism)
    const moved = await call('sectors.move', { id: land.id, direction: 'up' })

    for (const result of [updated, created, moved]) {
      expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal', issues: [] } })
    }
    expect(consoleError).toHaveBeenCalledTimes(3)
    expect(String(consoleError.mock.calls[0]?.[1])).toContain('audit refused')
    expect(await sql('SELECT * FROM sectors ORDER BY id')).toEqual(before)
  })

  it('runs concurrent calls one after the other: the second create of a code is refused', async () => {
    const [first, second] = await Promise.all([
      call<Sector>('sectors.create', tourism),
      call<Sector>('sectors.create', { ...tourism, nameEn: 'Tourism again' }),
    ])
    expect(first).toMatchObject({ ok: true, data: { code: 'tourism', nameEn: 'Tourism', sortOrder: 9 } })
    expect(second).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['code'], messageKey: 'validation.sectorCodeTaken' }] },
    })
    expect(await count('sectors')).toBe(9)
    expect(await count('audit_entries')).toBe(1)
  })

  it('refuses a call that answers to no one (no user, no session), writing nothing', async () => {
    expect(await core.dispatch('sectors.create', tourism, { operator: null, door: 'desktop' })).toEqual({
      ok: false,
      error: { code: 'signed_out', messageKey: 'errors.signed_out', issues: [] },
    })
    expect(await count('sectors')).toBe(8)
    expect(await audit()).toEqual([])
  })

  it('reports the door and the schema in app.info; the data file only to an administrator', async () => {
    const info = (role: Role) => core.dispatch('app.info', {}, userContext(role, {}, 'desktop'))
    expect(await info('administrator')).toEqual({
      ok: true,
      data: {
        version: 'test',
        schemaVersion: LATEST_SCHEMA_VERSION,
        databaseFile: core.database.file,
        door: 'desktop',
      },
    })
    for (const role of ['head', 'clerk', 'press', 'viewer'] as const) {
      expect(await info(role), role).toEqual({
        ok: true,
        data: { version: 'test', schemaVersion: LATEST_SCHEMA_VERSION, databaseFile: null, door: 'desktop' },
      })
    }
  })
})
