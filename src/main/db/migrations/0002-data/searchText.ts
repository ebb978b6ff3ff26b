/**
 * The search text migration 0002 gave the appeals registered before it: number, applicant and
 * summary, folded as search folded them when 0002 shipped (Kazakh letters to their nearest
 * Russian ones, case, ё → е). Frozen with the migration: the app's own folding
 * (src/shared/domain/search.ts) may change, what 0002 wrote may not.
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

export function appealSearchText(regNumber: string, applicantName: string | null, summary: string): string {
  return fold([regNumber, applicantName ?? '', summary].join(' '))
}
