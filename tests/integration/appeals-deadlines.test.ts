import { describe, expect, it } from 'vitest'
import { appealInput, IIN, openDesk, person, wrongCheckDigit } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Registration through appeals.create: the registration date (same day, or the next working
 * day after hours and on days off), the 15-working-day deadline over the shipped Kazakhstan
 * calendar (resources/calendar/kz-YYYY.json), and the per-year registration numbers.
 * The office clock stands at Monday 20 April 2026, 10:00.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe('registration date and review deadline over real holidays', () => {
  it('crosses Nauryz 2026: received Monday 16 March 10:00 -> registered that day, due 9 April', async () => {
    const desk = await openDesk(cleanup, NOW)
    const appeal = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2026-03-16T10:00' }),
    )
    // 15 working days after 16 March: 17, 18, 19, 20 March (4); 21-25 March are off (Nauryz
    // 21-23, carried-over days off 24-25); 26, 27, 30, 31 March, 1, 2, 3, 6, 7, 8, 9 April (15).
    expect(appeal).toMatchObject({
      receivedAt: '2026-03-16T10:00',
      registeredOn: '2026-03-16',
      dueOn: '2026-04-09',
      reviewDueOn: '2026-04-09',
      // two months: Saturday 16 May, so Monday 18 May
      maxExtendedDueOn: '2026-05-18',
      status: 'registered',
      extension: null,
    })
  })

  it('crosses the New Year: received Monday 22 December 2025 -> due 15 January 2026', async () => {
    const desk = await openDesk(cleanup, NOW)
    const appeal = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2025-12-22T11:30' }),
    )
    // 23, 24, 25, 26, 29, 30, 31 December (7); 1-2 January are holidays; 5, 6 January (9);
    // 7 January (Orthodox Christmas) is a holiday; 8, 9, 12, 13, 14, 15 January (15).
    expect(appeal).toMatchObject({ registeredOn: '2025-12-22', dueOn: '2026-01-15', regNumber: '2025-000001' })
  })

  it('received on Saturday 11 April 2026 -> registered Monday 13 April, due 5 May', async () => {
    const desk = await openDesk(cleanup, NOW)
    const appeal = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('land'), { receivedAt: '2026-04-11T09:15' }),
    )
    // 14-17, 20-24, 27-30 April (13); 1 May is a holiday; 4, 5 May (15).
    expect(appeal).toMatchObject({ receivedAt: '2026-04-11T09:15', registeredOn: '2026-04-13', dueOn: '2026-05-05' })
  })

  it('received on a working day at 19:00 (after hours) -> registered the next working day', async () => {
    const desk = await openDesk(cleanup, NOW)
    const sectorId = await desk.sector('social')
    const tuesdayEvening = await desk.ok('appeals.create', appealInput(sectorId, { receivedAt: '2026-04-14T19:00' }))
    // Registered Wednesday 15 April; 16, 17, 20-24, 27-30 April (11); 1 May holiday; 4, 5, 6 May
    // (14); 7 May (Defender of the Fatherland Day) holiday; 8 May (15).
    expect(tuesdayEvening).toMatchObject({ registeredOn: '2026-04-15', dueOn: '2026-05-08' })

    const beforeNauryz = await desk.ok('appeals.create', appealInput(sectorId, { receivedAt: '2026-03-20T19:00' }))
    // Friday evening before Nauryz: 21-25 March are all off, so the next working day is Thursday
    // 26 March; then 27, 30, 31 March, 1-3, 6-10, 13-16 April -> the 15th is 16 April.
    expect(beforeNauryz).toMatchObject({ registeredOn: '2026-03-26', dueOn: '2026-04-16' })

    const sameDayBeforeClosing = await desk.ok(
      'appeals.create',
      appealInput(sectorId, { receivedAt: '2026-03-20T18:29' }),
    )
    // Within hours: registered Friday 20 March; 26, 27, 30, 31 March, 1-3, 6-10, 13-15 April (15).
    expect(sameDayBeforeClosing).toMatchObject({ registeredOn: '2026-03-20', dueOn: '2026-04-15' })
  })

  it('accepts an appeal received at this very minute', async () => {
    const desk = await openDesk(cleanup, NOW)
    const appeal = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2026-04-20T10:00' }),
    )
    expect(appeal.registeredOn).toBe('2026-04-20')
  })

  it('refuses an appeal received later than now on the office clock (one minute ahead), writing nothing', async () => {
    const desk = await openDesk(cleanup, NOW)
    const before = { appeals: await desk.count('appeals'), audit: await desk.count('audit_entries') }
    const error = await desk.fail(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2026-04-20T10:01' }),
    )
    expect(error.code).toBe('validation')
    expect(error.issues).toEqual([{ path: ['receivedAt'], messageKey: 'validation.receivedInFuture' }])
    expect({ appeals: await desk.count('appeals'), audit: await desk.count('audit_entries') }).toEqual(before)
  })

  it('refuses an appeal received next week on the office clock', async () => {
    const desk = await openDesk(cleanup, NOW)
    const error = await desk.fail(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2026-04-27T09:00' }),
    )
    expect(error.issues).toEqual([{ path: ['receivedAt'], messageKey: 'validation.receivedInFuture' }])
    expect(await desk.count('appeals')).toBe(0)
  })

  it('refuses an appeal received decades ahead', async () => {
    const desk = await openDesk(cleanup, NOW)
    const error = await desk.fail(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2099-01-05T09:00' }),
    )
    expect(error.issues).toEqual([{ path: ['receivedAt'], messageKey: 'validation.receivedInFuture' }])
  })
})

describe('registration numbers', () => {
  it('run per year as YYYY-NNNNNN: 2026-000001, 2026-000002, …', async () => {
    const desk = await openDesk(cleanup, NOW)
    const sectorId = await desk.sector('housing')
    const numbers: string[] = []
    for (const receivedAt of ['2026-03-16T10:00', '2026-03-17T11:00', '2026-04-01T15:45']) {
      numbers.push((await desk.ok('appeals.create', appealInput(sectorId, { receivedAt }))).regNumber)
    }
    expect(numbers).toEqual(['2026-000001', '2026-000002', '2026-000003'])
  })

  it('keeps 2025 and 2026 sequences independent, numbered by the registration year', async () => {
    const desk = await openDesk(cleanup, NOW)
    const sectorId = await desk.sector('housing')
    const register = async (receivedAt: string) => desk.ok('appeals.create', appealInput(sectorId, { receivedAt }))

    expect((await register('2026-03-16T10:00')).regNumber).toBe('2026-000001')
    expect((await register('2025-12-22T10:00')).regNumber).toBe('2025-000001')
    expect((await register('2026-03-17T10:00')).regNumber).toBe('2026-000002')
    expect((await register('2025-12-23T10:00')).regNumber).toBe('2025-000002')
    // Received on New Year's Eve after hours: 1-2 January are holidays and 3-4 January a
    // weekend, so it is registered on Monday 5 January 2026 and numbered in 2026.
    const newYearsEve = await register('2025-12-31T19:00')
    expect(newYearsEve).toMatchObject({ registeredOn: '2026-01-05', regNumber: '2026-000003' })

    expect(await desk.sql('SELECT year, last_number FROM appeal_counters ORDER BY year')).toEqual([
      { year: 2025, last_number: 2 },
      { year: 2026, last_number: 3 },
    ])
  })

  it('a failed registration consumes no number', async () => {
    const desk = await openDesk(cleanup, NOW)
    const housing = await desk.sector('housing')
    expect((await desk.ok('appeals.create', appealInput(housing))).regNumber).toBe('2026-000001')

    // bad input (refused by the schema), an unknown sector and a deactivated sector (refused by
    // the service inside the transaction): none of them may take 2026-000002
    await desk.fail('appeals.create', appealInput(housing, { applicant: person({ iin: wrongCheckDigit(IIN.nurlan) }) }))
    await desk.fail('appeals.create', appealInput(housing, { summary: '   ' }))
    const unknown = await desk.fail('appeals.create', appealInput(9999))
    expect(unknown.issues).toEqual([{ path: ['sectorId'], messageKey: 'validation.unknownReference' }])
    const land = (await desk.ok('sectors.list', {})).find((s) => s.code === 'land')!
    await desk.ok('sectors.update', {
      id: land.id,
      nameKk: land.nameKk,
      nameRu: land.nameRu,
      nameEn: land.nameEn,
      active: false,
    })
    const inactive = await desk.fail('appeals.create', appealInput(land.id))
    expect(inactive.issues).toEqual([{ path: ['sectorId'], messageKey: 'validation.inactiveReference' }])

    expect((await desk.ok('appeals.create', appealInput(housing))).regNumber).toBe('2026-000002')
    expect(await desk.count('appeals')).toBe(2)
  })

  it('a failed first registration of a year leaves no counter for that year', async () => {
    const desk = await openDesk(cleanup, NOW)
    await desk.fail('appeals.create', appealInput(9999, { receivedAt: '2025-12-22T10:00' }))
    expect(await desk.count('appeal_counters')).toBe(0)
    const first2025 = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2025-12-22T10:00' }),
    )
    expect(first2025.regNumber).toBe('2025-000001')
  })
})
