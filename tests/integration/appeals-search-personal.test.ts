import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, Appeal } from '@shared/api/contract'
import type { Role } from '@shared/auth/roles'
import { appealInput, BIN, editInput, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { ENGINES } from '../helpers/engines'

/**
 * The list's search finds what clerks look people up by: a full or partial IIN/BIN, a phone
 * number however it is typed, an address fragment, and a registration number in full or by
 * its count alone; the personal data only for roles that may see it (the others find nothing
 * by it, counts included). The same rows on both engines.
 *
 *        applicant                    IIN/BIN          phone               address
 *   N    Жұмабеков Нұрлан             900515301234     +7 701 123 45 67    Қарабас ауылы, Абай көшесі, 12
 *   A    Жұмабекова Айгүл             851203401116     8 (777) 555-0011    Ақсу ауылы, Төле би көшесі, 5
 *   O    «Жастар» бірлестігі (BIN)    051240001234     87011119988         Қарабас ауылы, Бейбітшілік көшесі
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let N: Appeal, A: Appeal, O: Appeal

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    const housing = await desk.sector('housing')
    const create = (over: Partial<ApiInput<'appeals.create'>>) => desk.ok('appeals.create', appealInput(housing, over))
    N = await create({
      receivedAt: '2026-04-01T10:00',
      applicant: person({ phone: '+7 701 123 45 67', address: 'Қарабас ауылы, Абай көшесі, 12' }),
      summary: 'Су құбыры жарылған',
    })
    A = await create({
      receivedAt: '2026-04-02T10:00',
      externalNumber: 'ӨТ-2026-00012',
      applicant: person({
        surname: 'Жұмабекова',
        firstName: 'Айгүл',
        patronymic: null,
        iin: IIN.aigul,
        phone: '8 (777) 555-0011',
        address: 'Ақсу ауылы, Төле би көшесі, 5',
      }),
      summary: 'Жарықтандыру',
    })
    O = await create({
      receivedAt: '2026-04-03T10:00',
      applicant: {
        kind: 'organisation',
        name: '«Жастар» бірлестігі',
        bin: BIN,
        phone: '87011119988',
        address: 'Қарабас ауылы, Бейбітшілік көшесі',
      },
      summary: 'Балалар алаңы',
    })
  })

  const letters = (ids: number[]) => ids.map((id) => ({ [N.id]: 'N', [A.id]: 'A', [O.id]: 'O' })[id] ?? String(id))
  /** The letters found and the count the list gives, as the role searches. */
  const search = async (query: string, role: Role = 'clerk') => {
    desk.ctx = userContext(role)
    const page = await desk.ok('appeals.list', { query, sort: 'regNumber', order: 'asc' })
    return { found: letters(page.rows.map((r) => r.id)).join(''), total: page.total }
  }
  const finds = async (query: string, expected: string, role: Role = 'clerk') =>
    expect(await search(query, role), `${query} as ${role}`).toEqual({ found: expected, total: expected.length })

  it('a full or partial IIN/BIN', async () => {
    await finds(IIN.nurlan, 'N')
    await finds('900515', 'N')
    await finds('8512', 'A')
    await finds(BIN, 'O')
    await finds('0512400', 'O')
  })

  it('a phone number however it is typed', async () => {
    for (const typed of ['+7 701 123 45 67', '87011234567', '7011234567', '+7 (701) 123-45-67', '4567', '123 45 67'])
      await finds(typed, 'N')
    await finds('8 777 555 00 11', 'A')
    await finds('0011', 'A')
    await finds('9988', 'O')
    // 701 begins N's and O's numbers
    await finds('+7 701', 'NO')
    await finds('+7 777 555', 'A')
  })

  it('an address fragment, typed without Kazakh letters too', async () => {
    await finds('Қарабас', 'NO')
    await finds('карабас абай', 'N')
    await finds('толе би', 'A')
    await finds('бейбитшилик', 'O')
  })

  it('a registration number in full, by its count alone, and the office’s own earlier number', async () => {
    await finds(N.regNumber, 'N')
    // a lone digit also begins phone endings and IINs: as a role that searches no personal data
    await finds(String(Number(O.regNumber.slice(5))), 'O', 'press')
    await finds('ӨТ-2026-00012', 'A')
    await finds('от-2026-12', 'A')
  })

  it('personal data finds nothing for roles that may not see it, counts included', async () => {
    for (const role of ['press', 'viewer'] as const) {
      for (const query of ['900515', '8512', '4567', '+7 701 123 45 67', 'Қарабас', 'абай', 'толе би'])
        await finds(query, '', role)
      // what they may read is found as before
      await finds('Жұмабекова', 'A', role)
      await finds('су құбыры', 'N', role)
      await finds(N.regNumber, 'N', role)
      // a full IIN/BIN is refused to them, as before
      desk.ctx = userContext(role)
      expect((await desk.fail('appeals.list', { query: IIN.nurlan })).code).toBe('forbidden')
    }
    // with another filter, the count is not the full-text index's alone
    desk.ctx = userContext('press')
    const filtered = await desk.ok('appeals.list', { query: 'абай', statuses: ['registered'] })
    expect(filtered.total).toBe(0)
  })

  it('an edit changes what is found', async () => {
    desk.ctx = userContext('administrator')
    const input = await editInput(desk, N, { externalNumber: 'ЖТ-2026-4242' })
    await desk.ok('appeals.update', {
      ...input,
      applicant: { ...(input.applicant as ReturnType<typeof person>), phone: '+7 705 000 99 88' },
    })
    await finds('4567', '')
    await finds('0009988', 'N')
    await finds('4242', 'N')
  })
})
