import { beforeEach, describe, expect, it } from 'vitest'
import type { FieldIssue } from '@shared/api/errors'
import {
  appealInput,
  BIN,
  IIN,
  openDesk,
  person,
  withCheckDigit,
  wrongCheckDigit,
  type Desk,
  type NewAppeal,
} from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Bad registrations through appeals.create: each is refused with a field-level error and a
 * message key, and nothing is written (no appeal, no audit entry, no number taken). The office
 * clock stands at Monday 20 April 2026, 10:00.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

/**
 * IINs with one fault each, their check digit valid (worked out by hand, checked below):
 * born 2026-06-01 (digit 7 = 5: the 2000s): 2+12+0+24+0+6+35+0+9+20+33 = 141, mod 11 = 9.
 *   A future birth date for an office whose clock says 20 April 2026.
 * born 2099-12-31: 9+18+3+8+15+6+35+0+9+20+33 = 156, mod 11 = 2.
 * "born" 1990-13-15 (month 13): first pass 142 mod 11 = 10; second pass
 *   27+0+5+18+7+40+27+0+11+2+6 = 143, mod 11 = 0.
 */
const BORN_AFTER_TODAY = '260601501239'
const BORN_IN_2099 = '991231501232'
const MONTH_13 = '901315301230'

let desk: Desk
let housing: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
})

const written = async () => ({
  appeals: await desk.count('appeals'),
  audit: await desk.count('audit_entries'),
  counters: await desk.count('appeal_counters'),
})

/** Registers `input`, expects exactly `issues`, and that nothing was written. */
async function refused(input: unknown, issues: FieldIssue[]): Promise<void> {
  const before = await written()
  const error = await desk.fail('appeals.create', input)
  expect(error.code).toBe('validation')
  expect(error.messageKey).toBe('errors.validation')
  expect(error.issues).toEqual(issues)
  expect(await written()).toEqual(before)
}

const withIin = (iin: string): NewAppeal => appealInput(housing, { applicant: person({ iin }) })

it('the faulty IINs used here fail only by the fault named', () => {
  expect(withCheckDigit('26060150123')).toBe(BORN_AFTER_TODAY)
  expect(withCheckDigit('99123150123')).toBe(BORN_IN_2099)
  expect(withCheckDigit('90131530123')).toBe(MONTH_13)
})

describe('the applicant', () => {
  it('a wrong IIN check digit', async () => {
    await refused(withIin(wrongCheckDigit(IIN.nurlan)), [
      { path: ['applicant', 'iin'], messageKey: 'validation.iin.checksum' },
    ])
  })

  it('an impossible birth date in the IIN (month 13)', async () => {
    await refused(withIin(MONTH_13), [{ path: ['applicant', 'iin'], messageKey: 'validation.iin.birthDate' }])
  })

  it('an IIN of 11 digits', async () => {
    await refused(withIin(IIN.nurlan.slice(0, 11)), [
      { path: ['applicant', 'iin'], messageKey: 'validation.iin.format' },
    ])
  })

  it('a birth date after today on the office clock', async () => {
    await refused(withIin(BORN_AFTER_TODAY), [
      { path: ['applicant', 'iin'], messageKey: 'validation.iin.futureBirthDate' },
    ])
  })

  it('a birth date at the end of the century', async () => {
    await refused(withIin(BORN_IN_2099), [{ path: ['applicant', 'iin'], messageKey: 'validation.iin.futureBirthDate' }])
  })

  it('a wrong BIN check digit', async () => {
    const organisation = { kind: 'organisation', name: '«Қарабас-Агро» ЖШС', bin: wrongCheckDigit(BIN) } as const
    await refused(appealInput(housing, { applicant: organisation }), [
      { path: ['applicant', 'bin'], messageKey: 'validation.bin.checksum' },
    ])
  })

  it('a missing surname', async () => {
    await refused(appealInput(housing, { applicant: person({ surname: '  ' }) }), [
      { path: ['applicant', 'surname'], messageKey: 'validation.required', params: { min: 1 } },
    ])
  })

  it('accepts an IIN typed with spaces, and no IIN at all', async () => {
    const spaced = await desk.ok('appeals.create', withIin('900515 301234'))
    const stored = await desk.ok('appeals.revealPersonalData', { id: spaced.id })
    expect(stored.applicant).toMatchObject({ iin: IIN.nurlan })
    const none = await desk.ok('appeals.create', withIin(''))
    expect(none.applicant).toMatchObject({ iin: null })
  })
})

describe('the content', () => {
  it('a missing summary', async () => {
    const { summary: _summary, ...noSummary } = appealInput(housing)
    await refused(noSummary, [{ path: ['summary'], messageKey: 'validation.required' }])
  })

  it('a summary of spaces only', async () => {
    await refused(appealInput(housing, { summary: '   ' }), [
      { path: ['summary'], messageKey: 'validation.required', params: { min: 1 } },
    ])
  })

  it('a collective appeal with 1 signatory', async () => {
    await refused(appealInput(housing, { collective: true, signatories: 1 }), [
      { path: ['signatories'], messageKey: 'validation.signatoriesMin' },
    ])
  })

  it('a collective appeal without a count of signatories', async () => {
    await refused(appealInput(housing, { collective: true }), [
      { path: ['signatories'], messageKey: 'validation.signatoriesMin' },
    ])
  })

  it('accepts a collective appeal with 2 signatories', async () => {
    const appeal = await desk.ok('appeals.create', appealInput(housing, { collective: true, signatories: 2 }))
    expect(appeal).toMatchObject({ collective: true, signatories: 2 })
  })

  it('an impossible received date', async () => {
    await refused(appealInput(housing, { receivedAt: '2026-02-30T10:00' }), [
      { path: ['receivedAt'], messageKey: 'validation.invalidDateTime' },
    ])
  })
})

describe('the references', () => {
  it('an unknown sector', async () => {
    await refused(appealInput(31337), [{ path: ['sectorId'], messageKey: 'validation.unknownReference' }])
  })

  it('a deactivated sector', async () => {
    const land = (await desk.ok('sectors.list', {})).find((s) => s.code === 'land')!
    await desk.ok('sectors.update', {
      id: land.id,
      nameKk: land.nameKk,
      nameRu: land.nameRu,
      nameEn: land.nameEn,
      active: false,
    })
    await refused(appealInput(land.id), [{ path: ['sectorId'], messageKey: 'validation.inactiveReference' }])
  })

  it('a deactivated executor', async () => {
    const executor = await desk.ok('staff.create', { fullName: 'Бекжанов Ержан', position: 'Маман' })
    await desk.ok('staff.update', {
      id: executor.id,
      fullName: executor.fullName,
      position: executor.position,
      active: false,
    })
    await refused(appealInput(housing, { executorId: executor.id }), [
      { path: ['executorId'], messageKey: 'validation.inactiveReference' },
    ])
  })

  it('an unknown executor and an unknown locality, both reported', async () => {
    await refused(appealInput(housing, { executorId: 404, localityId: 405 }), [
      { path: ['executorId'], messageKey: 'validation.unknownReference' },
      { path: ['localityId'], messageKey: 'validation.unknownReference' },
    ])
  })
})

describe('editing with bad input', () => {
  it('is refused the same way, leaving the row as it was', async () => {
    const appeal = await desk.ok('appeals.create', appealInput(housing))
    const row = async () => (await desk.sql('SELECT * FROM appeals WHERE id = ?', [appeal.id]))[0]
    const before = { row: await row(), written: await written() }
    const error = await desk.fail('appeals.update', {
      id: appeal.id,
      channel: 'reception',
      appealType: 'application',
      sectorId: housing,
      applicant: person({ iin: wrongCheckDigit(IIN.nurlan) }),
      collective: true,
      signatories: 1,
      summary: 'Жаңа мазмұн',
    })
    expect(error.issues).toEqual([
      { path: ['applicant', 'iin'], messageKey: 'validation.iin.checksum' },
      { path: ['signatories'], messageKey: 'validation.signatoriesMin' },
    ])
    expect({ row: await row(), written: await written() }).toEqual(before)
  })
})
