import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, Appeal } from '@shared/api/contract'
import { maskIin } from '@shared/domain/personalData'
import { appealInput, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { asRole } from '../helpers/context'
import { ENGINES } from '../helpers/engines'

/**
 * One person under two spellings: appeals.duplicates finds the applicant's other spellings
 * (the same IIN/BIN under another name, the same folded name with another IIN/BIN or none), and
 * appeals.mergeApplicants gives the chosen appeals one name and one IIN/BIN in one transaction,
 * their before-values in the history, under optimistic locking.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let housing: number
  /** "Ахметов Серик", no IIN, his own phone and address. */
  let noIin: Appeal
  /** "Ахметов Серік Болатұлы" with his IIN. */
  let withIin: Appeal
  /** The same IIN under another surname (confirmed when registered). */
  let renamed: Appeal
  /** Another man of the same name: another IIN. */
  let namesake: Appeal
  /** Someone else altogether. */
  let stranger: Appeal

  const create = (over: Partial<ApiInput<'appeals.create'>>): Promise<Appeal> =>
    desk.ok('appeals.create', appealInput(housing, over))

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    housing = await desk.sector('housing')
    noIin = await create({
      receivedAt: '2026-03-02T10:00',
      applicant: person({
        surname: 'Ахметов',
        firstName: 'Серик',
        patronymic: null,
        iin: null,
        phone: '+7 705 000 1122',
        address: 'Абай көшесі, 3',
      }),
    })
    withIin = await create({
      receivedAt: '2026-03-10T10:00',
      applicant: person({ surname: 'Ахметов', firstName: 'Серік', patronymic: 'Болатұлы', iin: IIN.nurlan }),
    })
    renamed = await create({
      receivedAt: '2026-03-12T10:00',
      applicant: person({ surname: 'Ахмет', firstName: 'Серік', patronymic: null, iin: IIN.nurlan }),
      applicantNameConfirmed: true,
    })
    namesake = await create({
      receivedAt: '2026-03-13T10:00',
      applicant: person({ surname: 'Ахметов', firstName: 'Серік', patronymic: 'Маратұлы', iin: IIN.other }),
    })
    stranger = await create({
      receivedAt: '2026-03-14T10:00',
      applicant: person({ surname: 'Жұмабеков', firstName: 'Нұрлан', iin: IIN.aigul }),
    })
  })

  const row = async (id: number) =>
    (
      await desk.sql<Record<string, unknown>>(
        'SELECT applicant_name, applicant_surname, applicant_first_name, applicant_patronymic, applicant_id_number, applicant_phone, applicant_address, version FROM appeals WHERE id = ?',
        [id],
      )
    )[0]!
  const at = (appeal: Appeal) => ({ id: appeal.id, version: appeal.version })

  it('lists the applicant’s other spellings: same IIN under another name, same name with another IIN or none', async () => {
    const { variants } = await desk.ok('appeals.duplicates', { id: withIin.id })
    expect(variants.map((v) => [v.match, v.name, v.idNumber, v.appeals.map((a) => a.id)])).toEqual([
      ['self', 'Ахметов Серік Болатұлы', maskIin(IIN.nurlan), [withIin.id]],
      ['name', 'Ахметов Серік Маратұлы', maskIin(IIN.other), [namesake.id]],
      ['idNumber', 'Ахмет Серік', maskIin(IIN.nurlan), [renamed.id]],
      ['name', 'Ахметов Серик', null, [noIin.id]],
    ])
    expect(variants[0]!.appeals[0]).toEqual({
      id: withIin.id,
      regNumber: withIin.regNumber,
      registeredOn: withIin.registeredOn,
      version: withIin.version,
    })
    // found from the spelling without an IIN too (by its folded name only)
    const fromNoIin = await desk.ok('appeals.duplicates', { id: noIin.id })
    expect(fromNoIin.variants.map((v) => v.appeals[0]!.id).sort()).toEqual([noIin.id, withIin.id, namesake.id].sort())
    // nobody else shares the stranger's name or number
    expect((await desk.ok('appeals.duplicates', { id: stranger.id })).variants).toHaveLength(1)
  })

  it('rewrites the chosen appeals only, bumps their versions, keeps each one’s phone and address', async () => {
    const before = {
      renamed: await row(renamed.id),
      namesake: await row(namesake.id),
      stranger: await row(stranger.id),
    }
    const result = await desk.ok('appeals.mergeApplicants', {
      appeals: [at(noIin), at(withIin)],
      nameFrom: withIin.id,
      idNumberFrom: withIin.id,
    })
    expect(result).toEqual({ changed: [noIin.id] })
    expect(await row(noIin.id)).toEqual({
      applicant_name: 'Ахметов Серік Болатұлы',
      applicant_surname: 'Ахметов',
      applicant_first_name: 'Серік',
      applicant_patronymic: 'Болатұлы',
      applicant_id_number: IIN.nurlan,
      applicant_phone: '+7 705 000 1122',
      applicant_address: 'Абай көшесі, 3',
      version: noIin.version + 1,
    })
    // the kept one read so already: untouched, same version
    expect((await row(withIin.id)).version).toBe(withIin.version)
    expect(await row(renamed.id)).toEqual(before.renamed)
    expect(await row(namesake.id)).toEqual(before.namesake)
    expect(await row(stranger.id)).toEqual(before.stranger)
  })

  it('then finds every appeal by either spelling and by the IIN', async () => {
    await desk.ok('appeals.mergeApplicants', {
      appeals: [at(noIin), at(withIin), at(renamed)],
      nameFrom: noIin.id,
      idNumberFrom: withIin.id,
    })
    const found = async (query: string) =>
      (await desk.ok('appeals.list', { query })).rows
        .map((r) => r.id)
        .filter((id) => id !== namesake.id)
        .sort()
    const all = [noIin.id, withIin.id, renamed.id].sort()
    expect(await found('Ахметов Серик')).toEqual(all)
    expect(await found('Ахметов Серік')).toEqual(all)
    expect(await found(IIN.nurlan)).toEqual(all)
    expect((await desk.ok('appeals.get', { id: renamed.id })).applicantName).toBe('Ахметов Серик')
  })

  it('writes the before-values of each appeal and the merge itself into a history that verifies', async () => {
    await desk.ok('appeals.mergeApplicants', {
      appeals: [at(noIin), at(withIin), at(renamed)],
      nameFrom: withIin.id,
      idNumberFrom: withIin.id,
    })
    const card = await desk.ok('appeals.get', { id: noIin.id })
    const merged = card.history.filter((e) => e.action === 'merge')
    expect(merged.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['applicantName', JSON.stringify('Ахметов Серик'), JSON.stringify('Ахметов Серік Болатұлы')],
      // stored masked (audit.ts), and masked again as every card masks an IIN
      ['applicantIdNumber', 'null', expect.stringMatching(/^"•+4"$/)],
    ])
    expect(merged.every((e) => e.operator === 'Жұмағалиева Әсем Серікқызы')).toBe(true)
    const [entry] = await desk.sql<{ entity_id: string; operator: string; new_value: string }>(
      "SELECT entity_id, operator, new_value FROM audit_entries WHERE entity = 'applicantMerge'",
    )
    expect(entry!.entity_id).toBe(String(withIin.id))
    expect(entry!.operator).toBe('Жұмағалиева Әсем Серікқызы')
    const recorded = JSON.parse(entry!.new_value) as {
      by: { username: string }
      kept: { name: string; idNumber: string }
      appeals: { id: number; regNumber: string; version: number; before: { name: string; idNumber: string | null } }[]
    }
    expect(recorded.by.username).toBe('administrator')
    expect(recorded.kept).toMatchObject({ name: 'Ахметов Серік Болатұлы', idNumber: maskIin(IIN.nurlan) })
    expect(recorded.appeals).toEqual([
      {
        id: noIin.id,
        regNumber: noIin.regNumber,
        version: noIin.version,
        before: { name: 'Ахметов Серик', surname: 'Ахметов', firstName: 'Серик', patronymic: null, idNumber: null },
      },
      {
        id: renamed.id,
        regNumber: renamed.regNumber,
        version: renamed.version,
        before: {
          name: 'Ахмет Серік',
          surname: 'Ахмет',
          firstName: 'Серік',
          patronymic: null,
          idNumber: maskIin(IIN.nurlan),
        },
      },
    ])
    // no full IIN anywhere in the history
    expect(
      await desk.sql(`SELECT id FROM audit_entries WHERE new_value LIKE ? OR old_value LIKE ?`, [
        `%${IIN.nurlan}%`,
        `%${IIN.nurlan}%`,
      ]),
    ).toEqual([])
    expect(await desk.ok('audit.verify', {})).toMatchObject({ firstBroken: null, head: { state: 'ok' } })
  })

  it('refuses roles without personal data, and the head (who edits no appeals) the merge', async () => {
    const merge = { appeals: [at(noIin), at(withIin)], nameFrom: withIin.id, idNumberFrom: withIin.id }
    for (const role of ['press', 'viewer'] as const) {
      for (const [method, input] of [
        ['appeals.duplicates', { id: withIin.id }],
        ['appeals.mergeApplicants', merge],
      ] as const) {
        const result = await desk.core.dispatch(method, input, asRole(role))
        expect(result.ok ? null : result.error.code).toBe('forbidden')
      }
    }
    expect((await desk.core.dispatch('appeals.duplicates', { id: withIin.id }, asRole('head'))).ok).toBe(true)
    const byHead = await desk.core.dispatch('appeals.mergeApplicants', merge, asRole('head'))
    expect(byHead.ok ? null : byHead.error.code).toBe('forbidden')
    expect((await desk.core.dispatch('appeals.mergeApplicants', merge, asRole('clerk'))).ok).toBe(true)
  })

  it('writes nothing when one appeal is stale, annulled, unrelated, or would lose its IIN', async () => {
    const annulled = await desk.ok('appeals.annul', {
      id: stranger.id,
      version: stranger.version,
      reason: 'Қате енгізілген',
    })
    const snapshot = async () => ({
      rows: await Promise.all([noIin, withIin, renamed, namesake].map((a) => row(a.id))),
      history: await desk.count('audit_entries'),
    })
    const start = await snapshot()
    // another desk edited `renamed` since the clerk looked: the whole merge is refused
    await desk.sql('UPDATE appeals SET version = version + 1 WHERE id = ?', [renamed.id])
    const startStale = await snapshot()
    const stale = await desk.fail('appeals.mergeApplicants', {
      appeals: [at(noIin), at(withIin), at(renamed)],
      nameFrom: withIin.id,
      idNumberFrom: withIin.id,
    })
    expect(stale.code).toBe('conflict')
    expect(await snapshot()).toEqual(startStale)
    await desk.sql('UPDATE appeals SET version = version - 1 WHERE id = ?', [renamed.id])
    expect(await snapshot()).toEqual(start)

    const refusals: [ApiInput<'appeals.mergeApplicants'>, string, (string | number)[]][] = [
      [
        { appeals: [at(noIin), at(withIin), at(annulled)], nameFrom: withIin.id, idNumberFrom: withIin.id },
        'validation.appealAnnulled',
        ['appeals', 2, 'id'],
      ],
      [
        { appeals: [at(noIin), at(withIin)], nameFrom: withIin.id, idNumberFrom: noIin.id },
        'applicantMerge.errors.idNumberDropped',
        ['idNumberFrom'],
      ],
      [
        { appeals: [at(noIin), at(renamed)], nameFrom: renamed.id, idNumberFrom: renamed.id },
        'applicantMerge.errors.unrelated',
        ['appeals', 0, 'id'],
      ],
      [
        { appeals: [at(noIin), at(withIin)], nameFrom: namesake.id, idNumberFrom: withIin.id },
        'applicantMerge.errors.notAmong',
        ['nameFrom'],
      ],
    ]
    for (const [input, messageKey, path] of refusals) {
      const error = await desk.fail('appeals.mergeApplicants', input)
      expect(error.issues).toEqual([expect.objectContaining({ path, messageKey })])
      expect(await snapshot()).toEqual(start)
    }
  })
})
