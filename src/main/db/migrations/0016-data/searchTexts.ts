/**
 * The two search texts as migration 0016 wrote them for the appeals already registered: the
 * public one (numbers, each also as its count alone, applicant, summary) and the personal one
 * (IIN/BIN, the phone's national digits and their endings from four digits, address), folded.
 * Frozen with the migration: the app's own (src/shared/domain/search.ts) may change, what
 * 0016 wrote may not.
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

function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[әғқңөұүһіё]/g, (ch) => FOLD[ch] ?? ch)
}

function numberCount(number: string): string {
  const last = /(\d+)\D*$/.exec(number)?.[1]
  const count = last?.replace(/^0+(?=\d)/, '') ?? ''
  return count === last ? '' : count
}

export function publicSearchText(
  regNumber: string,
  externalNumber: string | null,
  applicantName: string | null,
  summary: string,
): string {
  const numbers = [regNumber, externalNumber ?? ''].flatMap((n) => [n, numberCount(n)])
  return fold([...numbers, applicantName ?? '', summary].filter((t) => t !== '').join(' '))
}

export function personalSearchText(idNumber: string | null, phone: string | null, address: string | null): string {
  let digits = phone ? phone.replace(/\D/g, '') : ''
  if (digits.length === 11 && /^[78]/.test(digits)) digits = digits.slice(1)
  const endings: string[] = []
  for (let start = 0; digits.length - start >= 4; start += 1) endings.push(digits.slice(start))
  return fold([idNumber ?? '', ...endings, address ?? ''].filter((t) => t !== '').join(' '))
}
