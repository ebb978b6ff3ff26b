import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { accountHistory, ADMIN_ACCOUNT, OFFICE_NAMES, openOffice, setUpOffice, signIn } from '../helpers/auth'

/**
 * Sign-in on a real core: the first-run setup, sessions as the doors carry them, wrong
 * passwords and the lockout (with the core's clock moved), the idle lock, sign-out, and the
 * history of each event.
 */

// Every account and sign-in hashes a password with scrypt (~0.1 s, more on a busy machine).
const cleanup = useCleanup()
const CLERK = { username: 'Bolat', fullName: 'Ахметов Болат Ерланұлы', password: 'qabyldau-42', role: 'clerk' as const }

async function officeWithClerk() {
  const office = await openOffice(cleanup)
  const admin = await setUpOffice(office)
  const clerk = await office.ok('users.create', { ...CLERK, staffId: null }, admin.session)
  return { office, admin, clerk }
}

describe('the first run', { timeout: 30_000 }, () => {
  it('asks for setup on an empty data folder, creates the administrator, signs them in, shows a recovery code once', async () => {
    const office = await openOffice(cleanup)
    expect(await office.ok('auth.status', {}, null)).toEqual({
      setupNeeded: true,
      user: null,
      locked: false,
      lockedByHand: false,
      idleLockMinutes: 15,
      setupStaff: [],
    })
    // Nothing else is open before an account exists.
    expect(await office.fail('appeals.list', {}, null)).toMatchObject({ code: 'signed_out' })

    const { session, recoveryCode, user } = await setUpOffice(office)
    expect(recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/)
    expect(user).toEqual({
      id: 1,
      username: 'asem',
      fullName: ADMIN_ACCOUNT.fullName,
      role: 'administrator',
      staffId: null,
    })
    expect(await office.ok('auth.status', {}, session)).toMatchObject({ setupNeeded: false, user, locked: false })
    expect(await office.ok('office.get', {}, session)).toEqual({
      ...OFFICE_NAMES,
      headPositionRu: '',
      addressKk: '',
      addressRu: '',
      sourceNoteKk: '',
      sourceNoteRu: '',
    })

    // Once only: a second setup is refused, whoever asks.
    expect(
      await office.fail('auth.setup', { office: OFFICE_NAMES, admin: { ...ADMIN_ACCOUNT, username: 'other' } }, null),
    ).toMatchObject({
      code: 'conflict',
      messageKey: 'errors.setupDone',
    })
    // Only hashes are kept: scrypt with its parameters, never the password or the code.
    const [row] = await office.sql<{ password_hash: string; recovery_hash: string }>(
      'SELECT password_hash, recovery_hash FROM users',
    )
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(row!.recovery_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    const dump =
      JSON.stringify(await office.sql('SELECT * FROM users')) +
      JSON.stringify(await office.sql('SELECT * FROM audit_entries'))
    expect(dump).not.toContain(ADMIN_ACCOUNT.password)
    expect(dump).not.toContain(recoveryCode.replace(/-/g, ''))
    expect(dump).not.toContain(session)

    expect((await accountHistory(office)).map((e) => [e.operator, e.action])).toEqual([
      [ADMIN_ACCOUNT.fullName, 'create'],
      [ADMIN_ACCOUNT.fullName, 'sign_in'],
    ])
  })

  it('the recovery code sets a new password offline, once; a new code replaces it', async () => {
    const office = await openOffice(cleanup)
    const { recoveryCode } = await setUpOffice(office)
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ') // as someone might type it
    const recovered = await office.ok(
      'auth.recover',
      { username: 'ASEM', recoveryCode: typed, newPassword: 'jana-qupiya-soz' },
      null,
    )
    expect(recovered.recoveryCode).not.toBe(recoveryCode)
    expect(await office.fail('auth.login', { username: 'asem', password: ADMIN_ACCOUNT.password }, null)).toMatchObject(
      {
        messageKey: 'errors.wrongCredentials',
      },
    )
    expect(await signIn(office, 'asem', 'jana-qupiya-soz')).toBeTruthy()
    expect(
      await office.fail('auth.recover', { username: 'asem', recoveryCode, newPassword: 'tagy-bir-soz' }, null),
    ).toMatchObject({ messageKey: 'errors.wrongRecoveryCode' })
    expect((await accountHistory(office)).map((e) => e.action)).toContain('password_reset')
  })
})

describe('signing in', { timeout: 30_000 }, () => {
  it('right password: a session whose calls answer to the user; usernames in any letter case', async () => {
    const { office } = await officeWithClerk()
    const session = await signIn(office, 'bolat', CLERK.password)
    expect(session).toMatch(/^[\w-]{43}$/) // 32 random bytes
    expect((await office.ok('auth.status', {}, session)).user).toMatchObject({ username: 'Bolat', role: 'clerk' })
    expect(await office.ok('appeals.list', {}, session)).toMatchObject({ total: 0 })
    // Not a session: refused as signed out.
    expect(await office.fail('appeals.list', {}, 'made-up-token')).toMatchObject({ code: 'signed_out' })
    const history = await accountHistory(office)
    expect(history.at(-1)).toMatchObject({ operator: CLERK.fullName, action: 'sign_in', entity_id: '2' })
  })

  it('a wrong password or an unknown username is refused alike, and recorded', async () => {
    const { office } = await officeWithClerk()
    const wrong = await office.fail('auth.login', { username: 'bolat', password: 'not-it' }, null)
    const unknown = await office.fail('auth.login', { username: 'nobody', password: 'not-it' }, null)
    expect(wrong).toEqual({ code: 'validation', messageKey: 'errors.wrongCredentials', issues: [] })
    expect(unknown).toEqual(wrong)
    expect((await accountHistory(office)).slice(-2)).toMatchObject([
      { operator: CLERK.fullName, action: 'sign_in_failed', field: 'failedAttempts', new_value: '1' },
      { operator: null, action: 'sign_in_failed', field: 'username', new_value: '"nobody"' },
    ])
  })

  it('5 wrong passwords lock the username for 5 minutes: the right one is refused meanwhile, then accepted', async () => {
    const { office } = await officeWithClerk()
    for (let i = 1; i <= 4; i++) {
      expect(await office.fail('auth.login', { username: 'bolat', password: `wrong-${i}` }, null)).toMatchObject({
        messageKey: 'errors.wrongCredentials',
      })
    }
    const fifth = await office.fail('auth.login', { username: 'bolat', password: 'wrong-5' }, null)
    expect(fifth).toMatchObject({
      messageKey: 'errors.accountLocked',
      issues: [{ path: ['username'], messageKey: 'validation.accountLocked', params: { minutes: 5 } }],
    })
    office.wait(4)
    expect(await office.fail('auth.login', { username: 'bolat', password: CLERK.password }, null)).toMatchObject({
      messageKey: 'errors.accountLocked',
      issues: [{ params: { minutes: 1 } }],
    })
    office.wait(1.01)
    expect(await signIn(office, 'bolat', CLERK.password)).toBeTruthy()

    const actions = (await accountHistory(office)).filter((e) => e.entity_id === '2').map((e) => e.action)
    expect(actions).toEqual(['create', ...Array(5).fill('sign_in_failed'), 'locked_out', 'sign_in_failed', 'sign_in'])
  })

  it('on PostgreSQL, where sign-ins are checked side by side, 12 wrong passwords at once still lock after 5', async () => {
    const office = await openOffice(cleanup, { engine: 'postgres' })
    const admin = await setUpOffice(office)
    await office.ok('users.create', { ...CLERK, staffId: null }, admin.session)
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => office.fail('auth.login', { username: 'bolat', password: 'not-it' }, null)),
    )
    const keys = attempts.map((error) => error.messageKey)
    expect(keys.filter((key) => key === 'errors.wrongCredentials')).toHaveLength(4)
    expect(keys.filter((key) => key === 'errors.accountLocked')).toHaveLength(8)
    // The right password waits out the lockout like anyone else's.
    expect(await office.fail('auth.login', { username: 'bolat', password: CLERK.password }, null)).toMatchObject({
      messageKey: 'errors.accountLocked',
    })
    const counted = (await accountHistory(office)).filter((e) => e.field === 'failedAttempts')
    expect(counted.map((e) => Number(e.new_value)).sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('the idle lock: a session idle past the limit is refused with "locked" until the password is given again', async () => {
    const { office, admin } = await officeWithClerk()
    await office.ok('auth.updatePolicy', { idleLockMinutes: 10 }, admin.session)
    const session = await signIn(office, 'bolat', CLERK.password)
    office.wait(9)
    await office.ok('appeals.list', {}, session) // activity: the idle time starts again
    office.wait(6)
    await office.ok('auth.status', {}, session) // asking whether it is locked is not activity
    await office.ok('data.revision', {}, session) // nor is an open page's look for others' changes
    office.wait(4.5)
    expect(await office.fail('appeals.list', {}, session)).toEqual({
      code: 'locked',
      messageKey: 'errors.locked',
      issues: [],
    })
    expect(await office.ok('auth.status', {}, session)).toMatchObject({
      locked: true,
      lockedByHand: false,
      user: { username: 'Bolat' },
    })
    expect(await office.fail('auth.unlock', { password: 'not-it' }, session)).toMatchObject({
      messageKey: 'errors.wrongCredentials',
    })
    expect(await office.fail('appeals.list', {}, session)).toMatchObject({ code: 'locked' })
    expect(await office.ok('auth.unlock', { password: CLERK.password }, session)).toMatchObject({
      user: { username: 'Bolat' },
    })
    expect(await office.ok('appeals.list', {}, session)).toMatchObject({ total: 0 })
    // The policy is the administrator's: a clerk may not change it.
    expect(await office.fail('auth.updatePolicy', { idleLockMinutes: 480 }, session)).toMatchObject({
      code: 'forbidden',
    })
  })

  it('the lock from the menu: at once, whatever the idle limit, until the password; it touches no other session', async () => {
    const { office } = await officeWithClerk()
    const session = await signIn(office, 'bolat', CLERK.password)
    const other = await signIn(office, 'bolat', CLERK.password)
    expect(await office.ok('auth.lock', {}, session)).toEqual({ locked: true })
    expect(await office.fail('appeals.list', {}, session)).toMatchObject({ code: 'locked' })
    expect(await office.ok('auth.status', {}, session)).toMatchObject({ locked: true, lockedByHand: true })
    expect(await office.ok('appeals.list', {}, other)).toMatchObject({ total: 0 })
    expect(await office.ok('auth.unlock', { password: CLERK.password }, session)).toMatchObject({
      user: { username: 'Bolat' },
    })
    expect(await office.ok('auth.status', {}, session)).toMatchObject({ locked: false, lockedByHand: false })
    expect(await office.ok('appeals.list', {}, session)).toMatchObject({ total: 0 })
    // Without a session there is nothing to lock.
    expect(await office.ok('auth.lock', {}, null)).toEqual({ locked: false })
  })

  it('a session ends after 12 hours, and at sign-out', async () => {
    const { office } = await officeWithClerk()
    await office.ok('auth.updatePolicy', { idleLockMinutes: 480 }, await signIn(office, 'asem', ADMIN_ACCOUNT.password))
    const session = await signIn(office, 'bolat', CLERK.password)
    for (let hour = 0; hour < 12; hour++) {
      office.wait(59)
      await office.ok('appeals.list', {}, session)
    }
    office.wait(13)
    expect(await office.fail('appeals.list', {}, session)).toMatchObject({ code: 'signed_out' })

    const next = await signIn(office, 'bolat', CLERK.password)
    expect(await office.ok('auth.logout', {}, next)).toEqual({ signedOut: true })
    expect(await office.fail('appeals.list', {}, next)).toMatchObject({ code: 'signed_out' })
    expect((await accountHistory(office)).at(-1)).toMatchObject({ operator: CLERK.fullName, action: 'sign_out' })
  })

  it('the signed-in user is the operator of every write', async () => {
    const { office } = await officeWithClerk()
    const session = await signIn(office, 'bolat', CLERK.password)
    const [sector] = await office.ok('sectors.list', {}, session)
    const appeal = await office.ok(
      'appeals.create',
      {
        receivedAt: '2026-04-20T09:30',
        channel: 'reception',
        appealType: 'application',
        sectorId: sector!.id,
        applicant: { kind: 'individual', surname: 'Сейітов', firstName: 'Дастан' },
        summary: 'Жол жөндеу',
      },
      session,
    )
    expect(appeal.history[0]!.operator).toBe(CLERK.fullName)
  })
})
