import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, Appeal, ApplicantInput } from '@shared/api/contract'
import { appealInput, BIN, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Returning applicants: repeated-appeal candidates (the same person, same sector, within 12
 * months) and the applicant lookup by IIN or name. The office clock stands at Monday
 * 20 April 2026, so "within 12 months" means registered on or after 20 April 2025.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let housing: number
let land: number
let karabas: number
let koktobe: number

/** Қайрат gave no IIN: he is recognised by his name in his locality. */
const kairat = (over: Partial<Extract<ApplicantInput, { kind: 'individual' }>> = {}) =>
  person({ surname: 'Жұмабеков', firstName: 'Қайрат', patronymic: 'Өмірұлы', iin: null, ...over })
const aigul = person({ surname: 'Жұмабекова', firstName: 'Айгүл', patronymic: null, iin: IIN.aigul })

const create = (over: Partial<ApiInput<'appeals.create'>>): Promise<Appeal> =>
  desk.ok('appeals.create', appealInput(housing, over))
const candidates = (input: Partial<ApiInput<'appeals.repeatCandidates'>>) =>
  desk.ok('appeals.repeatCandidates', { applicant: person(), sectorId: housing, localityId: karabas, ...input })
const numbers = (list: { regNumber: string }[]) => list.map((a) => a.regNumber).sort()

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
  land = await desk.sector('land')
  karabas = (
    await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
    })
  ).id
  koktobe = (
    await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Көктөбе ауылдық округі',
      nameRu: 'Коктюбинский сельский округ',
    })
  ).id
})

describe('appeals.repeatCandidates', () => {
  it('finds an earlier appeal of the same IIN in the same sector within 12 months', async () => {
    const earlier = await create({ receivedAt: '2025-05-12T10:00', localityId: karabas })
    expect(numbers(await candidates({}))).toEqual([earlier.regNumber])
    // the IIN decides, whatever locality and spelling the clerk typed this time
    expect(numbers(await candidates({ localityId: null, applicant: person({ surname: 'Жумабеков' }) }))).toEqual([
      earlier.regNumber,
    ])
  })

  it('does not find it in another sector', async () => {
    await create({ receivedAt: '2025-05-12T10:00', localityId: karabas })
    expect(await candidates({ sectorId: land })).toEqual([])
  })

  it('does not find appeals registered more than 12 months ago', async () => {
    // 17 April 2025 is before 20 April 2025; 21 April 2025 is after it
    await create({ receivedAt: '2025-04-17T10:00', applicant: aigul })
    expect(await candidates({ applicant: aigul })).toEqual([])
    const within = await create({ receivedAt: '2025-04-21T10:00', applicant: aigul })
    expect(numbers(await candidates({ applicant: aigul }))).toEqual([within.regNumber])
  })

  it('finds the same name in the same locality, typed with or without Kazakh letters, in any case', async () => {
    const earlier = await create({ receivedAt: '2026-02-10T10:00', localityId: karabas, applicant: kairat() })
    for (const typed of [
      kairat(),
      kairat({ surname: 'Жумабеков', firstName: 'Кайрат', patronymic: 'Омирулы' }),
      kairat({ surname: 'ЖУМАБЕКОВ', firstName: 'кайрат', patronymic: 'ӨМІРҰЛЫ' }),
    ]) {
      expect(numbers(await candidates({ applicant: typed })), JSON.stringify(typed)).toEqual([earlier.regNumber])
    }
  })

  it('does not take a shorter or different name for the same person', async () => {
    await create({ receivedAt: '2026-02-10T10:00', localityId: karabas, applicant: kairat() })
    expect(await candidates({ applicant: kairat({ patronymic: null }) })).toEqual([])
    expect(await candidates({ applicant: kairat({ firstName: 'Қанат' }) })).toEqual([])
  })

  it('does not match the same name in another locality, or with no locality', async () => {
    await create({ receivedAt: '2026-02-10T10:00', localityId: karabas, applicant: kairat() })
    expect(await candidates({ applicant: kairat(), localityId: koktobe })).toEqual([])
    expect(await candidates({ applicant: kairat(), localityId: null })).toEqual([])
  })

  it('leaves out the appeal being edited (excludeId)', async () => {
    const first = await create({ receivedAt: '2025-05-12T10:00' })
    const second = await create({ receivedAt: '2026-03-16T10:00' })
    expect(numbers(await candidates({}))).toEqual([first.regNumber, second.regNumber])
    expect(numbers(await candidates({ excludeId: second.id }))).toEqual([first.regNumber])
    expect(await candidates({ excludeId: first.id, sectorId: housing, applicant: person() }).then(numbers)).toEqual([
      second.regNumber,
    ])
  })

  it('finds an organisation by its BIN', async () => {
    const school = {
      kind: 'organisation',
      name: '«Қарабас орта мектебі» КММ',
      bin: BIN,
      phone: null,
      address: null,
    } as const
    const earlier = await create({ receivedAt: '2026-01-15T10:00', applicant: school })
    expect(numbers(await candidates({ applicant: { ...school, name: 'Қарабас мектебі' } }))).toEqual([
      earlier.regNumber,
    ])
  })

  it('finds nothing for an anonymous applicant', async () => {
    await create({ receivedAt: '2026-01-15T10:00', applicant: { kind: 'anonymous' } })
    expect(await candidates({ applicant: { kind: 'anonymous' } })).toEqual([])
  })
})

describe('registering a repeated appeal', () => {
  it('marks it repeated and names the earlier appeal', async () => {
    const earlier = await create({ receivedAt: '2025-05-12T10:00' })
    const again = await create({ receivedAt: '2026-04-14T10:00', repeatedOfId: earlier.id })
    expect(again).toMatchObject({ repeated: true, repeatedOfId: earlier.id, repeatedOfNumber: '2025-000001' })
    expect(earlier.repeated).toBe(false)
    const listed = await desk.ok('appeals.list', {})
    expect(listed.rows.find((r) => r.id === again.id)!.repeated).toBe(true)
  })

  it('refuses an unknown earlier appeal', async () => {
    const error = await desk.fail('appeals.create', appealInput(housing, { repeatedOfId: 4242 }))
    expect(error.issues).toEqual([{ path: ['repeatedOfId'], messageKey: 'validation.unknownReference' }])
    expect(await desk.count('appeals')).toBe(0)
  })
})

describe('appeals.findApplicants', () => {
  beforeEach(async () => {
    await create({ receivedAt: '2025-05-12T10:00', localityId: karabas }) // Нұрлан, by IIN
    await create({ receivedAt: '2026-03-16T10:00', localityId: koktobe, sectorId: land }) // Нұрлан again, elsewhere
    await create({ receivedAt: '2026-02-10T10:00', localityId: karabas, applicant: kairat() })
    await create({ receivedAt: '2026-03-17T10:00', localityId: karabas, applicant: kairat() })
    await create({ receivedAt: '2026-03-18T10:00', localityId: koktobe, applicant: kairat() }) // a namesake in another okrug
    await create({ receivedAt: '2026-03-19T10:00', applicant: aigul })
    // someone else, whose summary names Жұмабеков street
    await create({
      receivedAt: '2026-03-20T10:00',
      applicant: person({ surname: 'Сейітов', firstName: 'Бақыт', patronymic: null, iin: IIN.other }),
      summary: 'Жұмабеков көшесінде жарық жоқ',
    })
  })

  it('finds a person by IIN prefix, with all their appeals grouped, newest first', async () => {
    const found = await desk.ok('appeals.findApplicants', { query: IIN.nurlan.slice(0, 6) })
    expect(found).toHaveLength(1)
    expect(found[0]!.applicant).toMatchObject({
      kind: 'individual',
      surname: 'Жұмабеков',
      firstName: 'Нұрлан',
      iin: '900515•••••4', // masked, as every look-up shows it
    })
    expect(found[0]!.appealsCount).toBe(2)
    expect(found[0]!.latest.map((a) => a.receivedAt)).toEqual(['2026-03-16T10:00', '2025-05-12T10:00'])
  })

  it('finds people by a surname typed without Kazakh letters, one group per person', async () => {
    const found = await desk.ok('appeals.findApplicants', { query: 'Жумабеков' })
    const groups = found.map((g) => ({
      name: g.applicant.kind === 'individual' ? `${g.applicant.surname} ${g.applicant.firstName}` : null,
      localityId: g.localityId,
      count: g.appealsCount,
    }))
    // Нұрлан is one person wherever he came from (same IIN); Қайрат without an IIN is one person
    // per locality; Айгүл's surname starts with the query; Сейітов only has the street in his text.
    expect(groups).toHaveLength(4)
    expect(groups).toEqual(
      expect.arrayContaining([
        { name: 'Жұмабеков Нұрлан', localityId: expect.any(Number), count: 2 },
        { name: 'Жұмабеков Қайрат', localityId: karabas, count: 2 },
        { name: 'Жұмабеков Қайрат', localityId: koktobe, count: 1 },
        { name: 'Жұмабекова Айгүл', localityId: null, count: 1 },
      ]),
    )
  })

  it('finds a first name typed without Kazakh letters', async () => {
    const found = await desk.ok('appeals.findApplicants', { query: 'Кайрат' })
    expect(found.map((g) => [g.localityId, g.appealsCount])).toEqual(
      expect.arrayContaining([
        [karabas, 2],
        [koktobe, 1],
      ]),
    )
    expect(found).toHaveLength(2)
  })
})
