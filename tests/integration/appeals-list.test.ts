import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, Appeal } from '@shared/api/contract'
import { appealInput, bringTo, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES } from '../helpers/engines'

/**
 * The appeals register as a clerk reads it through appeals.list: search that forgives missing
 * Kazakh letters, filters, sort and paging. The office clock stands at Monday 20 April 2026;
 * this week runs to Sunday 26 April.
 *
 *      received            sector   channel    applicant             status       due
 *   A  2026-03-16 10:00    housing  reception  Жұмабеков Нұрлан      registered   2026-04-09 (overdue)
 *   B  2026-03-20 10:00    land     written    Өмірбеков Қайрат      answered     2026-04-15
 *   C  2026-04-01 10:00    housing  e_otinish  Сәрсенов Қайрат       registered   2026-04-22 (this week)
 *   D  2026-04-10 10:00    social   reception  «Жастар» қоғамдық бірлестігі   registered   2026-05-04
 *   E  2025-12-22 10:00    housing  phone      Жұмабекова Айгүл      in_progress  2026-01-15 (overdue)
 *
 * Deadlines (15 working days): B from Fri 20 March over Nauryz (21-25 March off): 26, 27, 30,
 * 31 March, 1-3, 6-10, 13-15 April. C from Wed 1 April: 2, 3, 6-10, 13-17, 20-22 April. D from
 * Fri 10 April: 13-17, 20-24, 27-30 April (14), 1 May holiday, 4 May. A and E: see appeals-deadlines.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let sectors: Record<'housing' | 'land' | 'social', number>
  let A: Appeal, B: Appeal, C: Appeal, D: Appeal, E: Appeal

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    sectors = {
      housing: await desk.sector('housing'),
      land: await desk.sector('land'),
      social: await desk.sector('social'),
    }
    const create = (over: Partial<ApiInput<'appeals.create'>>) =>
      desk.ok('appeals.create', appealInput(sectors.housing, over))
    A = await create({
      receivedAt: '2026-03-16T10:00',
      channel: 'reception',
      summary: 'Ремонт водопровода на улице Абая',
    })
    B = await create({
      receivedAt: '2026-03-20T10:00',
      sectorId: sectors.land,
      channel: 'written',
      applicant: person({ surname: 'Өмірбеков', firstName: 'Қайрат', patronymic: null, iin: IIN.other }),
      summary: 'Жер учаскесін рәсімдеу',
    })
    C = await create({
      receivedAt: '2026-04-01T10:00',
      channel: 'e_otinish',
      applicant: person({ surname: 'Сәрсенов', firstName: 'Қайрат', patronymic: null, iin: null }),
      summary: 'Ауладағы жарықтандыру',
    })
    D = await create({
      receivedAt: '2026-04-10T10:00',
      sectorId: sectors.social,
      applicant: { kind: 'organisation', name: '«Жастар» қоғамдық бірлестігі', bin: null, phone: null, address: null },
      summary: 'Балалар алаңын салу туралы ұсыныс',
    })
    E = await create({
      receivedAt: '2025-12-22T10:00',
      channel: 'phone',
      applicant: person({ surname: 'Жұмабекова', firstName: 'Айгүл', patronymic: null, iin: IIN.aigul }),
      summary: 'Қыста жол тазартылмайды',
    })
    await bringTo(desk, B.id, 'answered', '2026-04-14')
    await bringTo(desk, E.id, 'in_progress')
  })

  type ListInput = ApiInput<'appeals.list'>
  const list = (input: ListInput = {}) => desk.ok('appeals.list', input)
  /** The letters of the rows found, in the order listed. */
  const found = async (input: ListInput) => (await list(input)).rows.map((r) => letterOf(r.id))
  const letterOf = (id: number) => ({ [A.id]: 'A', [B.id]: 'B', [C.id]: 'C', [D.id]: 'D', [E.id]: 'E' })[id]
  const search = (query: string) => found({ query, sort: 'regNumber', order: 'asc' })

  describe('the data set', () => {
    it('has the deadlines worked out above', () => {
      expect([A, B, C, D, E].map((a) => [a.regNumber, a.registeredOn, a.dueOn])).toEqual([
        ['2026-000001', '2026-03-16', '2026-04-09'],
        ['2026-000002', '2026-03-20', '2026-04-15'],
        ['2026-000003', '2026-04-01', '2026-04-22'],
        ['2026-000004', '2026-04-10', '2026-05-04'],
        ['2025-000001', '2025-12-22', '2026-01-15'],
      ])
    })
  })

  describe('search (appeals.list { query })', () => {
    it('"Жумабек" finds Жұмабеков and Жұмабекова (typed without Kazakh letters, as a prefix)', async () => {
      expect(await search('Жумабек')).toEqual(['E', 'A'])
    })

    it('"Кайрат" finds both Қайрат', async () => {
      expect(await search('Кайрат')).toEqual(['B', 'C'])
    })

    it('"Омирбек" finds Өмірбеков', async () => {
      expect(await search('Омирбек')).toEqual(['B'])
    })

    it('ignores case', async () => {
      expect(await search('НҰРЛАН')).toEqual(['A'])
      expect(await search('нурлан')).toEqual(['A'])
      expect(await search('ӨМІРБЕКОВ')).toEqual(['B'])
    })

    it('matches prefixes typed with Kazakh letters', async () => {
      expect(await search('Жұма')).toEqual(['E', 'A'])
    })

    it('finds Russian text by word and by prefix', async () => {
      expect(await search('водопровод')).toEqual(['A'])
      expect(await search('водопр')).toEqual(['A'])
      expect(await search('ВОДОПРОВОДА')).toEqual(['A'])
    })

    it('finds Kazakh summary text typed without Kazakh letters', async () => {
      expect(await search('жарыктандыру')).toEqual(['C'])
      expect(await search('учаскесин')).toEqual(['B'])
    })

    it('needs every word to match', async () => {
      expect(await search('Кайрат Омирбеков')).toEqual(['B'])
      expect(await search('Кайрат водопровод')).toEqual([])
    })

    it('finds an appeal by its registration number', async () => {
      expect(await search('2026-000003')).toEqual(['C'])
      expect(await search('2025-000001')).toEqual(['E'])
    })

    it.each([
      '"',
      '*',
      'OR',
      '(',
      'Жумабек OR',
      '"Жумабек',
      'Жумабек*',
      'NEAR(Жумабек',
      ')) AND "',
      "Нұрлан' --",
      'a:b',
      '^Жумабек',
      '-',
      '+',
    ])('does not throw on FTS syntax characters: %s', async (query) => {
      const result = await desk.call('appeals.list', { query })
      expect(result.ok, JSON.stringify(result)).toBe(true)
    })

    it('reads FTS syntax in a query as plain words', async () => {
      expect(await search('"Жумабек"')).toEqual(['E', 'A'])
      expect(await search('Жумабек*')).toEqual(['E', 'A'])
      // "OR" is a word to find, not an operator: no appeal has it
      expect(await search('Жумабек OR Кайрат')).toEqual([])
    })

    it('combines with filters', async () => {
      expect(await found({ query: 'Кайрат', statuses: ['answered'] })).toEqual(['B'])
    })
  })

  describe('filters', () => {
    it('by sector', async () => {
      expect(await found({ sectorIds: [sectors.housing], sort: 'regNumber', order: 'asc' })).toEqual(['E', 'A', 'C'])
      expect(await found({ sectorIds: [sectors.land, sectors.social], sort: 'regNumber', order: 'asc' })).toEqual([
        'B',
        'D',
      ])
    })

    it('by status', async () => {
      expect(await found({ statuses: ['in_progress'] })).toEqual(['E'])
      expect(await found({ statuses: ['answered'] })).toEqual(['B'])
      expect(await found({ statuses: ['registered'], sort: 'regNumber', order: 'asc' })).toEqual(['A', 'C', 'D'])
    })

    it('by channel', async () => {
      expect(await found({ channels: ['e_otinish'] })).toEqual(['C'])
      expect(await found({ channels: ['reception'], sort: 'regNumber', order: 'asc' })).toEqual(['A', 'D'])
    })

    it('overdue: open and due before today', async () => {
      // B was due 15 April too, but it is answered
      expect(await found({ overdue: true, sort: 'dueOn', order: 'asc' })).toEqual(['E', 'A'])
      const rows = (await list()).rows
      expect(
        rows
          .filter((r) => r.overdue)
          .map((r) => letterOf(r.id))
          .sort(),
      ).toEqual(['A', 'E'])
    })

    it('due this week: open and due from today to Sunday', async () => {
      expect(await found({ dueThisWeek: true })).toEqual(['C'])
      expect((await list()).rows.filter((r) => r.dueThisWeek).map((r) => letterOf(r.id))).toEqual(['C'])
    })

    it('by registration period', async () => {
      expect(await found({ from: '2026-03-01', to: '2026-03-31', sort: 'regNumber', order: 'asc' })).toEqual(['A', 'B'])
      expect(await found({ from: '2026-04-01', sort: 'regNumber', order: 'asc' })).toEqual(['C', 'D'])
      expect(await found({ to: '2025-12-31' })).toEqual(['E'])
    })

    it('several filters together', async () => {
      expect(await found({ sectorIds: [sectors.housing], overdue: true, sort: 'dueOn', order: 'asc' })).toEqual([
        'E',
        'A',
      ])
      expect(await found({ sectorIds: [sectors.social], overdue: true })).toEqual([])
    })
  })

  describe('sort and paging', () => {
    it('lists the newest received first by default', async () => {
      expect(await found({})).toEqual(['D', 'C', 'B', 'A', 'E'])
    })

    it('sorts by due date ascending', async () => {
      expect(await found({ sort: 'dueOn', order: 'asc' })).toEqual(['E', 'A', 'B', 'C', 'D'])
    })

    it('pages with offset and limit, the total counting every match', async () => {
      const page2 = await list({ sort: 'dueOn', order: 'asc', offset: 2, limit: 2 })
      expect(page2.total).toBe(5)
      expect(page2.rows.map((r) => letterOf(r.id))).toEqual(['B', 'C'])
      const last = await list({ sort: 'dueOn', order: 'asc', offset: 4, limit: 2 })
      expect({ total: last.total, rows: last.rows.map((r) => letterOf(r.id)) }).toEqual({ total: 5, rows: ['D'] })
      const filtered = await list({ sectorIds: [sectors.housing], limit: 1 })
      expect({ total: filtered.total, rows: filtered.rows.length }).toEqual({ total: 3, rows: 1 })
    })

    it('summarises each row', async () => {
      const rows = (await list({ sort: 'regNumber', order: 'asc' })).rows
      expect(rows.find((r) => r.id === D.id)).toMatchObject({
        applicantKind: 'organisation',
        applicantName: '«Жастар» қоғамдық бірлестігі',
        sectorId: sectors.social,
      })
      expect(rows.find((r) => r.id === B.id)).toMatchObject({
        applicantName: 'Өмірбеков Қайрат',
        status: 'answered',
        outcome: 'explained',
      })
    })
  })
})
