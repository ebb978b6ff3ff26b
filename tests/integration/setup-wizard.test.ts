import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { openOffice, setUpOffice, signIn } from '../helpers/auth'

/**
 * When the first-start wizard opens by itself, on a real core through the dispatcher: after the
 * first-run setup only, until its last step is passed or the register holds an appeal, for
 * administrators only; the steps passed are remembered for resuming.
 */

const cleanup = useCleanup()

describe('the first-start wizard state', { timeout: 60_000 }, () => {
  it('is offered after the first-run setup, remembers the steps passed and ends with the last one', async () => {
    const office = await openOffice(cleanup)
    const { session } = await setUpOffice(office)
    expect(await office.ok('setup.state', {}, session)).toEqual({ offered: true, steps: {}, finished: false })

    await office.ok('setup.markStep', { step: 'office', outcome: 'saved' }, session)
    await office.ok('setup.markStep', { step: 'localities', outcome: 'skipped' }, session)
    // a new sign-in (another day, another desk) finds the same place
    const again = await signIn(office, 'asem', 'Kóktem-2026!')
    expect(await office.ok('setup.state', {}, again)).toEqual({
      offered: true,
      steps: { office: 'saved', localities: 'skipped' },
      finished: false,
    })

    await office.ok('setup.markStep', { step: 'staff', outcome: 'saved' }, again)
    expect(await office.ok('setup.markStep', { step: 'sample', outcome: 'skipped' }, again)).toEqual({
      offered: false,
      steps: { office: 'saved', localities: 'skipped', staff: 'saved', sample: 'skipped' },
      finished: true,
    })
    // opened again from Settings and passed again: still finished, never offered again
    await office.ok('setup.markStep', { step: 'staff', outcome: 'saved' }, again)
    expect(await office.ok('setup.state', {}, again)).toMatchObject({ offered: false, finished: true })
    expect(await office.fail('setup.markStep', { step: 'elsewhere', outcome: 'saved' }, again)).toMatchObject({
      code: 'validation',
      issues: [{ path: ['step'], messageKey: 'validation.invalidOption' }],
    })
  })

  it('is not offered once the register holds an appeal, though never finished', async () => {
    const office = await openOffice(cleanup)
    const { session } = await setUpOffice(office)
    await office.ok('setup.markStep', { step: 'office', outcome: 'saved' }, session)
    await office.ok('sample.load', {}, session)
    expect(await office.ok('setup.state', {}, session)).toEqual({
      offered: false,
      steps: { office: 'saved' },
      finished: false,
    })
  })

  it('is never offered to an office whose administrator did not come through the first-run setup', async () => {
    const office = await openOffice(cleanup)
    // as the command line adds one (`users add`), or as offices set up before the wizard have them
    await office.core.services.users.create(
      {
        username: 'admin',
        fullName: 'Әкімші',
        role: 'administrator',
        staffId: null,
        password: 'admin-password',
        firstPassword: false,
      },
      { operator: 'cli', door: 'desktop' },
    )
    const session = await signIn(office, 'admin', 'admin-password')
    expect(await office.ok('setup.state', {}, session)).toEqual({ offered: false, steps: {}, finished: false })
  })

  it('is for administrators only', async () => {
    const office = await openOffice(cleanup)
    const { session } = await setUpOffice(office)
    await office.ok(
      'users.create',
      { username: 'bolat', fullName: 'Ахметов Болат', role: 'clerk', staffId: null, password: 'qabyldau-42' },
      session,
    )
    const clerk = await signIn(office, 'bolat', 'qabyldau-42')
    expect(await office.fail('setup.state', {}, clerk)).toMatchObject({ code: 'forbidden' })
    expect(await office.fail('setup.markStep', { step: 'office', outcome: 'saved' }, clerk)).toMatchObject({
      code: 'forbidden',
    })
  })
})
