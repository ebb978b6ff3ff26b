import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { appealInput, OPERATOR, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { keepPdf, pdfPages, pdfText } from '../helpers/pdf'

/**
 * The receipt slip (талон) through appeals.receipt: a real PDF, read back as text with
 * pdfjs, so that Kazakh letters are checked as text a reader can copy and
 * search, not only as shapes. The office clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let appeal: Appeal

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  await desk.ok('office.update', {
    nameKk: 'Қарабас ауылдық округі әкімінің аппараты',
    nameRu: 'Аппарат акима Карабасского сельского округа',
    district: 'Бұқар жырау ауданы',
    region: 'Қарағанды облысы',
  })
  appeal = await desk.ok(
    'appeals.create',
    appealInput(await desk.sector('housing'), {
      receivedAt: '2026-03-16T10:05',
      applicant: person({ surname: 'Құрманғалиев', firstName: 'Ұлан', patronymic: 'Өмірзақұлы' }),
      summary: 'Ауыз су құбырын жөндеу туралы',
    }),
  )
})

/** The receipt as a PDF file and its text (whitespace runs folded to one space). */
async function receipt(id: number, lang: 'kk' | 'ru') {
  const { fileName, base64 } = await desk.ok('appeals.receipt', { id, lang })
  const bytes = Buffer.from(base64, 'base64')
  const text = (await pdfText(bytes)).replace(/\s+/g, ' ')
  return { fileName, bytes, text }
}

describe('appeals.receipt', () => {
  it('in Kazakh: a PDF with the title, number, dates, applicant and who accepted it, as text', async () => {
    const { fileName, bytes, text } = await receipt(appeal.id, 'kk')
    await keepPdf(bytes, 'receipt-kk')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(fileName).toBe('талон-2026-000001.pdf')
    expect(text).toContain('Өтінішті қабылдау туралы талон')
    expect(text).toContain('Қарабас ауылдық округі әкімінің аппараты')
    expect(text).toContain('2026-000001')
    expect(text).toContain('Құрманғалиев Ұлан Өмірзақұлы')
    expect(text).toContain('16.03.2026 10:05') // received
    expect(text).toContain('09.04.2026') // due: 15 working days over Nauryz
    expect(text).toContain(`${OPERATOR.fullName}, ${OPERATOR.position}`)
    expect(text).toContain('Ауыз су құбырын жөндеу туралы')
  })

  it('in Russian: the Russian title and office name, the same number and applicant', async () => {
    const { fileName, bytes, text } = await receipt(appeal.id, 'ru')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(fileName).toBe('talon-2026-000001.pdf')
    expect(text).toContain('Талон о приеме обращения')
    expect(text).toContain('Аппарат акима Карабасского сельского округа')
    expect(text).toContain('2026-000001')
    expect(text).toContain('Құрманғалиев Ұлан Өмірзақұлы')
    expect(text).not.toContain('Өтінішті қабылдау туралы талон')
  })

  it('names an anonymous applicant as such', async () => {
    const anonymous = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { applicant: { kind: 'anonymous' } }),
    )
    expect((await receipt(anonymous.id, 'kk')).text).toContain('Анонимді өтініш')
    expect((await receipt(anonymous.id, 'ru')).text).toContain('Анонимное обращение')
  })

  it('is one A4 sheet of two halves, the applicant’s slip and the office’s copy, with the same content', async () => {
    const count = (text: string, part: string) => text.split(part).length - 1
    for (const [lang, applicantCopy, officeCopy, handed, cut] of [
      ['kk', 'Өтініш берушіге', 'Әкімдікте қалатын данасы', 'Талонды алдым', 'осы жерден қиыңыз'],
      ['ru', 'Заявителю', 'Экземпляр акимата', 'Талон получил(а)', 'линия отреза'],
    ] as const) {
      const { bytes, text } = await receipt(appeal.id, lang)
      await keepPdf(bytes, `receipt-two-halves-${lang}`)
      expect(await pdfPages(bytes)).toBe(1)
      const [first, second] = text.split(cut) as [string, string]
      expect(second, 'a cut line between the halves').toBeDefined()
      expect(first).toContain(applicantCopy)
      expect(first).not.toContain(officeCopy)
      expect(second).toContain(officeCopy)
      // the applicant signs for the slip on the office's copy only
      expect(first).not.toContain(handed)
      expect(second).toContain(handed)
      for (const part of ['2026-000001', 'Құрманғалиев Ұлан Өмірзақұлы', 'Ауыз су құбырын жөндеу туралы', '09.04.2026'])
        expect([count(first, part), count(second, part)], part).toEqual([1, 1])
    }
  })

  it('carries no IIN, phone or address on either half', async () => {
    const withData = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), {
        applicant: person({
          surname: 'Құрманғалиев',
          firstName: 'Ұлан',
          patronymic: 'Өмірзақұлы',
          phone: '+7 701 123 45 67',
          address: 'Қарабас ауылы, Абай көшесі, 12',
        }),
      }),
    )
    const { text } = await receipt(withData.id, 'kk')
    for (const part of ['123 45 67', 'Абай көшесі', person().iin!]) expect(text).not.toContain(part)
  })

  it('is not_found for an unknown appeal', async () => {
    const error = await desk.fail('appeals.receipt', { id: 404, lang: 'kk' })
    expect(error.code).toBe('not_found')
  })
})
