import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, ApiOutput, Appeal } from '@shared/api/contract'
import type { ApiError } from '@shared/api/errors'
import type { ApiMethod } from '@shared/api/methods'
import type { Role } from '@shared/auth/roles'
import type { CallContext } from '../../src/main/services/context'
import { appealInput, BIN, editInput, IIN, meetingInput, openDesk, person, type Desk } from '../helpers/appeals'
import { userContext } from '../helpers/context'
import { useCleanup } from '../helpers/cleanup'
import { PDF_TIMEOUT } from '../helpers/reportFiles'
import { pdfText } from '../helpers/pdf'

/**
 * Personal data (IIN/BIN, phone, address) in every output, for every role: press and viewer
 * never see it in full, nor search by it; administrator, head and clerk see it masked in lists,
 * look-ups and on the card, and in full through a reveal that the history records. Calls are
 * made as a door makes them after sign-in, with the user in the context. The office clock
 * stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

const PHONE = '+7 701 123 4567'
const ADDRESS = 'Қарабас ауылы, Бейбітшілік көшесі 4, 12 пәтер'
const ORG_PHONE = '8 (72137) 5-12-89'
const ORG_ADDRESS = 'Қарабас, Орталық 1'

/** What no masked output may contain: each value in full, and the parts a mask hides. */
const FULL_VALUES = [
  IIN.nurlan,
  '301234',
  BIN,
  '001234',
  PHONE,
  '1234567',
  'Бейбітшілік',
  ORG_PHONE,
  '51289',
  'Орталық',
]

const MASKED = ['press', 'viewer'] as const satisfies Role[]
const PERMITTED = ['clerk', 'head', 'administrator'] as const satisfies Role[]
/** Roles that register appeals: the applicant look-ups and the receipt serve the registration form. */
const REGISTERING = ['clerk', 'administrator'] as const satisfies Role[]
/** Roles the permission table keeps away from those look-ups altogether. */
const NOT_REGISTERING = ['press', 'viewer', 'head'] as const satisfies Role[]
const FULL_NAMES: Record<Role, string> = {
  administrator: 'Әкімшілік Асан',
  head: 'Басшы Бауыржан',
  clerk: 'Кеңсе Гүлнар',
  press: 'Баспасөз Дана',
  viewer: 'Көруші Ерлан',
}

let desk: Desk
let housing: number
let nurlan: Appeal
let organisation: Appeal

/** A call as a door makes it once this role's user has signed in. */
function as(role: Role) {
  const ctx: CallContext = userContext(role, { id: 10, fullName: FULL_NAMES[role] })
  const call = (method: string, input: unknown) => desk.core.dispatch(method, input, ctx)
  return {
    async ok<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const result = await call(method, input)
      if (!result.ok) throw new Error(`${method} as ${role} failed: ${JSON.stringify(result.error)}`)
      return result.data as ApiOutput<M>
    },
    async fail(method: ApiMethod, input: unknown): Promise<ApiError> {
      const result = await call(method, input)
      if (result.ok) throw new Error(`${method} as ${role} should have failed: ${JSON.stringify(result.data)}`)
      return result.error
    },
  }
}

/** The full values found in an output (its JSON, or a file's text). */
function leaked(output: unknown): string[] {
  const text = typeof output === 'string' ? output : JSON.stringify(output)
  return FULL_VALUES.filter((value) => text.includes(value))
}

const SEARCH_REFUSED = {
  code: 'forbidden',
  messageKey: 'personalData.errors.forbidden',
  issues: [{ path: ['query'], messageKey: 'personalData.search.idNumber' }],
}

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
  nurlan = await desk.ok(
    'appeals.create',
    appealInput(housing, {
      receivedAt: '2026-04-06T10:00',
      applicant: person({ phone: '+7 701 000 0011', address: ADDRESS }),
    }),
  )
  // an earlier phone in the history, changed by an edit
  nurlan = await desk.ok(
    'appeals.update',
    await editInput(desk, nurlan, { applicant: person({ phone: PHONE, address: ADDRESS }) }),
  )
  organisation = await desk.ok(
    'appeals.create',
    appealInput(housing, {
      receivedAt: '2026-04-07T11:00',
      applicant: { kind: 'organisation', name: '«Қарабас-Агро» ЖШС', bin: BIN, phone: ORG_PHONE, address: ORG_ADDRESS },
      summary: 'Жайылымға жол салу туралы',
    }),
  )
})

describe('the appeal card (appeals.get)', () => {
  it.each([...MASKED, ...PERMITTED])(
    'is masked for %s: IIN as 900515•••••4, phone by its last two digits, address by its settlement',
    async (role) => {
      const card = await as(role).ok('appeals.get', { id: nurlan.id })
      expect(card.applicant).toEqual({
        kind: 'individual',
        surname: 'Жұмабеков',
        firstName: 'Нұрлан',
        patronymic: 'Серікұлы',
        iin: '900515•••••4',
        phone: '•••••••••67',
        address: 'Қарабас •••',
      })
      const org = await as(role).ok('appeals.get', { id: organisation.id })
      expect(org.applicant).toEqual({
        kind: 'organisation',
        name: '«Қарабас-Агро» ЖШС',
        bin: '051240•••••4',
        phone: '•••••••••89',
        address: 'Қарабас •••',
      })
      // the history's earlier and later phone are masked like the card's
      expect(card.history.find((h) => h.field === 'applicantPhone')).toMatchObject({
        oldValue: '"•••••••••11"',
        newValue: '"•••••••••67"',
      })
      expect(leaked(card)).toEqual([])
      expect(leaked(org)).toEqual([])
    },
  )

  it.each(MASKED)('tells %s the values are masked and cannot be revealed', async (role) => {
    expect((await as(role).ok('appeals.get', { id: nurlan.id })).personalData).toEqual({
      masked: true,
      mayReveal: false,
    })
  })

  it.each(PERMITTED)('tells %s the values are masked and may be revealed', async (role) => {
    expect((await as(role).ok('appeals.get', { id: nurlan.id })).personalData).toEqual({
      masked: true,
      mayReveal: true,
    })
  })

  it('has nothing to reveal for an anonymous appeal', async () => {
    const anonymous = await desk.ok('appeals.create', appealInput(housing, { applicant: { kind: 'anonymous' } }))
    expect((await as('clerk').ok('appeals.get', { id: anonymous.id })).personalData).toEqual({
      masked: false,
      mayReveal: false,
    })
  })

  it('is masked in what a write returns too (create, update, transition)', async () => {
    const clerk = as('clerk')
    const created = await clerk.ok(
      'appeals.create',
      appealInput(housing, { applicant: person({ phone: PHONE, address: ADDRESS }) }),
    )
    expect(leaked(created)).toEqual([])
    expect(
      leaked(await clerk.ok('appeals.update', await editInput(desk, created, { summary: 'Жаңа мазмұн' }))),
    ).toEqual([])
    expect(leaked(await clerk.ok('appeals.transition', { id: created.id, to: 'in_progress' }))).toEqual([])
  })
})

describe('the reveal (appeals.revealPersonalData)', () => {
  it.each(PERMITTED)('gives %s the values in full and records who saw whose, when', async (role) => {
    const before = await desk.count('audit_entries')
    const revealed = await as(role).ok('appeals.revealPersonalData', { id: nurlan.id })
    expect(revealed).toEqual({ id: nurlan.id, applicant: person({ phone: PHONE, address: ADDRESS }) })
    expect(await desk.count('audit_entries')).toBe(before + 1)
    const [entry] = await desk.sql<Record<string, string | null>>(
      'SELECT operator, entity, entity_id, action, field, old_value, new_value, at FROM audit_entries ORDER BY id DESC LIMIT 1',
    )
    expect(entry).toMatchObject({
      operator: FULL_NAMES[role],
      entity: 'appeal',
      entity_id: String(nurlan.id),
      action: 'reveal',
      field: null,
      old_value: null,
      new_value: JSON.stringify(['applicantIdNumber', 'applicantPhone', 'applicantAddress']),
    })
    expect(Date.parse(entry!.at!)).not.toBeNaN()
    // the entry shows on the card's history, naming the fields shown, never their values
    const card = await as(role).ok('appeals.get', { id: nurlan.id })
    expect(card.history.at(-1)).toMatchObject({ action: 'reveal', operator: FULL_NAMES[role] })
  })

  it.each(MASKED)('is refused to %s, and only the refusal is recorded', async (role) => {
    const before = await desk.count('audit_entries')
    // the dispatcher refuses it before the service is reached (methodPermissions.ts)
    expect(await as(role).fail('appeals.revealPersonalData', { id: nurlan.id })).toEqual({
      code: 'forbidden',
      messageKey: 'errors.forbidden',
      issues: [],
    })
    expect(await desk.count('audit_entries')).toBe(before + 1)
    const [entry] = await desk.sql<{ action: string; new_value: string | null }>(
      'SELECT action, new_value FROM audit_entries ORDER BY id DESC LIMIT 1',
    )
    expect(entry!.action).toBe('forbidden')
  })

  it('names only the fields the applicant has', async () => {
    const noPhone = await desk.ok(
      'appeals.create',
      appealInput(housing, { applicant: person({ phone: null, address: null }) }),
    )
    await as('head').ok('appeals.revealPersonalData', { id: noPhone.id })
    const [entry] = await desk.sql<{ new_value: string }>(
      'SELECT new_value FROM audit_entries ORDER BY id DESC LIMIT 1',
    )
    expect(entry!.new_value).toBe('["applicantIdNumber"]')
  })
})

describe('a masked value sent back', () => {
  it('is refused on every field, so a masked card saved as it is cannot overwrite the real values', async () => {
    const card = await as('clerk').ok('appeals.get', { id: nurlan.id })
    const input = await editInput(desk, card, { applicant: card.applicant })
    expect(await as('clerk').fail('appeals.update', input)).toMatchObject({
      code: 'validation',
      issues: [
        { path: ['applicant', 'iin'], messageKey: 'validation.maskedValue' },
        { path: ['applicant', 'phone'], messageKey: 'validation.maskedValue' },
        { path: ['applicant', 'address'], messageKey: 'validation.maskedValue' },
      ],
    })
  })
})

describe('lists and look-ups', () => {
  it.each([...MASKED, ...PERMITTED])(
    'the list, a meeting and the dashboard hold no personal data for %s',
    async (role) => {
      const meeting = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-09' }))
      await desk.ok('meetings.addQuestions', {
        meetingId: meeting.id,
        questions: [{ sectorId: housing, summary: 'Көше жарығы', applicantName: 'Жұмабеков Нұрлан' }],
      })
      const user = as(role)
      const page = await user.ok('appeals.list', {})
      expect(page.total).toBe(3)
      expect(leaked(page)).toEqual([])
      expect(leaked(await user.ok('appeals.list', { query: 'Жұмабеков' }))).toEqual([])
      expect(leaked(await user.ok('meetings.get', { id: meeting.id }))).toEqual([])
      expect(leaked(await user.ok('dashboard.summary', { year: 2026 }))).toEqual([])
    },
  )

  it.each(NOT_REGISTERING)('%s may not use the look-ups of the registration form at all', async (role) => {
    const forbidden = { code: 'forbidden', messageKey: 'errors.forbidden', issues: [] }
    for (const query of ['Жұмабеков', IIN.nurlan, '9005'])
      expect(await as(role).fail('appeals.findApplicants', { query })).toEqual(forbidden)
    const input = { applicant: person(), sectorId: housing, localityId: null }
    expect(await as(role).fail('appeals.repeatCandidates', input)).toEqual(forbidden)
  })

  it.each(REGISTERING)('the applicant look-up by name shows %s the applicant masked', async (role) => {
    const found = await as(role).ok('appeals.findApplicants', { query: 'Жұмабеков' })
    expect(found).toHaveLength(1)
    expect(found[0]!.applicant).toMatchObject({ iin: '900515•••••4', phone: '•••••••••67', address: 'Қарабас •••' })
    expect(leaked(found)).toEqual([])
  })

  it.each(REGISTERING)('%s may look an applicant up by IIN digits, and sees the IIN masked', async (role) => {
    for (const query of [IIN.nurlan, IIN.nurlan.slice(0, 6)]) {
      const found = await as(role).ok('appeals.findApplicants', { query })
      expect(found.map((f) => f.latest[0]!.id)).toEqual([nurlan.id])
      expect(leaked(found)).toEqual([])
    }
  })

  it.each(MASKED)(
    '%s may not search the list by a full IIN/BIN; a number or a word with digits still works',
    async (role) => {
      for (const query of [IIN.nurlan, `Жұмабеков ${IIN.nurlan}`, '900515 301234'])
        expect(await as(role).fail('appeals.list', { query })).toEqual(SEARCH_REFUSED)
      expect((await as(role).ok('appeals.list', { query: nurlan.regNumber })).total).toBe(1)
      expect((await as(role).ok('appeals.list', { query: '9005' })).total).toBe(0)
    },
  )

  it.each(PERMITTED)(
    '%s may search the list by a full IIN/BIN, which finds the applicant by the number',
    async (role) => {
      for (const query of [IIN.nurlan, '900515 301234', BIN]) {
        const page = await as(role).ok('appeals.list', { query })
        expect(page.rows.map((a) => a.id)).toEqual([query === BIN ? organisation.id : nurlan.id])
        expect(leaked(page)).toEqual([])
      }
    },
  )

  it.each(REGISTERING)(
    'repeated-appeal suggestions match on the IIN %s gives, and hold no personal data',
    async (role) => {
      const stranger = person({ surname: 'Басқа', firstName: 'Адам', patronymic: null })
      const found = await as(role).ok('appeals.repeatCandidates', {
        applicant: stranger,
        sectorId: housing,
        localityId: null,
      })
      expect(found.map((a) => a.id)).toEqual([nurlan.id])
      expect(leaked(found)).toEqual([])
    },
  )
})

describe('files', () => {
  const REGISTER = { kind: 'register' as const, from: '2026-04-01', to: '2026-04-30', localityId: null }

  async function exported(role: Role, format: 'xlsx' | 'pdf'): Promise<Buffer> {
    const out = await as(role).ok('reports.export', { lang: 'kk', params: REGISTER, format })
    return Buffer.from(out.base64, 'base64')
  }

  async function sheetText(bytes: Buffer): Promise<string> {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const cells: string[] = []
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))))
    return cells.join('\n')
  }

  it.each([...MASKED, ...PERMITTED])(
    'the register (model and xlsx) names the applicants, with no IIN, phone or address, for %s',
    async (role) => {
      const model = await as(role).ok('reports.build', { lang: 'kk', params: REGISTER })
      expect(JSON.stringify(model)).toContain('Жұмабеков Нұрлан Серікұлы')
      expect(leaked(model)).toEqual([])
      const text = await sheetText(await exported(role, 'xlsx'))
      expect(text).toContain('Жұмабеков Нұрлан Серікұлы')
      expect(text).toContain('«Қарабас-Агро» ЖШС')
      expect(leaked(text)).toEqual([])
    },
  )

  it.each(['press', 'clerk'] as const)(
    'the register as PDF and the receipt name the applicant, with no IIN, phone or address, for %s',
    async (role) => {
      const register = (await pdfText(await exported(role, 'pdf'))).replace(/\s+/g, ' ')
      expect(register).toContain('Жұмабеков')
      expect(leaked(register)).toEqual([])
      // the receipt is printed by whoever registers appeals (a press officer's comes from a clerk)
      const receipt = await as(role === 'press' ? 'clerk' : role).ok('appeals.receipt', {
        id: organisation.id,
        lang: 'kk',
      })
      const text = (await pdfText(Buffer.from(receipt.base64, 'base64'))).replace(/\s+/g, ' ')
      expect(text).toContain('«Қарабас-Агро» ЖШС')
      expect(leaked(text)).toEqual([])
    },
    PDF_TIMEOUT * 2,
  )

  it('an okrug package and its conflicts (personal data in full, for the district) are refused to a role that may not see it', async () => {
    await desk.ok('office.update', {
      nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
      nameRu: 'Аппарат акима Карабасского сельского округа',
      district: 'Бұқар жырау ауданы',
      region: 'Қарағанды облысы',
    })
    for (const role of MASKED) {
      expect(await as(role).fail('consolidation.exportPackage', {})).toMatchObject({ code: 'forbidden' })
      expect(await as(role).fail('consolidation.conflicts', {})).toMatchObject({ code: 'forbidden' })
      expect(await as(role).fail('consolidation.resolve', { id: 1, keep: 'local' })).toMatchObject({
        code: 'forbidden',
      })
    }
    const admin = await as('administrator').ok('consolidation.exportPackage', {})
    expect(admin.counts.appeals).toBe(2)
  })
})
