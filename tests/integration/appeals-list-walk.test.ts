import { describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api/contract'
import { contract } from '@shared/api/contract'
import { APPEAL_TYPES } from '@shared/domain/appeal'
import { appealInput, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { addOkrug } from '../helpers/consolidation'

/**
 * A list page has two forms (services/appeals/queries.ts): the matches looked up and sorted,
 * or the sort's index walked with every appeal tested against the filters until the page is
 * full. list() picks one from the count; both must give exactly the same rows, in the same
 * order, on every page, whatever the filters and the sort (ties in the sort included). Here
 * each form is forced on 240 appeals across two okrugs, sectors, channels, types and statuses.
 */

const cleanup = useCleanup()
const TODAY = '2026-04-20'
let desk: Desk
let villages: number[]
let okrugs: number[][]

/** The register of this file (one database for the whole test: reads only). */
async function fillRegister(): Promise<void> {
  desk = await openDesk(cleanup, `${TODAY}T10:00:00`)
  const first = await addOkrug(desk, 'Қарабас ауылдық округі', ['Қарабас', 'Ақтау'])
  const second = await addOkrug(desk, 'Үштөбе ауылдық округі', ['Үштөбе'])
  okrugs = [
    [first.okrug, ...first.settlements],
    [second.okrug, ...second.settlements],
  ]
  villages = [...first.settlements, ...second.settlements]
  const sectors = [await desk.sector('housing'), await desk.sector('land'), await desk.sector('social')]
  for (let i = 0; i < 240; i++) {
    // every third pair shares its received-at minute: the id breaks the tie in both forms
    const minute = String(Math.floor(i / 2) % 60).padStart(2, '0')
    const day = String(1 + (i % 28)).padStart(2, '0')
    await desk.ok(
      'appeals.create',
      appealInput(sectors[i % 3]!, {
        receivedAt: `2026-0${1 + (i % 3)}-${day}T1${i % 7}:${minute}`,
        localityId: villages[i % villages.length]!,
        channel: (['reception', 'written', 'e_otinish', 'phone'] as const)[i % 4],
        appealType: APPEAL_TYPES[Math.floor(i / 7) % APPEAL_TYPES.length]!,
        applicant: person({ surname: `Сәрсенов${i}`, iin: null }),
        summary: `Өтініш ${i}`,
      }),
    )
  }
  await desk.sql("UPDATE appeals SET status = 'answered', outcome = 'explained' WHERE id % 5 = 0")
}

type ListInput = ApiInput<'appeals.list'>

async function pageIds(input: ListInput, form: 'walk' | 'lookup'): Promise<number[]> {
  const filters = contract['appeals.list'].input.parse(input)
  const queries = desk.core.services.appeals.queries
  const total = Number((await queries.listQueries(filters, TODAY).count.getRawOne<{ n: number }>())?.n ?? 0)
  // Few appeals in all make the walk the cheaper form; a huge register makes the lookup cheaper.
  const appeals = form === 'walk' ? 1 : 1e9
  const { page } = queries.listQueries(filters, TODAY, { total, appeals })
  const [sql] = page.getQueryAndParameters()
  expect(sql.includes('+a.'), `${form}: ${sql}`).toBe(form === 'walk' && total > 0)
  return (await page.getRawMany<{ id: number }>()).map((r) => Number(r.id))
}

describe('a list page walked in sort order', () => {
  it('gives the rows the lookup gives: five filter sets, both sorts and orders, three pages each; and list() returns them', async () => {
    await fillRegister()
    const filterSets: ListInput[] = [
      { localityIds: okrugs[0]! },
      { localityIds: [villages[2]!], statuses: ['answered'] },
      { localityIds: okrugs[1]!, channels: ['reception', 'written'], appealTypes: [APPEAL_TYPES[0]!] },
      { sectorIds: [await desk.sector('land')], overdue: true },
      { query: 'сәрсенов' },
    ]
    for (const filters of filterSets) {
      let compared = 0
      for (const sort of ['receivedAt', 'regNumber'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const offset of [0, 20, 45]) {
            const request = { ...filters, sort, order, offset, limit: 20 }
            const walked = await pageIds(request, 'walk')
            expect(walked, JSON.stringify(request)).toEqual(await pageIds(request, 'lookup'))
            compared += walked.length
          }
        }
      }
      expect(compared, JSON.stringify(filters)).toBeGreaterThan(20)
    }

    const request: ListInput = { localityIds: okrugs[0]!, sort: 'receivedAt', order: 'desc', offset: 20, limit: 20 }
    const { rows, total } = await desk.ok('appeals.list', request)
    expect(total).toBeGreaterThan(100)
    expect(rows.map((r) => r.id)).toEqual(await pageIds(request, 'lookup'))
  })
})
