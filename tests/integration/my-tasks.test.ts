import { beforeEach, describe, expect, it } from 'vitest'
import { appealInput, bringTo, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { keepPdf, pdfText } from '../helpers/pdf'

/**
 * An executor's own appeals by deadline (appeals.myTasks), the list filters its groups open
 * (executorIds with overdue / due), and the printed task sheet (appeals.taskSheet). The office
 * clock stands at Friday 17 April 2026: "tomorrow" is Saturday the 18th.
 *
 *   appeal  executor  status       due          group
 *   a1      Ержан     registered   2026-04-10   overdue
 *   a2      Ержан     in_progress  2026-04-17   today
 *   a3      Ержан     registered   2026-04-17   today
 *   a4      Ержан     registered   2026-04-18   tomorrow
 *   a5      Ержан     answered     2026-04-17   none: answered
 *   a6      Ержан     registered   2026-04-20   none: Monday
 *   b1      Дәулет    registered   2026-04-17   Дәулет's, not Ержан's
 */

const cleanup = useCleanup()
let desk: Desk
let erzhan: number
let daulet: number
const ids: Record<string, number> = {}

beforeEach(async () => {
  desk = await openDesk(cleanup, '2026-04-17T09:00:00')
  const housing = await desk.sector('housing')
  await desk.ok('office.update', {
    ...(await desk.ok('office.get', {})),
    nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
    nameRu: 'Аппарат акима Карабасского сельского округа',
  })
  erzhan = (await desk.ok('staff.create', { fullName: 'Бекжанов Ержан Әлібекұлы', position: 'Бас маман' })).id
  daulet = (await desk.ok('staff.create', { fullName: 'Серікбаев Дәулет', position: 'Маман' })).id
  const rows: [string, number, string, string][] = [
    ['a1', erzhan, 'registered', '2026-04-10'],
    ['a2', erzhan, 'in_progress', '2026-04-17'],
    ['a3', erzhan, 'registered', '2026-04-17'],
    ['a4', erzhan, 'registered', '2026-04-18'],
    ['a5', erzhan, 'answered', '2026-04-17'],
    ['a6', erzhan, 'registered', '2026-04-20'],
    ['b1', daulet, 'registered', '2026-04-17'],
  ]
  for (const [name, executorId, status, dueOn] of rows) {
    const appeal = await desk.ok(
      'appeals.create',
      appealInput(housing, {
        executorId,
        summary: `Өтініш ${name}: көшеге жарық орнату`,
        applicant: person({ surname: 'Құрманғалиев', firstName: name === 'a1' ? 'Ұлан' : 'Өмір', iin: null }),
      }),
    )
    await bringTo(desk, appeal.id, status, '2026-04-16')
    // deadlines set by hand: the groups are about the stored due date, not how it was computed
    await desk.sql('UPDATE appeals SET due_on = ? WHERE id = ?', [dueOn, appeal.id])
    ids[name] = appeal.id
  }
})

const numbersOf = (page: { rows: { id: number }[] }) =>
  page.rows.map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0])

describe('appeals.myTasks', () => {
  it("groups the executor's own open appeals into overdue, due today and due tomorrow", async () => {
    desk.ctx = userContext('clerk', { staffId: erzhan })
    const tasks = await desk.ok('appeals.myTasks', {})
    expect(tasks.executorId).toBe(erzhan)
    expect([tasks.today, tasks.tomorrow]).toEqual(['2026-04-17', '2026-04-18'])
    expect(numbersOf(tasks.overdue)).toEqual(['a1'])
    expect(numbersOf(tasks.dueToday).sort()).toEqual(['a2', 'a3'])
    expect(numbersOf(tasks.dueTomorrow)).toEqual(['a4'])
    expect([tasks.overdue.total, tasks.dueToday.total, tasks.dueTomorrow.total]).toEqual([1, 2, 1])
    // the applicant and the summary as the register shows them
    expect(tasks.overdue.rows[0]).toMatchObject({ applicantName: expect.stringContaining('Ұлан'), dueOn: '2026-04-10' })
    expect(tasks.overdue.rows[0]!.summary).toContain('a1')
  })

  it('shows another executor only their own', async () => {
    desk.ctx = userContext('clerk', { staffId: daulet })
    const tasks = await desk.ok('appeals.myTasks', {})
    expect([tasks.overdue.total, tasks.dueToday.total, tasks.dueTomorrow.total]).toEqual([0, 1, 0])
    expect(numbersOf(tasks.dueToday)).toEqual(['b1'])
  })

  it('answers an account without a staff link with nothing, and says so', async () => {
    desk.ctx = userContext('clerk', { staffId: null })
    const tasks = await desk.ok('appeals.myTasks', {})
    expect(tasks.executorId).toBeNull()
    expect([tasks.overdue.total, tasks.dueToday.total, tasks.dueTomorrow.total]).toEqual([0, 0, 0])
  })

  it('counts in each group what the list opened from it counts', async () => {
    desk.ctx = userContext('clerk', { staffId: erzhan })
    const tasks = await desk.ok('appeals.myTasks', {})
    const list = (filters: object) => desk.ok('appeals.list', { executorIds: [erzhan], ...filters })
    expect((await list({ overdue: true })).total).toBe(tasks.overdue.total)
    expect((await list({ due: 'today' })).total).toBe(tasks.dueToday.total)
    expect((await list({ due: 'tomorrow' })).total).toBe(tasks.dueTomorrow.total)
    // the list's new filter alone: every executor's open appeals due today
    expect((await desk.ok('appeals.list', { due: 'today' })).total).toBe(3)
  })
})

describe('appeals.taskSheet', () => {
  const sheet = async (input: { lang: 'kk' | 'ru'; executorId?: number }) => {
    const { fileName, base64 } = await desk.ok('appeals.taskSheet', input)
    const bytes = Buffer.from(base64, 'base64')
    return { fileName, bytes, text: (await pdfText(bytes)).replace(/\s+/g, ' ') }
  }

  it("prints the executor's open appeals soonest first, with the office, the date and a signature line", async () => {
    desk.ctx = userContext('clerk', { staffId: erzhan })
    const { fileName, bytes, text } = await sheet({ lang: 'kk' })
    await keepPdf(bytes, 'task-sheet-kk')
    expect(fileName).toBe('тапсырмалар-17.04.2026.pdf')
    expect(text).toContain('Қарабас ауылдық округі әкімінің аппараты')
    expect(text).toContain('Орындаушының тапсырмалар парағы')
    expect(text).toContain('Орындаушы: Бекжанов Ержан Әлібекұлы')
    expect(text).toContain('Күні: 17.04.2026')
    expect(text).toContain('Қаралудағы өтініштер: 5')
    expect(text).toContain('Орындаушының қолы')
    // soonest deadline first; the answered one and the other executor's are not on it
    const order = ['a1', 'a4', 'a6'].map((name) => text.indexOf(`Өтініш ${name}`))
    expect(order.every((at) => at > 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(text.indexOf('Өтініш a2')).toBeLessThan(order[1]!)
    expect(text).not.toContain('Өтініш a5')
    expect(text).not.toContain('Өтініш b1')
    expect(text).toContain('10.04.2026')
  })

  it("prints in Russian, and another executor's sheet for the head only", async () => {
    desk.ctx = userContext('head', { staffId: null })
    const { text, bytes } = await sheet({ lang: 'ru', executorId: daulet })
    await keepPdf(bytes, 'task-sheet-ru')
    expect(text).toContain('Аппарат акима Карабасского сельского округа')
    expect(text).toContain('Лист задач исполнителя')
    expect(text).toContain('Исполнитель: Серікбаев Дәулет')
    expect(text).toContain('Обращений на рассмотрении: 1')
    expect(text).toContain('Өтініш b1')

    desk.ctx = userContext('clerk', { staffId: erzhan })
    expect((await desk.fail('appeals.taskSheet', { lang: 'ru', executorId: daulet })).code).toBe('forbidden')
    desk.ctx = userContext('clerk', { staffId: null })
    expect((await desk.fail('appeals.taskSheet', { lang: 'ru' })).issues[0]!.path).toEqual(['executorId'])
  })
})
