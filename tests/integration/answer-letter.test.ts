import { beforeEach, describe, expect, it } from 'vitest'
import type { AnswerLetterDraft, Appeal } from '@shared/api/contract'
import { appealInput, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { keepPdf, pdfPages, pdfText } from '../helpers/pdf'

/**
 * The answer letter through appeals.answerLetterDraft and appeals.answerLetter: the draft is
 * filled from the office, the appeal's outcome and answer and the template of its language; the
 * PDF holds what the clerk sent (edited text included), read back as text with pdfjs in Kazakh
 * and Russian; both steps are for roles that see personal data, and each is in the history.
 * The office clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let appeal: Appeal
let akim: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  await desk.ok('office.update', {
    nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
    nameRu: 'Аппарат акима Карабасского сельского округа',
    addressKk: 'Қарабас ауылы, Бейбітшілік көшесі, 1',
    addressRu: 'село Карабас, улица Бейбитшилик, 1',
    headName: 'Сейітов Арман Бекұлы',
    headPosition: 'Округ әкімі',
    headPositionRu: 'Аким округа',
  })
  akim = (
    await desk.ok('staff.create', {
      fullName: 'Нұрланов Бауыржан Серікұлы',
      position: 'Әкімнің орынбасары',
      positionRu: 'Заместитель акима',
      isExecutor: false,
    })
  ).id
  const created = await desk.ok(
    'appeals.create',
    appealInput(await desk.sector('housing'), {
      receivedAt: '2026-04-01T10:00',
      applicant: person({
        surname: 'Құрманғалиев',
        firstName: 'Ұлан',
        patronymic: 'Өмірзақұлы',
        address: 'Қарабас ауылы, Абай көшесі, 12',
      }),
      summary: 'Ауыз су құбырын жөндеу туралы',
    }),
  )
  await desk.ok('appeals.transition', { id: created.id, to: 'in_progress' })
  appeal = await desk.ok('appeals.transition', {
    id: created.id,
    to: 'answered',
    outcome: 'refused',
    answerText: 'Құбыр аудандық бюджеттің 2027 жылғы жоспарына енгізілген.\n\nҚазіргі уақытта қаражат жоқ.',
    answeredOn: '2026-04-15',
    outgoingNumber: '01-12/345',
    outgoingOn: '2026-04-15',
    signatoryId: akim,
    delivery: 'post',
  })
})

/** The letter as drawn from a draft (the texts the clerk may change, as the form sends them). */
async function letter(draft: AnswerLetterDraft) {
  const { id, lang, addressee, address, decision, reasons, appealRoute, signatory, signatoryPosition } = draft
  const input = { id, lang, addressee, address, decision, reasons, appealRoute, signatory, signatoryPosition }
  const { fileName, base64 } = await desk.ok('appeals.answerLetter', input)
  const bytes = Buffer.from(base64, 'base64')
  return { fileName, bytes, text: (await pdfText(bytes)).replace(/\s+/g, ' ') }
}

describe('the answer letter', () => {
  it('in Kazakh: the draft from the template and the appeal, the PDF with the clerk’s edit', async () => {
    const draft = await desk.ok('appeals.answerLetterDraft', { id: appeal.id, lang: 'kk' })
    expect(draft).toMatchObject({
      officeName: 'Қарабас ауылдық округі әкімінің аппараты',
      officeAddress: 'Қарабас ауылы, Бейбітшілік көшесі, 1',
      outgoingNumber: '01-12/345',
      outgoingOn: '2026-04-15',
      addressee: 'Құрманғалиев Ұлан Өмірзақұлы',
      address: 'Қарабас ауылы, Абай көшесі, 12',
      decision: 'Сіздің 01.04.2026 № 2026-000001 өтінішіңіз қаралып, оны қанағаттандырудан бас тартылды.',
      signatory: 'Нұрланов Бауыржан Серікұлы',
      signatoryPosition: 'Әкімнің орынбасары',
    })
    expect(draft.reasons).toContain('2027 жылғы жоспарына')
    expect(draft.appealRoute).toContain('Әкімшілік рәсімдік-процестік кодексінде')

    const edited = 'Құбыр 2027 жылы жөнделеді, жұмыс кестесі ауыл әкімдігінде ілулі тұр.'
    const { fileName, bytes, text } = await letter({ ...draft, reasons: `${draft.reasons}\n\n${edited}` })
    await keepPdf(bytes, 'answer-letter-kk')
    expect(fileName).toBe('жауап-01-12_345.pdf')
    expect(await pdfPages(bytes)).toBe(1)
    for (const part of [
      'Қарабас ауылдық округі әкімінің аппараты',
      'Қарабас ауылы, Бейбітшілік көшесі, 1',
      'Шығыс № 01-12/345, 15.04.2026',
      'Құрманғалиев Ұлан Өмірзақұлы',
      'Қарабас ауылы, Абай көшесі, 12',
      'бас тартылды',
      'Қазіргі уақытта қаражат жоқ.',
      'жұмыс кестесі ауыл әкімдігінде ілулі тұр',
      'жоғары тұрған әкімшілік органға',
      'Әкімнің орынбасары',
      'Нұрланов Бауыржан Серікұлы',
    ])
      expect(text).toContain(part)

    // both steps are in the appeal's history: the draft as a reveal, the PDF as an export
    const history = (await desk.ok('appeals.get', { id: appeal.id })).history
    expect(history.filter((e) => e.action === 'reveal')).toHaveLength(1)
    const exported = history.filter((e) => e.action === 'export')
    expect(exported).toEqual([
      expect.objectContaining({ field: 'answerLetter', newValue: JSON.stringify({ lang: 'kk', fileName }) }),
    ])
  })

  it('in Russian: Russian template, office and position; without an outgoing number a blank to fill in', async () => {
    const fresh = await desk.ok('appeals.get', { id: appeal.id })
    await desk.ok('appeals.updateAnswer', {
      id: appeal.id,
      version: fresh.version,
      outgoingNumber: null,
      outgoingOn: null,
      signatoryId: null,
      signatoryName: null,
      delivery: null,
    })
    const draft = await desk.ok('appeals.answerLetterDraft', { id: appeal.id, lang: 'ru' })
    // no signatory recorded: the office's head signs
    expect(draft).toMatchObject({
      officeName: 'Аппарат акима Карабасского сельского округа',
      signatory: 'Сейітов Арман Бекұлы',
      signatoryPosition: 'Аким округа',
      outgoingNumber: null,
    })
    const { fileName, bytes, text } = await letter(draft)
    await keepPdf(bytes, 'answer-letter-ru')
    expect(fileName).toBe('otvet-2026-000001.pdf')
    for (const part of [
      'Аппарат акима Карабасского сельского округа',
      'село Карабас, улица Бейбитшилик, 1',
      'Исх. № ________',
      'Ваше обращение от 01.04.2026 № 2026-000001 рассмотрено, в его удовлетворении отказано.',
      'вышестоящий административный орган',
      'Аким округа',
    ])
      expect(text).toContain(part)
    expect(text).not.toContain('Шағымдану')
  })

  it('is refused to a role that may not see personal data, and for an appeal not answered', async () => {
    for (const method of ['appeals.answerLetterDraft', 'appeals.answerLetter'])
      for (const role of ['press', 'viewer'] as const) {
        const result = await desk.core.dispatch(method, { id: appeal.id, lang: 'kk' }, userContext(role))
        expect(result.ok, `${method} as ${role}`).toBe(false)
        if (!result.ok) expect(result.error.code).toBe('forbidden')
      }
    // the service's own check, for callers that do not pass the dispatcher's table
    await expect(
      desk.core.services.answerLetter.draft({ id: appeal.id, lang: 'kk' }, userContext('press')),
    ).rejects.toMatchObject({ code: 'forbidden' })

    const open = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { applicant: person({ iin: null }) }),
    )
    const error = await desk.fail('appeals.answerLetterDraft', { id: open.id, lang: 'kk' })
    expect(error.issues).toEqual([{ path: ['id'], messageKey: 'answers.validation.notAnswered' }])
  })
})
