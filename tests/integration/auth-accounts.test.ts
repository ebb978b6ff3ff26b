import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { accountHistory, ADMIN_ACCOUNT, openOffice, setUpOffice, signIn } from '../helpers/auth'

/**
 * Accounts as an administrator manages them, on a real core with sessions: own password,
 * another's reset, role changes, deactivation (the name stays in the history), the last
 * administrator kept, and a refused call with its audit entry.
 */

// Every account and sign-in hashes a password with scrypt (~0.1 s, more on a busy machine).
const cleanup = useCleanup()
const CLERK = {
  username: 'bolat',
  fullName: 'Ахметов Болат Ерланұлы',
  password: 'qabyldau-42',
  role: 'clerk' as const,
  staffId: null,
}

async function officeWithClerk() {
  const office = await openOffice(cleanup)
  const admin = await setUpOffice(office)
  const clerk = await office.ok('users.create', CLERK, admin.session)
  return { office, admin: admin.session, clerk, session: await signIn(office, 'bolat', CLERK.password) }
}

describe('passwords', { timeout: 30_000 }, () => {
  it('own password: the current one is checked; other sessions end, this one goes on', async () => {
    const { office, session } = await officeWithClerk()
    const elsewhere = await signIn(office, 'bolat', CLERK.password)
    expect(
      await office.fail('auth.changePassword', { currentPassword: 'not-it', newPassword: 'jana-soz-2026' }, session),
    ).toMatchObject({ messageKey: 'errors.wrongCredentials' })
    expect(
      await office.fail('auth.changePassword', { currentPassword: CLERK.password, newPassword: 'short' }, session),
    ).toMatchObject({
      code: 'validation',
      issues: [{ path: ['newPassword'], messageKey: 'validation.passwordShort', params: { min: 8 } }],
    })
    await office.ok('auth.changePassword', { currentPassword: CLERK.password, newPassword: 'jana-soz-2026' }, session)

    expect(await office.ok('appeals.list', {}, session)).toMatchObject({ total: 0 })
    expect(await office.fail('appeals.list', {}, elsewhere)).toMatchObject({ code: 'signed_out' })
    expect(await office.fail('auth.login', { username: 'bolat', password: CLERK.password }, null)).toMatchObject({
      messageKey: 'errors.wrongCredentials',
    })
    expect(await signIn(office, 'bolat', 'jana-soz-2026')).toBeTruthy()
    expect((await accountHistory(office)).find((e) => e.field === 'password')).toMatchObject({
      operator: CLERK.fullName,
      action: 'update',
      new_value: null,
    })
  })

  it("an administrator resets another's password: their sessions end, a lockout is lifted", async () => {
    const { office, admin, clerk, session } = await officeWithClerk()
    for (let i = 0; i < 5; i++) await office.fail('auth.login', { username: 'bolat', password: 'wrong' }, null)
    const until = new Date(office.now.getTime() + 5 * 60_000).toISOString()
    expect((await office.ok('users.list', {}, admin)).find((u) => u.id === clerk.id)!.lockedUntil).toBe(until)

    const reset = await office.ok('users.resetPassword', { id: clerk.id, password: 'berilgen-soz' }, admin)
    expect(reset.lockedUntil).toBeNull()
    expect(await office.fail('appeals.list', {}, session)).toMatchObject({ code: 'signed_out' })
    expect(await signIn(office, 'bolat', 'berilgen-soz')).toBeTruthy()
    expect((await accountHistory(office)).find((e) => e.action === 'password_reset')).toMatchObject({
      operator: ADMIN_ACCOUNT.fullName,
      entity_id: String(clerk.id),
    })
  })
})

describe('roles and deactivation', { timeout: 30_000 }, () => {
  it('a new role applies to the open session from its next call', async () => {
    const { office, admin, clerk, session } = await officeWithClerk()
    expect(await office.fail('appeals.create', {}, session)).toMatchObject({ code: 'validation' })
    await office.ok('users.update', { id: clerk.id, fullName: clerk.fullName, role: 'viewer', staffId: null }, admin)
    expect(await office.fail('appeals.create', {}, session)).toMatchObject({ code: 'forbidden' })
    expect((await office.ok('auth.status', {}, session)).user?.role).toBe('viewer')
    expect((await accountHistory(office)).find((e) => e.field === 'role')).toMatchObject({
      action: 'update',
      new_value: '"viewer"',
    })
  })

  it('a deactivated account cannot sign in, its sessions end, and its name stays in the history', async () => {
    const { office, admin, clerk, session } = await officeWithClerk()
    const deactivated = await office.ok('users.deactivate', { id: clerk.id }, admin)
    expect(deactivated).toMatchObject({ active: false, username: 'bolat', fullName: CLERK.fullName })
    expect(await office.fail('appeals.list', {}, session)).toMatchObject({ code: 'signed_out' })
    expect(await office.fail('auth.login', { username: 'bolat', password: CLERK.password }, null)).toMatchObject({
      messageKey: 'errors.wrongCredentials',
    })
    // Kept, never deleted; the history still names them.
    expect((await office.ok('users.list', {}, admin)).map((u) => [u.username, u.active])).toEqual([
      ['asem', true],
      ['bolat', false],
    ])
    const names = (await office.sql<{ operator: string }>('SELECT DISTINCT operator FROM audit_entries')).map(
      (r) => r.operator,
    )
    expect(names).toContain(CLERK.fullName)
  })

  it('the office keeps an active administrator: the last one can be neither demoted nor deactivated', async () => {
    const { office, admin } = await officeWithClerk()
    expect(await office.fail('users.deactivate', { id: 1 }, admin)).toMatchObject({
      code: 'conflict',
      issues: [{ messageKey: 'validation.lastAdministrator' }],
    })
    expect(
      await office.fail(
        'users.update',
        { id: 1, fullName: ADMIN_ACCOUNT.fullName, role: 'head', staffId: null },
        admin,
      ),
    ).toMatchObject({ issues: [{ path: ['role'], messageKey: 'validation.lastAdministrator' }] })
    // With a second administrator, the first may step down.
    await office.ok(
      'users.create',
      {
        username: 'erlan',
        fullName: 'Сәрсенбаев Ерлан',
        password: 'ekinshi-akimshi',
        role: 'administrator',
        staffId: null,
      },
      admin,
    )
    expect(
      await office.ok('users.update', { id: 1, fullName: ADMIN_ACCOUNT.fullName, role: 'head', staffId: null }, admin),
    ).toMatchObject({ role: 'head' })
  })

  it('usernames are unique in any letter case; a staff link must name someone on the staff list', async () => {
    const { office, admin } = await officeWithClerk()
    expect(await office.fail('users.create', { ...CLERK, username: 'BOLAT' }, admin)).toMatchObject({
      code: 'conflict',
      issues: [{ path: ['username'], messageKey: 'validation.usernameTaken' }],
    })
    expect(await office.fail('users.create', { ...CLERK, username: 'bolat2', staffId: 99 }, admin)).toMatchObject({
      issues: [{ path: ['staffId'], messageKey: 'validation.staffUnknown' }],
    })
    expect(await office.fail('users.create', { ...CLERK, username: 'б' }, admin)).toMatchObject({
      issues: [{ path: ['username'], messageKey: 'validation.username' }],
    })
  })
})

describe('a refused call', { timeout: 30_000 }, () => {
  it('is answered forbidden before its input is read, writes nothing but its audit entry', async () => {
    const { office, session } = await officeWithClerk()
    const before = (await office.sql<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entries'))[0]!.n
    expect(await office.fail('backup.restore', { file: '/nowhere' }, session)).toEqual({
      code: 'forbidden',
      messageKey: 'errors.forbidden',
      issues: [],
    })
    expect(await office.fail('users.create', { nonsense: true }, session)).toMatchObject({ code: 'forbidden' })
    const entries = await office.sql(
      'SELECT operator, entity, entity_id, action, field FROM audit_entries WHERE id > ?',
      [before],
    )
    expect(entries).toEqual([
      { operator: CLERK.fullName, entity: 'user', entity_id: '2', action: 'forbidden', field: 'backup.restore' },
      { operator: CLERK.fullName, entity: 'user', entity_id: '2', action: 'forbidden', field: 'users.create' },
    ])
  })
})
