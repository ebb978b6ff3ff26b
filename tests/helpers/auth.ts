import { join } from 'node:path'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import type { ApiError, ApiResult } from '@shared/api/errors'
import type { ApiMethod } from '@shared/api/methods'
import type { Core } from '../../src/main/core'
import type { CallContext } from '../../src/main/services/context'
import type { useCleanup } from './cleanup'
import { startTestCore } from './core'
import { databaseFor, type Engine } from './engines'

/**
 * An office as its doors see it: calls carry a session token (or none), like the HTTP and IPC
 * doors, so sign-in, the permission check, the idle lock and lockouts run as in the app. The
 * core's clock is `office.now`, which a test moves.
 */
export interface Office {
  core: Core
  now: Date
  /** A call made with `session` (null: a door with no session). */
  call(method: string, input: unknown, session: string | null): Promise<ApiResult<unknown>>
  ok<M extends ApiMethod>(method: M, input: ApiInput<M>, session: string | null): Promise<ApiOutput<M>>
  fail(method: string, input: unknown, session: string | null): Promise<ApiError>
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>
  /** Moves the clock on. */
  wait(minutes: number): void
}

export const OFFICE_NAMES = {
  nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
  nameRu: 'Аппарат акима Карабасского сельского округа',
  district: '',
  region: '',
  headName: '',
  headPosition: '',
}
export const ADMIN_ACCOUNT = { username: 'asem', fullName: 'Жұмағалиева Әсем Серікқызы', password: 'Kóktem-2026!' }

export async function openOffice(
  cleanup: ReturnType<typeof useCleanup>,
  options: { file?: string; now?: string; engine?: Engine } = {},
): Promise<Office> {
  const file = options.file ?? join(cleanup.tempDir(), 'akimat.sqlite')
  const office = { now: new Date(options.now ?? '2026-04-20T10:00:00') } as Office
  const core = await startTestCore(file, {
    clock: () => office.now,
    ...(options.engine ? await databaseFor(options.engine) : {}),
  })
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))
  const ctx = (session: string | null): CallContext => ({ session, operator: null, door: 'web' })
  const call = (method: string, input: unknown, session: string | null) => core.dispatch(method, input, ctx(session))
  return Object.assign(office, {
    core,
    call,
    ok: async <M extends ApiMethod>(method: M, input: ApiInput<M>, session: string | null) => {
      const result = await call(method, input, session)
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
      return result.data as ApiOutput<M>
    },
    fail: async (method: string, input: unknown, session: string | null) => {
      const result = await call(method, input, session)
      if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.data)}`)
      return result.error
    },
    sql: <T>(query: string, params: unknown[] = []): Promise<T[]> => core.database.dataSource.query(query, params),
    wait: (minutes: number) => {
      office.now = new Date(office.now.getTime() + minutes * 60_000)
    },
  })
}

/** The first-run setup as the screen makes it; returns the administrator's session and recovery code. */
export async function setUpOffice(office: Office, staffId: number | null = null) {
  const done = await office.ok('auth.setup', { office: OFFICE_NAMES, admin: { ...ADMIN_ACCOUNT, staffId } }, null)
  return { session: done.session!, recoveryCode: done.recoveryCode, user: done.user }
}

/** Signs in; returns the session token. */
export async function signIn(office: Office, username: string, password: string): Promise<string> {
  return (await office.ok('auth.login', { username, password }, null)).session!
}

/** The history of accounts and access, oldest first. */
export const accountHistory = (office: Office) =>
  office.sql<{
    operator: string | null
    entity: string
    entity_id: string
    action: string
    field: string | null
    new_value: string | null
  }>(
    "SELECT operator, entity, entity_id, action, field, new_value FROM audit_entries WHERE entity = 'user' ORDER BY id",
  )
