import { describe, expect, it } from 'vitest'
import type { Appeal, AppealSummary } from '@shared/api/contract'
import { appealInput, bringTo, editInput, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES } from '../helpers/engines'

/**
 * `appeals.update` answers with the card read inside the edit's own transaction, from the row as
 * written and the names the reference check looked up. That card must be exactly what
 * `appeals.get` returns right after (same values, same keys in the same order: the doors send
 * it as JSON), and its list columns exactly the register's row for the appeal, which comes from
 * the list's own query. On both engines; the office clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

/** The card's list columns against the register's row, which the list query reads on its own. */
async function expectListRow(desk: Desk, card: Appeal): Promise<void> {
  const { rows } = await desk.ok('appeals.list', { limit: 500 })
  const row = rows.find((r) => r.id === card.id)!
  const columns = Object.fromEntries(Object.keys(row).map((key) => [key, card[key as keyof AppealSummary]]))
  expect(columns).toEqual(row)
}

/** Edits, then reads the appeal back: the two answers as the doors would send them. */
async function updateThenGet(desk: Desk, input: Awaited<ReturnType<typeof editInput>>): Promise<Appeal> {
  const updated = await desk.ok('appeals.update', input)
  const read = await desk.ok('appeals.get', { id: updated.id })
  expect(JSON.stringify(updated)).toBe(JSON.stringify(read))
  await expectListRow(desk, updated)
  return updated
}

describe.each(ENGINES)('the card appeals.update returns, on %s', (engine) => {
  it('is the card appeals.get reads back after an edit of every kind of field, with the new history', async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine })
    const housing = await desk.sector('housing')
    const social = await desk.sector('social')
    const executor = await desk.ok('staff.create', { fullName: 'Бекжанов Ержан Маратұлы', position: 'ТҮКШ маманы' })
    const okrug = await desk.ok('localities.create', {
      kind: 'okrug',
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
    })
    const first = await desk.ok('appeals.create', appealInput(housing))
    const appeal = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-04-17T19:05' }))

    const edited = await updateThenGet(
      desk,
      await editInput(desk, appeal, {
        version: appeal.version,
        sectorId: social,
        localityId: okrug.id,
        executorId: executor.id,
        repeatedOfId: first.id,
        summary: 'Су құбыры жарылған',
        // the IIN is on record under the first appeal's name: the confirmation is in the history too
        applicant: person({ surname: 'Жұмабаев' }),
        applicantNameConfirmed: true,
      }),
    )
    expect(edited).toMatchObject({
      version: appeal.version + 1,
      sectorId: social,
      executorName: 'Бекжанов Ержан Маратұлы',
      repeated: true,
      repeatedOfNumber: first.regNumber,
      acceptedBy: { id: desk.operatorId },
    })
    expect(edited.history.length).toBeGreaterThan(appeal.history.length)

    // taking the references away again: the names go with them
    const plain = await updateThenGet(
      desk,
      await editInput(desk, edited, {
        version: edited.version,
        localityId: null,
        executorId: null,
        repeatedOfId: null,
      }),
    )
    expect(plain).toMatchObject({ executorName: null, repeated: false, repeatedOfNumber: null })

    // an edit that changes nothing keeps the version and answers with the same card
    const same = await updateThenGet(desk, await editInput(desk, plain, { version: plain.version }))
    expect(JSON.stringify(same)).toBe(JSON.stringify(plain))
  })

  it('names the signatory of an answered appeal, and an organisation applicant, as get does', async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine })
    const housing = await desk.sector('housing')
    const head = await desk.ok('staff.create', {
      fullName: 'Сейітов Арман Бекұлы',
      position: 'Округ әкімі',
      positionRu: 'Аким округа',
      isExecutor: false,
    })
    const appeal = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-04-01T10:00' }))
    await bringTo(desk, appeal.id, 'in_progress')
    const answered = await desk.ok('appeals.transition', {
      id: appeal.id,
      to: 'answered',
      outcome: 'explained',
      answerText: 'Су құбыры мамыр айында жөнделеді.',
      answeredOn: '2026-04-15',
      outgoingNumber: '01-12/345',
      outgoingOn: '2026-04-15',
      signatoryId: head.id,
      delivery: 'post',
    })
    const edited = await updateThenGet(
      desk,
      await editInput(desk, answered, {
        version: answered.version,
        applicant: { kind: 'organisation', name: 'ЖШС «Қарабас Су»', bin: '051240001234', phone: null, address: null },
      }),
    )
    expect(edited.answer?.signatoryName).toBe('Сейітов Арман Бекұлы')
    expect(edited.applicantKind).toBe('organisation')
  })
})
