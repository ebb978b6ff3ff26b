import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, Appeal } from '@shared/api/contract'
import { nameOnRecordInput } from '@shared/api/areas/appeals'
import { appealInput, BIN, editInput, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { asRole } from '../helpers/context'
import { ENGINES } from '../helpers/engines'

/**
 * The same IIN/BIN under another name: appeals.nameOnRecord tells the form, and a create or an
 * update that carries such a name is refused unless the clerk confirmed it; the confirmed
 * mismatch goes into the appeal's history. Names are compared folded (surname and first name).
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let housing: number

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    housing = await desk.sector('housing')
  })

  const create = (over: Partial<ApiInput<'appeals.create'>>): Promise<Appeal> =>
    desk.ok('appeals.create', appealInput(housing, over))
  const ahmetov = (over: Parameters<typeof person>[0] = {}) =>
    person({ surname: 'Ахметов', firstName: 'Серік', patronymic: 'Болатұлы', iin: IIN.nurlan, ...over })
  const onRecord = (applicant: ReturnType<typeof person>, excludeId: number | null = null) =>
    desk.ok('appeals.nameOnRecord', { applicant, excludeId })

  it('finds the latest other name with its count and last date; a folded spelling is the same name', async () => {
    await create({ receivedAt: '2026-03-02T10:00', applicant: ahmetov() })
    await create({ receivedAt: '2026-03-10T10:00', applicant: ahmetov({ firstName: 'Серик', patronymic: null }) })
    expect(await onRecord(ahmetov({ firstName: 'СЕРИК' }))).toBeNull()
    expect(await onRecord(ahmetov({ surname: 'Ахметова', firstName: 'Сауле' }))).toEqual({
      name: 'Ахметов Серик',
      appealsCount: 2,
      lastOn: '2026-03-10',
    })
    // another surname with the same first name is another name too
    expect(await onRecord(ahmetov({ surname: 'Әлиев' }))).toMatchObject({ appealsCount: 2 })
    // no IIN, or an IIN nobody has: nothing on record
    expect(await onRecord(ahmetov({ surname: 'Әлиев', iin: null }))).toBeNull()
    expect(await onRecord(ahmetov({ surname: 'Әлиев', iin: IIN.aigul }))).toBeNull()
  })

  it('refuses a create under another name without confirmation, on the surname, and writes nothing', async () => {
    await create({ receivedAt: '2026-03-02T10:00', applicant: ahmetov() })
    const before = await desk.count('appeals')
    const error = await desk.fail('appeals.create', appealInput(housing, { applicant: ahmetov({ surname: 'Омаров' }) }))
    expect(error.issues).toEqual([
      {
        path: ['applicant', 'surname'],
        messageKey: 'validation.nameDiffersOnRecord',
        params: { count: 1, lastOn: '2026-03-02' },
      },
    ])
    expect(await desk.count('appeals')).toBe(before)
    // the same name, spelled without Kazakh letters, needs no confirmation
    await create({ applicant: ahmetov({ surname: 'Ахметов', firstName: 'Серик' }) })
  })

  it('records the confirmed other name in the history of the new appeal', async () => {
    await create({ receivedAt: '2026-03-02T10:00', applicant: ahmetov() })
    const appeal = await create({ applicant: ahmetov({ surname: 'Омаров' }), applicantNameConfirmed: true })
    const entry = appeal.history.find((e) => e.action === 'nameConfirmed')
    expect(entry).toMatchObject({
      field: 'applicantName',
      oldValue: JSON.stringify('Ахметов Серік Болатұлы'),
      newValue: JSON.stringify('Омаров Серік Болатұлы'),
    })
    // the card read back holds the same entry
    const card = await desk.ok('appeals.get', { id: appeal.id })
    expect(card.history.filter((e) => e.action === 'nameConfirmed')).toEqual([entry])
    // a confirmation with nothing to confirm records nothing
    const plain = await create({ applicant: ahmetov({ iin: IIN.aigul }), applicantNameConfirmed: true })
    expect(plain.history.map((e) => e.action)).toEqual(['create'])
  })

  it('checks an edit that changes the name or the IIN, not one that keeps them', async () => {
    await create({ receivedAt: '2026-03-02T10:00', applicant: ahmetov() })
    const other = await create({ applicant: ahmetov({ surname: 'Омаров' }), applicantNameConfirmed: true })
    // the edited appeal leaves itself out, and keeping its confirmed name needs no new confirmation
    expect(await onRecord(ahmetov({ surname: 'Омаров' }), other.id)).toBeNull()
    const kept = await desk.ok('appeals.update', await editInput(desk, other, { summary: 'Жол жөндеу туралы' }))
    // the name changed to a third one: refused, then recorded when confirmed
    const renamed = ahmetov({ surname: 'Сейітов' })
    const error = await desk.fail('appeals.update', await editInput(desk, kept, { applicant: renamed }))
    expect(error.issues?.[0]).toMatchObject({
      path: ['applicant', 'surname'],
      messageKey: 'validation.nameDiffersOnRecord',
    })
    const saved = await desk.ok(
      'appeals.update',
      await editInput(desk, kept, { applicant: renamed, applicantNameConfirmed: true }),
    )
    expect(saved.history.filter((e) => e.action === 'nameConfirmed').map((e) => e.newValue)).toEqual([
      JSON.stringify('Омаров Серік Болатұлы'),
      JSON.stringify('Сейітов Серік Болатұлы'),
    ])
    // an edit that gives the IIN to another appeal under another name is checked too
    const aigul = await create({ applicant: person({ surname: 'Жұмабекова', firstName: 'Айгүл', iin: IIN.aigul }) })
    const moved = await desk.fail(
      'appeals.update',
      await editInput(desk, aigul, {
        applicant: person({ surname: 'Жұмабекова', firstName: 'Айгүл', iin: IIN.nurlan }),
      }),
    )
    expect(moved.issues?.[0]).toMatchObject({ messageKey: 'validation.nameDiffersOnRecord' })
  })

  it('compares an organisation by its whole name and leaves annulled entries out', async () => {
    const org = (name: string) => ({ kind: 'organisation' as const, name, bin: BIN, phone: null, address: null })
    const first = await create({ applicant: org('«Қайнар» ЖШС') })
    expect(await desk.ok('appeals.nameOnRecord', { applicant: org('«Кайнар»  жшс'), excludeId: null })).toBeNull()
    expect(await desk.ok('appeals.nameOnRecord', { applicant: org('«Береке» ЖШС'), excludeId: null })).toMatchObject({
      name: '«Қайнар» ЖШС',
    })
    const error = await desk.fail('appeals.create', appealInput(housing, { applicant: org('«Береке» ЖШС') }))
    expect(error.issues?.[0]?.path).toEqual(['applicant', 'name'])
    await desk.ok('appeals.annul', { id: first.id, reason: 'Қате енгізілген' })
    expect(await desk.ok('appeals.nameOnRecord', { applicant: org('«Береке» ЖШС'), excludeId: null })).toBeNull()
  })

  it('gives the other name only to a caller who may see personal data', async () => {
    await create({ receivedAt: '2026-03-02T10:00', applicant: ahmetov() })
    // as the door hands it to the service: parsed
    const input = nameOnRecordInput.parse({ applicant: ahmetov({ surname: 'Омаров' }), excludeId: null })
    const appeals = desk.core.services.appeals
    expect(await appeals.nameOnRecord(input, asRole('clerk'))).toMatchObject({ name: 'Ахметов Серік Болатұлы' })
    expect(await appeals.nameOnRecord(input, asRole('press'))).toEqual({
      name: null,
      appealsCount: 1,
      lastOn: '2026-03-02',
    })
    // the door itself is for those who register appeals
    desk.ctx = asRole('viewer')
    expect((await desk.fail('appeals.nameOnRecord', input)).code).toBe('forbidden')
  })
})
