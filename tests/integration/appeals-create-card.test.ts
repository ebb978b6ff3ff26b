import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import {
  appealInput,
  BIN,
  IIN,
  meetingInput,
  OPERATOR,
  openDesk,
  person,
  type Desk,
  type NewAppeal,
} from '../helpers/appeals'
import { userContext } from '../helpers/context'
import { useCleanup } from '../helpers/cleanup'

/**
 * `appeals.create` answers with the new appeal's card made from what the registration wrote
 * (the row, the references it looked up, the audit entry), without reading the appeal back.
 * That card must be exactly what `appeals.get` returns right after: the same values, the same
 * keys in the same order (the doors send it as JSON), for every kind of appeal. The office
 * clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let housing: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
})

/** Registers, then reads the appeal back: the two answers as the doors would send them. */
async function createThenGet(input: NewAppeal): Promise<{ created: Appeal; read: Appeal }> {
  const created = await desk.ok('appeals.create', input)
  const read = await desk.ok('appeals.get', { id: created.id })
  expect(JSON.stringify(created)).toBe(JSON.stringify(read))
  return { created, read }
}

describe('the card appeals.create returns', () => {
  it('is byte for byte the card appeals.get reads back: a person with every field, an executor and a locality', async () => {
    const executor = await desk.ok('staff.create', { fullName: 'Бекжанов Ержан Маратұлы', position: 'ТҮКШ маманы' })
    const okrug = await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
    })
    const { created } = await createThenGet(
      appealInput(housing, {
        externalNumber: 'ЖТ-15/2026',
        localityId: okrug.id,
        executorId: executor.id,
        receivedAt: '2026-04-17T19:05',
      }),
    )
    expect(created).toMatchObject({
      executorName: 'Бекжанов Ержан Маратұлы',
      registeredOn: '2026-04-20',
      status: 'registered',
      overdue: false,
    })
    expect(created.acceptedBy).toMatchObject({ id: desk.operatorId })
    expect(created.history).toHaveLength(1)
  })

  it('is the same for optional fields left out altogether (not sent as null)', async () => {
    await createThenGet({
      receivedAt: '2026-04-20T09:30',
      channel: 'written',
      appealType: 'complaint',
      sectorId: housing,
      applicant: { kind: 'individual', surname: 'Омарова', firstName: 'Айгүл' },
      summary: 'Жарық жоқ',
    })
  })

  it('is the same for an organisation, an anonymous appeal and a collective one', async () => {
    await createThenGet(
      appealInput(housing, {
        applicant: { kind: 'organisation', name: 'ЖШС «Қарабас Су»', bin: BIN, phone: null, address: null },
      }),
    )
    await createThenGet(appealInput(housing, { channel: 'e_otinish', applicant: { kind: 'anonymous' } }))
    await createThenGet(
      appealInput(housing, {
        collective: true,
        signatories: 14,
        applicant: person({ iin: IIN.aigul, patronymic: null }),
      }),
    )
  })

  it('names the appeal it repeats, and the meeting it was raised at', async () => {
    const first = await desk.ok('appeals.create', appealInput(housing))
    const { created } = await createThenGet(appealInput(housing, { repeatedOfId: first.id }))
    expect(created).toMatchObject({ repeated: true, repeatedOfId: first.id, repeatedOfNumber: first.regNumber })
    const meeting = await desk.ok('meetings.create', meetingInput())
    await createThenGet(
      appealInput(housing, { channel: 'report_meeting', meetingId: meeting.id, receivedAt: '2026-04-09T12:00' }),
    )
  })

  it('is the same when overdue on the day it is registered late, and when the user is not on the staff list', async () => {
    // received in January: registered then, already past its deadline today
    const { created } = await createThenGet(appealInput(housing, { receivedAt: '2026-01-12T11:00' }))
    expect(created.overdue).toBe(true)
    const anonymousDesk = await openDesk(cleanup, { now: NOW, noOperator: true })
    const sector = await anonymousDesk.sector('housing')
    const plain = await anonymousDesk.ok('appeals.create', appealInput(sector))
    expect(JSON.stringify(plain)).toBe(JSON.stringify(await anonymousDesk.ok('appeals.get', { id: plain.id })))
    expect(plain.acceptedBy).toBeNull()
    expect(plain.history[0]!.operator).toBe(OPERATOR.fullName)
  })

  it('is the same when made by another user', async () => {
    const result = await desk.core.dispatch(
      'appeals.create',
      appealInput(housing),
      userContext('clerk', { id: 5, fullName: 'Сырттан келген оператор' }),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const created = result.data as Appeal
    expect(JSON.stringify(created)).toBe(JSON.stringify(await desk.ok('appeals.get', { id: created.id })))
    expect(created.history[0]!.operator).toBe('Сырттан келген оператор')
  })

  it('refuses a sector or an executor deactivated a moment before, as before: nothing is kept between calls', async () => {
    const executor = await desk.ok('staff.create', { fullName: 'Серікбаев Дәулет', position: 'Маман' })
    await desk.ok('appeals.create', appealInput(housing, { executorId: executor.id }))
    await desk.ok('staff.update', {
      id: executor.id,
      fullName: executor.fullName,
      position: executor.position,
      department: null,
      isExecutor: true,
      active: false,
    })
    const error = await desk.fail('appeals.create', appealInput(housing, { executorId: executor.id }))
    expect(error.issues).toEqual([{ path: ['executorId'], messageKey: 'validation.inactiveReference' }])

    const sector = (await desk.ok('sectors.list', {})).find((s) => s.id === housing)!
    await desk.ok('sectors.update', {
      id: housing,
      nameKk: sector.nameKk,
      nameRu: sector.nameRu,
      nameEn: sector.nameEn,
      active: false,
    })
    const refused = await desk.fail('appeals.create', appealInput(housing))
    expect(refused.issues).toEqual([{ path: ['sectorId'], messageKey: 'validation.inactiveReference' }])

    const unknown = await desk.fail(
      'appeals.create',
      appealInput(999, {
        channel: 'report_meeting',
        executorId: 998,
        localityId: 997,
        meetingId: 996,
        repeatedOfId: 995,
      }),
    )
    expect(unknown.issues.map((i) => [i.path.join('.'), i.messageKey])).toEqual([
      ['sectorId', 'validation.unknownReference'],
      ['executorId', 'validation.unknownReference'],
      ['localityId', 'validation.unknownReference'],
      ['meetingId', 'validation.unknownReference'],
      ['repeatedOfId', 'validation.unknownReference'],
    ])
  })

  it('takes the next number and chains its audit entry to the last one', async () => {
    const a = await desk.ok('appeals.create', appealInput(housing))
    const b = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-04-20T09:00' }))
    expect(Number(b.regNumber.slice(5))).toBe(Number(a.regNumber.slice(5)) + 1)
    expect(await desk.ok('audit.verify', {})).toMatchObject({ firstBroken: null })
  })
})
