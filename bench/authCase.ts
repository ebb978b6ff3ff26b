/**
 * What sign-in costs a call: the same method through the core's dispatcher as a door makes it
 * (a session token looked up, the idle clock, the role checked against the permission table)
 * against the path without sign-in (a dispatcher whose caller is named in its context, as the
 * doors named their operator before accounts), interleaved in the same run. Target: ≤ 0.2 ms
 * added per call (median).
 */
import { createDispatcher, type Gate } from '../src/main/api/dispatcher'
import { createHandlers } from '../src/main/api/handlers'
import type { CallContext } from '../src/main/services/context'
import { mayCall } from '@shared/auth/methodPermissions'
import { BENCH_CTX, type BenchContext } from './context'
import { time, timePair } from './measure'

const ADDED_MS = 0.2

export async function authCase(b: BenchContext): Promise<void> {
  if (!b.largest) return // the check does not depend on the data's size
  const account = {
    username: 'bench-clerk',
    fullName: 'Бенч Іс жүргізуші',
    password: 'bench-password-1',
    role: 'clerk' as const,
  }
  await b.call('users.create', { ...account, staffId: null })
  const door: CallContext = { session: null, operator: null, door: 'web' }
  const login = await b.core.dispatch('auth.login', { username: account.username, password: account.password }, door)
  if (!login.ok) throw new Error(`auth.login failed: ${JSON.stringify(login.error)}`)
  const signedIn: CallContext = { ...door, session: (login.data as { session: string }).session }

  // The path without sign-in: the same handlers and validation, the caller taken as given.
  const trusted: Gate = { identify: (ctx) => ({ user: ctx.user ?? null }), forbidden: async () => undefined }
  const withoutSignIn = createDispatcher(createHandlers(b.core), console.error, trusted)

  for (const [method, input] of [
    ['sectors.list', {}],
    ['appeals.get', { id: 1 }], // the generator's first appeal
  ] as const) {
    const call = (dispatch: typeof withoutSignIn, ctx: CallContext) => async () => {
      const result = await dispatch(method, input, ctx)
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    }
    const { app, raw } = await timePair(call(b.core.dispatch, signedIn), call(withoutSignIn, BENCH_CTX), {
      warmup: 50,
      runs: 2000,
    })
    const added = app.median - raw.median
    b.results.push({
      size: b.label,
      operation: `${method}: signed-in session + permission vs. without`,
      app,
      raw,
      baseline: 'the same dispatcher path, caller named in the context (no session, no lookup)',
      budget: null,
      note: `added ${(added * 1000).toFixed(1)} µs per call (median; target ≤ ${ADDED_MS * 1000} µs): ${added <= ADDED_MS ? 'met' : 'MISSED'}`,
    })
    b.log(
      `  ${method}: signed in ${app.median.toFixed(3)} ms, without ${raw.median.toFixed(3)} ms, added ${(added * 1000).toFixed(1)} µs`,
    )
  }

  // The table lookup alone, for scale.
  const lookups = 100_000
  const check = await time(
    () => {
      for (let i = 0; i < lookups; i++) mayCall('clerk', 'appeals.get')
    },
    { warmup: 3, runs: 20 },
  )
  b.log(`  permission table lookup: ${((check.median / lookups) * 1e6).toFixed(0)} ns`)
}
