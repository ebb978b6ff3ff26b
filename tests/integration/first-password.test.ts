import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { openOffice, setUpOffice, signIn } from '../helpers/auth'

/**
 * A first password an administrator gives (users.create with firstPassword, as the first-start
 * wizard makes accounts): sign-in and the session's status say the person is to choose their
 * own, until auth.changePassword; accounts made without it are never asked.
 */

const cleanup = useCleanup()
const BOLAT = { username: 'bolat', fullName: 'Ахметов Болат', role: 'clerk' as const, staffId: null }

describe('a first password', { timeout: 60_000 }, () => {
  it('is to be replaced at sign-in until the person chose their own', async () => {
    const office = await openOffice(cleanup)
    const admin = await setUpOffice(office)
    await office.ok('users.create', { ...BOLAT, password: 'bolat-birinshi', firstPassword: true }, admin.session)

    const first = await office.ok('auth.login', { username: 'bolat', password: 'bolat-birinshi' }, null)
    expect(first).toMatchObject({ user: { username: 'bolat' }, passwordChangeNeeded: true })
    expect(await office.ok('auth.status', {}, first.session!)).toMatchObject({ passwordChangeNeeded: true })

    // Until then the core answers that session nothing else, whatever asks (a page, a script):
    // the administrator who made the first password cannot work as Bolat through it.
    for (const [method, input] of [
      ['appeals.list', {}],
      ['data.revision', {}],
      ['appeals.create', {}],
      ['auth.changePassword', { currentPassword: 'bolat-birinshi', newPassword: 'x' }],
    ] as const) {
      const refused = await office.fail(method, input, first.session!)
      if (method === 'auth.changePassword')
        expect(refused.code).toBe('validation') // reached, and checked
      else
        expect(refused).toEqual({
          code: 'password_change_needed',
          messageKey: 'errors.password_change_needed',
          issues: [],
        })
    }
    // The language of the dialog asking for it may change.
    await office.ok('preferences.update', { language: 'ru' }, first.session!)

    await office.ok(
      'auth.changePassword',
      { currentPassword: 'bolat-birinshi', newPassword: 'bolat-ozimdiki' },
      first.session!,
    )
    // The same session goes on, with what the role allows.
    expect(await office.ok('appeals.list', {}, first.session!)).toMatchObject({ total: 0 })
    const again = await office.ok('auth.login', { username: 'bolat', password: 'bolat-ozimdiki' }, null)
    expect(again).not.toHaveProperty('passwordChangeNeeded')
    expect(await office.ok('auth.status', {}, again.session!)).not.toHaveProperty('passwordChangeNeeded')
  })

  it('is not asked of accounts made with a password of their own', async () => {
    const office = await openOffice(cleanup)
    const admin = await setUpOffice(office)
    await office.ok('users.create', { ...BOLAT, password: 'bolat-password' }, admin.session)
    const session = await signIn(office, 'bolat', 'bolat-password')
    expect(await office.ok('auth.status', {}, session)).not.toHaveProperty('passwordChangeNeeded')
    expect(await office.ok('auth.status', {}, admin.session)).not.toHaveProperty('passwordChangeNeeded')
  })
})
