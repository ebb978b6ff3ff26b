import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { appealInput, meetingInput, openDesk, OPERATOR, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { ENGINES } from '../helpers/engines'
import { AppealEntity } from '../../src/main/db/entities'
import { transaction } from '../../src/main/db/transaction'
import { writeVersioned } from '../../src/main/services/versioned'

/**
 * Two desks editing one record: each read returns the record's version, each edit names the
 * version it was made on, and an edit made on an older one is refused (`conflict`, naming who
 * changed it last and when) with nothing written, on both engines.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'
const B_NAME = 'Сейітова Мәдина Болатқызы'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let appeal: Appeal
  /** The second desk: another clerk on the same core. */
  let asB: (method: string, input: unknown) => ReturnType<Desk['call']>

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    const b = userContext('clerk', { id: 2, fullName: B_NAME, staffId: null })
    asB = (method, input) => desk.core.dispatch(method, input, b)
  })

  const update = (version: number, summary: string) => ({
    id: appeal.id,
    version,
    channel: appeal.channel,
    appealType: appeal.appealType,
    sectorId: appeal.sectorId,
    applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Нұрлан' },
    summary,
  })

  it('returns version 1 on a new appeal and bumps it with every edit', async () => {
    expect(appeal.version).toBe(1)
    const edited = await desk.ok('appeals.update', update(1, 'Су құбыры әлі жөнделмеді') as never)
    expect(edited.version).toBe(2)
    const moved = await desk.ok('appeals.transition', { id: appeal.id, version: 2, to: 'in_progress' })
    expect(moved.version).toBe(3)
    expect((await desk.ok('appeals.get', { id: appeal.id })).version).toBe(3)
  })

  it("refuses A's stale save after B's, naming B and when, and keeps B's text", async () => {
    const byB = await asB('appeals.update', update(1, 'Б: жөндеу мерзімі сұралды'))
    expect(byB.ok).toBe(true)
    const historyBefore = await desk.count('audit_entries')

    const error = await desk.fail('appeals.update', update(1, 'А: ескі нұсқадағы түзету'))
    expect(error.code).toBe('conflict')
    expect(error.messageKey).toBe('errors.staleEdit')
    expect(error.issues).toEqual([
      { path: [], messageKey: 'errors.staleEditBy', params: { who: B_NAME, at: expect.stringMatching(/^2\d{3}-/) } },
    ])
    const card = await desk.ok('appeals.get', { id: appeal.id })
    expect(card.summary).toBe('Б: жөндеу мерзімі сұралды')
    expect(card.version).toBe(2)
    expect(await desk.count('audit_entries')).toBe(historyBefore)
  })

  it('refuses every stale action on the card, before its own checks', async () => {
    await desk.ok('appeals.transition', { id: appeal.id, version: 1, to: 'in_progress' })
    for (const [method, input] of [
      ['appeals.transition', { id: appeal.id, version: 1, to: 'withdrawn', reason: 'Кері алынды' }],
      [
        'appeals.extend',
        { id: appeal.id, version: 1, extendedDueOn: '2026-05-08', reason: 'Сараптама', decidedOn: '2026-04-08' },
      ],
      ['appeals.markForRedirect', { id: appeal.id, version: 1 }],
      ['appeals.recordNotice', { id: appeal.id, version: 1, notifiedOn: '2026-04-09' }],
      ['appeals.annul', { id: appeal.id, version: 1, reason: 'Қате енгізілген' }],
    ] as const) {
      const error = await desk.fail(method, input)
      expect(error.code, method).toBe('conflict')
      expect(error.issues[0]!.params!.who, method).toBe(OPERATOR.fullName)
    }
    expect((await desk.ok('appeals.get', { id: appeal.id })).status).toBe('in_progress')
  })

  it('lets exactly one of two saves made on the same version at once through', async () => {
    const results = await Promise.all([
      desk.call('appeals.update', update(1, 'А нұсқасы')),
      asB('appeals.update', update(1, 'Б нұсқасы')),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)
    expect(refused && !refused.ok && refused.error.code).toBe('conflict')
    const card = await desk.ok('appeals.get', { id: appeal.id })
    expect(card.version).toBe(2)
    expect(['А нұсқасы', 'Б нұсқасы']).toContain(card.summary)
  })

  it('writes only while the row still has the version read (UPDATE … WHERE version), else refuses', async () => {
    const db = desk.core.database.dataSource
    const attempt = transaction(db, async (manager) => {
      const before = (await manager.getRepository(AppealEntity).findOne({ where: { id: appeal.id } }))!
      // another desk's edit lands between this read and this write
      await desk.sql('UPDATE appeals SET version = 2, summary = ? WHERE id = ?', ['Басқа үстел', appeal.id])
      await writeVersioned(manager, AppealEntity, 'appeal', before, { ...before, summary: 'Ескі оқу' })
    })
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', messageKey: 'errors.staleEdit' })
  })

  it('moves data.revision with every committed write, and not with a read', async () => {
    const { revision } = await desk.ok('data.revision', {})
    await desk.ok('appeals.get', { id: appeal.id })
    await desk.ok('appeals.list', {})
    expect((await desk.ok('data.revision', {})).revision).toBe(revision)
    expect((await asB('appeals.transition', { id: appeal.id, version: 1, to: 'in_progress' })).ok).toBe(true)
    expect((await desk.ok('data.revision', {})).revision).toBeGreaterThan(revision)
  })

  it('refuses a stale edit of a meeting, and a stale edit or removal of a measure', async () => {
    const meeting = await desk.ok('meetings.create', meetingInput())
    expect(meeting.version).toBe(1)
    expect((await asB('meetings.update', { ...meetingInput({ attendance: 90 }), id: meeting.id, version: 1 })).ok).toBe(
      true,
    )
    const stale = await desk.fail('meetings.update', {
      ...meetingInput({ attendance: 150 }),
      id: meeting.id,
      version: 1,
    })
    expect(stale.code).toBe('conflict')
    expect((await desk.ok('meetings.get', { id: meeting.id })).attendance).toBe(90)

    const measure = await desk.ok('measures.create', {
      meetingId: meeting.id,
      text: 'Көпірді жөндеу',
      responsible: 'Аудандық ТҮКШ',
      dueOn: '2026-06-01',
    })
    expect(measure.version).toBe(1)
    const edit = { id: measure.id, text: measure.text, responsible: measure.responsible, dueOn: measure.dueOn }
    expect((await asB('measures.update', { ...edit, version: 1, dueOn: '2026-07-01' })).ok).toBe(true)
    expect((await desk.fail('measures.update', { ...edit, version: 1, dueOn: '2026-05-01' })).code).toBe('conflict')
    expect((await desk.fail('measures.delete', { id: measure.id, version: 1 })).code).toBe('conflict')
    const [kept] = (await desk.ok('meetings.get', { id: meeting.id })).measures
    expect(kept).toMatchObject({ dueOn: '2026-07-01', version: 2 })
  })
})
