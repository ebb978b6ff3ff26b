import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { appealInput, OPERATOR, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { pdfPageTexts } from '../helpers/pdfPageTexts'

/**
 * The receipt of an extended appeal, and the position of who accepted it in the receipt's
 * language. The office clock stands at Monday 20 April 2026.
 *
 * Received Monday 16 March 2026 10:05, registered that day; 15 working days over Nauryz
 * (21-25 March off) end on Thursday 9 April. Extended on 6 April (before the term ran out) to
 * 15 May, within two months of registration.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let appeal: Appeal

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  appeal = await desk.ok(
    'appeals.create',
    appealInput(await desk.sector('housing'), { receivedAt: '2026-03-16T10:05', summary: 'Ауыз су құбырын жөндеу' }),
  )
})

const receiptText = async (lang: 'kk' | 'ru') => {
  const { base64 } = await desk.ok('appeals.receipt', { id: appeal.id, lang })
  return (await pdfPageTexts(Buffer.from(base64, 'base64'))).join(' ').replace(/\s+/g, ' ')
}

describe('the receipt of an extended appeal', () => {
  it('shows the first term, and the extended one with the day of the decision (kk, ru)', async () => {
    expect(await receiptText('kk')).not.toContain('Ұзартылған мерзім')
    await desk.ok('appeals.extend', {
      id: appeal.id,
      extendedDueOn: '2026-05-15',
      reason: 'Жер учаскесін қосымша тексеру қажет',
      decidedOn: '2026-04-06',
      notifiedOn: null,
    })
    const kk = await receiptText('kk')
    expect(kk).toContain('Қарау мерзімі 09.04.2026')
    expect(kk).toContain('Ұзартылған мерзім 15.05.2026 дейін (ұзарту туралы шешім 06.04.2026)')
    const ru = await receiptText('ru')
    expect(ru).toContain('Срок рассмотрения 09.04.2026')
    expect(ru).toContain('Срок продлен до 15.05.2026 (решение о продлении от 06.04.2026)')
  }, 60_000)
})

describe('who accepted the appeal, on the receipt', () => {
  it('has the position in Kazakh on a kk receipt and none on a ru one until the Russian position is typed', async () => {
    expect(await receiptText('kk')).toContain(`Қабылдаған ${OPERATOR.fullName}, ${OPERATOR.position}`)
    const ru = await receiptText('ru')
    expect(ru).toContain(`Принял(а) ${OPERATOR.fullName}`)
    expect(ru).not.toContain(OPERATOR.position)

    const staff = (await desk.ok('staff.list', {})).find((s) => s.fullName === OPERATOR.fullName)!
    await desk.ok('staff.update', { ...staff, positionRu: 'Главный специалист', department: null })
    expect(await receiptText('ru')).toContain(`Принял(а) ${OPERATOR.fullName}, Главный специалист`)
    expect(await receiptText('kk')).toContain(`${OPERATOR.fullName}, ${OPERATOR.position}`)
  }, 60_000)
})
