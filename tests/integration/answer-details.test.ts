import { describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { appealInput, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { ENGINES } from '../helpers/engines'

/**
 * The answer's details (outgoing number and date, signatory, delivery) through the answer step
 * and the card's edit, on both engines: stored, returned on the card, each change in the
 * history; refused with field paths when the date is before registration or in the future, a
 * number comes without its date, both kinds of signatory are given, or the delivery is unknown.
 * The office clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

async function answeredDesk(engine: (typeof ENGINES)[number]): Promise<{ desk: Desk; appeal: Appeal; head: number }> {
  const desk = await openDesk(cleanup, { now: NOW, engine })
  const head = (
    await desk.ok('staff.create', {
      fullName: 'Сейітов Арман Бекұлы',
      position: 'Округ әкімі',
      positionRu: 'Аким округа',
      isExecutor: false,
    })
  ).id
  const created = await desk.ok(
    'appeals.create',
    appealInput(await desk.sector('housing'), {
      receivedAt: '2026-04-01T10:00',
      applicant: person({ surname: 'Құрманғалиев', firstName: 'Ұлан', address: 'Қарабас ауылы, Абай көшесі, 12' }),
    }),
  )
  await desk.ok('appeals.transition', { id: created.id, to: 'in_progress' })
  return { desk, appeal: created, head }
}

const answer = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  to: 'answered' as const,
  outcome: 'explained' as const,
  answerText: 'Су құбыры мамыр айында жөнделеді.',
  answeredOn: '2026-04-15',
  ...over,
})

describe.each(ENGINES)('answer details on %s', (engine) => {
  it('are stored with the answer, shown on the card and edited later, each change in the history', async () => {
    const { desk, appeal, head } = await answeredDesk(engine)
    const answered = await desk.ok(
      'appeals.transition',
      answer(appeal.id, { outgoingNumber: '01-12/345', outgoingOn: '2026-04-15', signatoryId: head, delivery: 'post' }),
    )
    expect(answered.answer).toEqual({
      outgoingNumber: '01-12/345',
      outgoingOn: '2026-04-15',
      signatoryId: head,
      signatoryName: 'Сейітов Арман Бекұлы',
      delivery: 'post',
    })
    const history = answered.history.filter((e) => e.action === 'transition').map((e) => [e.field, e.newValue])
    expect(history).toEqual(
      expect.arrayContaining([
        ['answerOutgoingNumber', '"01-12/345"'],
        ['answerOutgoingOn', '"2026-04-15"'],
        ['answerSignatoryId', String(head)],
        ['answerDelivery', '"post"'],
      ]),
    )

    // a signer outside the staff list, delivered through e-Otinish
    const edited = await desk.ok('appeals.updateAnswer', {
      id: appeal.id,
      version: answered.version,
      outgoingNumber: '01-12/345',
      outgoingOn: '2026-04-16',
      signatoryName: 'Аудан әкімінің орынбасары Б. Нұрланов',
      delivery: 'e_otinish',
    })
    expect(edited.answer).toEqual({
      outgoingNumber: '01-12/345',
      outgoingOn: '2026-04-16',
      signatoryId: null,
      signatoryName: 'Аудан әкімінің орынбасары Б. Нұрланов',
      delivery: 'e_otinish',
    })
    const updates = edited.history.filter((e) => e.action === 'update').map((e) => [e.field, e.oldValue, e.newValue])
    expect(updates).toEqual([
      ['answerOutgoingOn', '"2026-04-15"', '"2026-04-16"'],
      ['answerSignatoryId', String(head), 'null'],
      ['answerSignatoryName', 'null', '"Аудан әкімінің орынбасары Б. Нұрланов"'],
      ['answerDelivery', '"post"', '"e_otinish"'],
    ])
    expect(edited.version).toBe(answered.version + 1)
    // read back as another desk would
    expect((await desk.ok('appeals.get', { id: appeal.id })).answer).toEqual(edited.answer)
  })

  it('an answer without details keeps nulls; the card says so with null fields', async () => {
    const { desk, appeal } = await answeredDesk(engine)
    const answered = await desk.ok('appeals.transition', answer(appeal.id))
    expect(answered.answer).toEqual({
      outgoingNumber: null,
      outgoingOn: null,
      signatoryId: null,
      signatoryName: null,
      delivery: null,
    })
    expect(appeal.answer).toBeNull()
  })

  it('refuses bad details with field paths and writes nothing', async () => {
    const { desk, appeal, head } = await answeredDesk(engine)
    const issues = async (input: Record<string, unknown>, method = 'appeals.transition') =>
      (await desk.fail(method, input)).issues.map((i) => `${i.path.join('.')}:${i.messageKey}`)

    expect(await issues(answer(appeal.id, { outgoingNumber: '1', outgoingOn: '2026-03-31' }))).toEqual([
      'outgoingOn:validation.beforeRegistration',
    ])
    expect(await issues(answer(appeal.id, { outgoingNumber: '1', outgoingOn: '2026-04-21' }))).toEqual([
      'outgoingOn:validation.dateInFuture',
    ])
    expect(await issues(answer(appeal.id, { outgoingNumber: '1' }))).toEqual(['outgoingOn:validation.required'])
    expect(await issues(answer(appeal.id, { outgoingOn: '2026-04-15' }))).toEqual([
      'outgoingNumber:validation.required',
    ])
    expect(await issues(answer(appeal.id, { delivery: 'pigeon' }))).toEqual(['delivery:validation.invalidOption'])
    expect(await issues(answer(appeal.id, { signatoryId: head, signatoryName: 'Б. Нұрланов' }))).toEqual([
      'signatoryName:validation.signatoryEither',
    ])
    expect(await issues(answer(appeal.id, { signatoryId: 99999 }))).toEqual(['signatoryId:validation.unknownReference'])
    // no answer yet: nothing to describe
    expect(
      await issues({ id: appeal.id, outgoingNumber: '1', outgoingOn: '2026-04-15' }, 'appeals.updateAnswer'),
    ).toEqual(['id:answers.validation.notAnswered'])
    const [row] = await desk.sql<{ status: string; n: string | null }>(
      'SELECT status, answer_outgoing_number AS n FROM appeals WHERE id = ?',
      [appeal.id],
    )
    expect(row).toEqual({ status: 'in_progress', n: null })
  })

  it('the card edit is the clerk’s: a press officer is refused', async () => {
    const { desk, appeal } = await answeredDesk(engine)
    const answered = await desk.ok('appeals.transition', answer(appeal.id))
    const result = await desk.core.dispatch(
      'appeals.updateAnswer',
      { id: appeal.id, version: answered.version, outgoingNumber: '7', outgoingOn: '2026-04-15' },
      userContext('press'),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('forbidden')
  })
})
