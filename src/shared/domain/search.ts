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

/** The text an appeal is found by: its number, the applicant and the summary, folded. */
export function appealSearchText(regNumber: string, applicantName: string | null, summary: string): string {
  return foldForSearch([regNumber, applicantName ?? '', summary].join(' '))
}

/**
 * A user's query as an FTS5 expression: each word folded, quoted (so punctuation cannot
 * become query syntax) and matched as a prefix; all words must match.
 */
export function ftsQuery(query: string): string | null {
  const words = searchWords(query)
  if (words.length === 0) return null
  return words.map((w) => `"${w}"*`).join(' ')
}

/** A user's query as the folded words it searches for (letters and digits; the rest separates them). */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}
