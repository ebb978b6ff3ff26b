/**
 * Folds text for search so that a query typed without Kazakh letters finds the Kazakh
 * spelling: "Жумабек" finds "Жұмабек", "Кайрат" finds "Қайрат", "Омирбек" finds "Өмірбек".
 * Applied to the indexed text and to the query alike. Also folds case and ё → е.
 */
const FOLD: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
}

export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[әғқңөұүһіё]/g, (ch) => FOLD[ch] ?? ch)
}

/**
 * The text an appeal is found by: its number and the office's own earlier number (the
 * external one), each also as its count alone ("2026-000012" is found by "12"), the applicant
 * and the summary, folded. It never holds personal data: see personalSearchText.
 */
export function appealSearchText(
  regNumber: string,
  applicantName: string | null,
  summary: string,
  externalNumber: string | null = null,
): string {
  const numbers = [regNumber, externalNumber ?? ''].flatMap((n) => [n, numberCount(n)])
  return foldForSearch([...numbers, applicantName ?? '', summary].filter((t) => t !== '').join(' '))
}

/** A number's last run of digits without its leading zeros ("ӨТ-2026-00012" → "12"); '' when that adds nothing. */
function numberCount(number: string): string {
  const last = /(\d+)\D*$/.exec(number)?.[1]
  const count = last?.replace(/^0+(?=\d)/, '') ?? ''
  return count === last ? '' : count
}

/**
 * The applicant's personal data as it is searched (law 94-V: only by a caller who may see it,
 * AppealQueries): the IIN/BIN, the phone as its national ten digits and every ending of them
 * from four digits on (so "4567" and "+7 701 123 45 67" both find it: a word is matched by its
 * start), and the address, folded. Kept apart from appealSearchText so that a search by anyone
 * else never reads it.
 */
export function personalSearchText(idNumber: string | null, phone: string | null, address: string | null): string {
  const digits = phone ? nationalPhone(phone.replace(/\D/g, '')) : ''
  const endings: string[] = []
  for (let start = 0; digits.length - start >= PHONE_ENDING; start += 1) endings.push(digits.slice(start))
  return foldForSearch([idNumber ?? '', ...endings, address ?? ''].filter((t) => t !== '').join(' '))
}

/** The shortest ending of a phone number that finds it (the last four digits people quote). */
const PHONE_ENDING = 4

/** A Kazakh number without its country or trunk prefix: "77011234567" and "87011234567" → "7011234567". */
function nationalPhone(digits: string): string {
  return digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits
}

/**
 * A query typed as a phone number ("+7 701 123 45 67", "8 (701) 123-45-67", "4567"): digits
 * with only spaces, dashes, brackets and a plus between them, at least four digits (after
 * "+7"); it is then
 * searched as one number in the personal data (its national form) besides word by word.
 */
export function phoneQuery(query: string): string | null {
  if (!/^[\d\s()+-]+$/.test(query)) return null
  // "+7 701" is the start of a number with its country code, whatever its length
  const digits = query.replace(/\D/g, '').replace(/^7(?=\d)/, query.trim().startsWith('+7') ? '' : '7')
  return digits.length >= PHONE_ENDING ? nationalPhone(digits) : null
}

/**
 * A user's query as an FTS5 expression: each word folded, quoted (so punctuation cannot
 * become query syntax) and matched as a prefix; all words must match. `personal`: also in the
 * applicant's personal data (column personal_search_text), and a phone number as one number
 * there; otherwise the words are looked for in search_text alone.
 */
export function ftsQuery(query: string, personal = false): string | null {
  const words = searchWords(query)
  if (words.length === 0) return null
  const all = words.map((w) => `"${w}"*`).join(' ')
  if (!personal) return `{search_text} : (${all})`
  const phone = phoneQuery(query)
  if (!phone) return all
  // Typed as a number: as one number in the personal data, or word by word as a registration
  // or external number (in search_text). A lone digit ("+7 …") is left out of the words: as a
  // prefix it matches a good part of a register and made a phone search cost 0.6 s at a million.
  const numberWords = words.filter((w) => w.length > 1)
  const byPhone = `{personal_search_text} : "${phone}"*`
  if (numberWords.length === 0) return byPhone
  return `{search_text} : (${numberWords.map((w) => `"${w}"*`).join(' ')}) OR ${byPhone}`
}

/** A user's query as the folded words it searches for (letters and digits; the rest separates them). */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/** What an appeal's two search texts are made of, as its row names them. */
export interface SearchedFields {
  regNumber: string
  externalNumber: string | null
  applicantName: string | null
  summary: string
  applicantIdNumber: string | null
  applicantPhone: string | null
  applicantAddress: string | null
}

/** An appeal's two search columns, computed wherever a row is written (registration, edit, packages). */
export function appealSearchColumns(row: SearchedFields): { searchText: string; personalSearchText: string } {
  return {
    searchText: appealSearchText(row.regNumber, row.applicantName, row.summary, row.externalNumber),
    personalSearchText: personalSearchText(row.applicantIdNumber, row.applicantPhone, row.applicantAddress),
  }
}
