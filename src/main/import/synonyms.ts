import type { ImportField } from '@shared/api/contract'
import { foldForSearch } from '@shared/domain/search'

/**
 * Header names offices give their register columns, in Kazakh, Russian and English, per field.
 * Matching is on folded text (case, Kazakh letters, punctuation), so 'ЖСН/БСН', 'жсн бсн' and
 * 'ЖСН-БСН' are the same header. Short names (under 5 letters) must be a whole word of the
 * header; longer ones may also begin a word ('мекенжай' matches 'мекенжайы').
 */
const SYNONYMS: Record<ImportField, string[]> = {
  receivedDate: [
    'дата поступления',
    'дата обращения',
    'дата приема',
    'дата подачи',
    'дата',
    'түскен күні',
    'өтініш түскен күні',
    'қабылданған күні',
    'берілген күні',
    'күні',
    'received',
    'received date',
    'date',
  ],
  receivedTime: ['время', 'время поступления', 'уақыты', 'түскен уақыты', 'сағат', 'time'],
  applicantName: [
    'өтініш берушінің аты-жөні',
    'өтініш берушінің тегі, аты, әкесінің аты',
    'аты-жөні',
    'тегі, аты, әкесінің аты',
    'ТАӘ',
    'өтініш беруші',
    'ФИО',
    'Ф.И.О.',
    'ФИО заявителя',
    'заявитель',
    'applicant',
    'full name',
    'name',
  ],
  surname: ['тегі', 'фамилия', 'surname', 'last name'],
  firstName: ['аты', 'есімі', 'имя', 'first name'],
  patronymic: ['әкесінің аты', 'отчество', 'patronymic'],
  idNumber: [
    'ЖСН',
    'БСН',
    'ЖСН/БСН',
    'ИИН',
    'БИН',
    'ИИН/БИН',
    'жеке сәйкестендіру нөмірі',
    'индивидуальный идентификационный номер',
    'IIN',
    'BIN',
  ],
  phone: ['телефон', 'тел', 'байланыс телефоны', 'телефон нөмірі', 'контактный телефон', 'контакты', 'phone'],
  address: ['мекенжай', 'мекенжайы', 'тұрғылықты мекенжайы', 'адрес', 'адрес заявителя', 'address'],
  locality: [
    'елді мекен',
    'населенный пункт',
    'ауыл',
    'село',
    'ауылдық округ',
    'сельский округ',
    'locality',
    'village',
  ],
  sector: ['сала', 'саласы', 'сфера', 'отрасль', 'бағыты', 'направление', 'sector'],
  summary: [
    'қысқаша мазмұны',
    'өтініштің қысқаша мазмұны',
    'мазмұны',
    'мәселе',
    'мәселенің мазмұны',
    'сұрақ',
    'көтерілген мәселе',
    'краткое содержание',
    'содержание',
    'содержание обращения',
    'суть обращения',
    'суть',
    'вопрос',
    'текст обращения',
    'summary',
    'content',
  ],
  appealType: ['өтініш түрі', 'өтініштің түрі', 'түрі', 'вид обращения', 'тип обращения', 'вид', 'appeal type', 'type'],
  channel: [
    'түсу тәсілі',
    'түсу жолы',
    'қабылдау нысаны',
    'канал',
    'канал поступления',
    'способ поступления',
    'форма обращения',
    'источник',
    'channel',
  ],
  executor: ['орындаушы', 'жауапты орындаушы', 'исполнитель', 'ответственный', 'ответственный исполнитель', 'executor'],
  // the number on the applicant's side (e-Otinish, the sender's outgoing number)
  externalNumber: [
    'e-Өтініш нөмірі',
    'е-Өтініш нөмірі',
    'номер e-Otinish',
    'номер е-Отиниш',
    'сыртқы нөмір',
    'внешний номер',
    'исходящий номер',
    'шығыс нөмірі',
    'external number',
    'e-Otinish number',
  ],
  // the office's own number in its old register: kept as the appeal's external number
  ownNumber: [
    'тіркеу нөмірі',
    'тіркелу нөмірі',
    'кіріс нөмірі',
    'өтініш нөмірі',
    'входящий номер',
    'вх №',
    'вх. №',
    'регистрационный номер',
    'рег. №',
    'рег. номер',
    'номер обращения',
    '№ обращения',
    'registration number',
    'reference',
  ],
  registrationDate: [
    'тіркелген күні',
    'тіркеу күні',
    'тіркелу күні',
    'дата регистрации',
    'зарегистрировано',
    'registration date',
    'registered',
  ],
  status: ['күйі', 'мәртебесі', 'жай-күйі', 'статус', 'состояние', 'қаралу барысы', 'ход рассмотрения', 'status'],
  outcome: [
    'қарау нәтижесі',
    'нәтижесі',
    'нәтиже',
    'шешім',
    'результат рассмотрения',
    'результат',
    'решение',
    'outcome',
    'result',
  ],
  answerDate: [
    'жауап күні',
    'жауап берілген күні',
    'жауап берген күні',
    'орындалған күні',
    'дата ответа',
    'дата исполнения',
    'дата рассмотрения',
    'answer date',
    'answered on',
  ],
  answerText: ['жауап', 'жауаптың мазмұны', 'берілген жауап', 'ответ', 'содержание ответа', 'текст ответа', 'answer'],
}

/** Headers of a row-number column: never imported. */
const ROW_NUMBER_HEADERS = [
  'Р/с',
  'р/н',
  '№',
  '№ р/с',
  '№ п/п',
  'п/п',
  'реттік нөмірі',
  'реттік саны',
  'порядковый номер',
  'no',
  'nr',
]

/** Words that make a header about something else (the answer date, a birth date, a deadline…). */
const EXCLUDE: Partial<Record<ImportField, string[]>> = {
  receivedDate: ['ответ', 'жауап', 'рожден', 'туған', 'срок', 'мерзім', 'орында', 'исполн', 'испол'],
  firstName: ['әкесінің', 'тегі'],
  applicantName: ['орындаушы', 'исполнит', 'жауапты', 'ответствен'],
  externalNumber: ['телефон'],
  ownNumber: ['телефон', 'otinish', 'отиниш', 'внешн', 'сыртқы', 'исход', 'шығыс'],
  registrationDate: ['ответ', 'жауап', 'рожден', 'туған'],
  // 'Жауап күні' is the answer's date, 'Жауапты орындаушы' the executor
  answerText: ['күні', 'дата', 'date', 'нөмір', 'номер', '№', 'жауапты', 'ответствен', 'орында', 'исполн'],
  appealType: ['қабылдау', 'поступлен'],
}

/** Folds a header (or any label) for matching: case, Kazakh letters, punctuation → spaces. */
export function foldLabel(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim()
}

const FOLDED = Object.entries(SYNONYMS).map(([field, names]) => ({
  field: field as ImportField,
  names: [...new Set(names.map(foldLabel))],
  exclude: (EXCLUDE[field as ImportField] ?? []).map(foldLabel),
}))
const ROW_NUMBERS = new Set(ROW_NUMBER_HEADERS.map(foldLabel))

/** How well a header names each field: above 100 when it is exactly a known name; absent when it does not. */
export function fieldScores(header: string): Map<ImportField, number> {
  const h = foldLabel(header)
  const scores = new Map<ImportField, number>()
  if (h === '') return scores
  const words = h.split(' ')
  for (const { field, names, exclude } of FOLDED) {
    if (exclude.some((stem) => words.some((w) => w.startsWith(stem)))) continue
    let best = 0
    for (const name of names) {
      let score = 0
      if (h === name) score = 100 + name.length
      else if (` ${h} `.includes(` ${name} `)) score = 50 + name.length
      else if (name.length >= 5 && !name.includes(' ') && words.some((w) => w.startsWith(name)))
        score = 40 + name.length
      else if (name.length >= 5 && name.includes(' ') && ` ${h}`.includes(` ${name}`)) score = 45 + name.length
      best = Math.max(best, score)
    }
    if (best > 0) scores.set(field, best)
  }
  return scores
}

/** A row-number column ('Р/с', '№ п/п'): recognised so that it counts as a header, never imported. */
export const isRowNumberHeader = (header: string): boolean => ROW_NUMBERS.has(foldLabel(header))

/**
 * One suggested field per column, each field at most once: the best-scoring (column, field)
 * pairs are taken first, so 'Дата поступления' wins receivedDate over a bare 'Дата'.
 */
export function suggestFields(headers: string[]): (ImportField | null)[] {
  const pairs: { col: number; field: ImportField; score: number }[] = []
  headers.forEach((header, col) => {
    if (isRowNumberHeader(header)) return
    for (const [field, score] of fieldScores(header)) pairs.push({ col, field, score })
  })
  pairs.sort((a, b) => b.score - a.score || a.col - b.col)
  const result: (ImportField | null)[] = headers.map(() => null)
  const taken = new Set<ImportField>()
  for (const { col, field } of pairs) {
    if (result[col] !== null || taken.has(field)) continue
    result[col] = field
    taken.add(field)
  }
  return result
}
