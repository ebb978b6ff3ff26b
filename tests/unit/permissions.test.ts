import { describe, expect, it, vi } from 'vitest'
import { API_METHODS, type ApiMethod } from '@shared/api/methods'
import { METHOD_PERMISSIONS, mayCall } from '@shared/auth/methodPermissions'
import { PERMISSIONS, ROLE_PERMISSIONS } from '@shared/auth/permissions'
import { ROLES, type Role } from '@shared/auth/roles'
import { createDispatcher, type Gate } from '../../src/main/api/dispatcher'
import type { CallContext } from '../../src/main/services/context'
import { recordingHandlers } from '../helpers/fakeHandlers'
import { userContext } from '../helpers/context'

/**
 * The permission matrix: every API method × every role (and nobody signed in), through the
 * real dispatcher. What each role may do is read from the table; the test checks that the
 * dispatcher obeys it for every pair, that the table covers exactly the API, and, written out
 * by hand from the roles' descriptions, what must never change.
 */

const NOBODY = 'nobody' as const
type Caller = Role | typeof NOBODY

function expectedFromTable(method: ApiMethod, caller: Caller): boolean {
  const access = METHOD_PERMISSIONS[method]
  if (access === 'public') return true
  if (caller === NOBODY) return false
  return access === 'signedIn' || ROLE_PERMISSIONS[caller].includes(access)
}

function setup() {
  const { handlers, calls } = recordingHandlers()
  const forbidden = vi.fn<Gate['forbidden']>(async () => undefined)
  const gate: Gate = { identify: (ctx) => ({ user: ctx.user ?? null }), forbidden }
  return { dispatch: createDispatcher(handlers, vi.fn(), gate), calls, forbidden }
}

const contextOf = (caller: Caller): CallContext =>
  caller === NOBODY ? { operator: null, door: 'web' } : userContext(caller)

describe('the permission table', () => {
  it('has exactly one entry per API method, each a known permission, public or signedIn', () => {
    expect(Object.keys(METHOD_PERMISSIONS).sort()).toEqual([...API_METHODS].sort())
    for (const access of Object.values(METHOD_PERMISSIONS)) {
      expect([...PERMISSIONS, 'public', 'signedIn']).toContain(access)
    }
  })

  // auth.lock answers a locked session too (locking it again is harmless) and locks nothing without one.
  // The recovery methods answer before sign-in because the users are in the file that did not
  // open; a core that opened refuses their actions (tests/integration/recovery.test.ts).
  it('keeps open before sign-in only what the sign-in, first-run and recovery screens need', () => {
    const open = API_METHODS.filter((m) => METHOD_PERMISSIONS[m] === 'public').sort()
    expect(open).toEqual([
      'auth.lock',
      'auth.login',
      'auth.logout',
      'auth.recover',
      'auth.setup',
      'auth.status',
      'auth.unlock',
      'preferences.get',
      'recovery.restore',
      'recovery.startEmpty',
      'recovery.status',
    ])
  })

  // Written out from the roles' descriptions, not from the table.
  const MUST: Record<Role, { may: ApiMethod[]; mayNot: ApiMethod[] }> = {
    administrator: { may: [...API_METHODS], mayNot: [] },
    head: {
      may: ['appeals.list', 'appeals.get', 'appeals.extend', 'reports.export', 'dashboard.summary', 'meetings.get'],
      mayNot: ['appeals.create', 'backup.restore', 'users.create', 'sectors.create', 'import.commit'],
    },
    clerk: {
      may: [
        'appeals.create',
        'appeals.update',
        'appeals.transition',
        'appeals.receipt',
        'meetings.create',
        'measures.create',
      ],
      mayNot: [
        'backup.status',
        'backup.restore',
        'backup.create',
        'audit.verify',
        'import.commit',
        'consolidation.importPackage',
        'consolidation.exportPackage',
        'sample.load',
        'users.list',
        'calendar.import',
        'appeals.extend',
      ],
    },
    press: {
      may: ['meetings.create', 'measures.update', 'reports.build', 'reports.export', 'appeals.list'],
      mayNot: ['appeals.create', 'appeals.update', 'appeals.findApplicants', 'backup.create', 'users.list'],
    },
    viewer: {
      may: ['appeals.list', 'appeals.get', 'reports.export', 'dashboard.summary', 'auth.changePassword'],
      mayNot: ['appeals.create', 'meetings.create', 'measures.create', 'office.update', 'backup.create', 'users.list'],
    },
  }
  it.each(ROLES)('%s: what the role description says', (role) => {
    for (const method of MUST[role].may) expect(mayCall(role, method), `${role} may ${method}`).toBe(true)
    for (const method of MUST[role].mayNot) expect(mayCall(role, method), `${role} may not ${method}`).toBe(false)
  })
})

describe('the dispatcher obeys the table for every method and role', () => {
  const callers: Caller[] = [...ROLES, NOBODY]
  it.each(callers)('%s', async (caller) => {
    const { dispatch, calls, forbidden } = setup()
    for (const method of API_METHODS) {
      calls.length = 0
      forbidden.mockClear()
      // An input no method accepts: a call that passes the gate is stopped by validation.
      const result = await dispatch(method, { notAField: true }, contextOf(caller))
      const code = result.ok ? null : result.error.code
      if (expectedFromTable(method, caller)) {
        expect(code, `${caller} → ${method}`).not.toBe('forbidden')
        expect(code, `${caller} → ${method}`).not.toBe('signed_out')
        expect(forbidden).not.toHaveBeenCalled()
      } else {
        expect(code, `${caller} → ${method}`).toBe(caller === NOBODY ? 'signed_out' : 'forbidden')
        expect(calls).toEqual([])
        if (caller !== NOBODY)
          expect(forbidden).toHaveBeenCalledWith(
            method,
            expect.objectContaining({ user: expect.objectContaining({ role: caller }) }),
          )
        else expect(forbidden).not.toHaveBeenCalled()
      }
    }
  })

  it('an allowed call reaches its handler with the user as operator', async () => {
    const { dispatch, calls } = setup()
    const ctx = userContext('viewer', { fullName: 'Қараушы Әлия', staffId: 4 })
    expect(await dispatch('appeals.list', {}, ctx)).toMatchObject({ ok: true })
    expect(calls[0]!.ctx).toMatchObject({ user: ctx.user, operator: 'Қараушы Әлия', operatorId: 4 })
  })

  it('refuses before validation: a forbidden call with a bad input is forbidden, not invalid', async () => {
    const { dispatch } = setup()
    const result = await dispatch('sectors.create', { code: 'BAD' }, userContext('clerk'))
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden', issues: [] } })
  })

  it('answers locked when the gate says the session is idle past the limit', async () => {
    const { handlers, calls } = recordingHandlers()
    const gate: Gate = { identify: () => ({ user: null, refusal: 'locked' }), forbidden: vi.fn() }
    const dispatch = createDispatcher(handlers, vi.fn(), gate)
    expect(await dispatch('appeals.list', {}, { session: 'x', operator: null, door: 'web' })).toEqual({
      ok: false,
      error: { code: 'locked', messageKey: 'errors.locked', issues: [] },
    })
    expect(
      (await dispatch('auth.unlock', { password: 'secret' }, { session: 'x', operator: null, door: 'web' })).ok,
    ).toBe(true)
    expect(calls.map((c) => c.method)).toEqual(['auth.unlock'])
  })
})
