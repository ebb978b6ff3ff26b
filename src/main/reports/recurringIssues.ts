import { foldForSearch } from '@shared/domain/search'

/** A question as the press summary groups it. */
export interface RaisedQuestion {
  sectorId: number | null
  localityId: number | null
  summary: string
}

/** Questions found to be about one issue: its wording (the most used one), where, how often. */
export interface RecurringIssue {
  summary: string
  sectorId: number | null
  localityId: number | null
  count: number
}

/** Words that say nothing about the issue itself (folded, as keyWords compares them). */
const STOP_WORDS = new Set(
  [
    // kk
    'және',
    'туралы',
    'бойынша',
    'үшін',
    'керек',
    'қажет',
    'мәселесі',
    'мәселе',
    'сұрақ',
    'сұраймын',
    'өтініш',
    // ru
    'вопрос',
    'просим',
    'прошу',
    'просьба',
    'также',
    'очень',
    'необходимо',
    'нужно',
  ].map(foldForSearch),
)
/** Folded letters a word is compared by: enough to hold a stem across kk and ru endings (жолдар, жолдың; дороги, дорогу). */
const STEM = 5
const MIN_WORD = 4

/**
 * The key words of a question: its words folded as search folds them (so "Қарабас" and
 * "Карабас", "жарығы" and "жарыгы" agree), the short and empty ones left out, each cut to its
 * stem so that case endings do not part the same word.
 */
export function keyWords(summary: string): Set<string> {
  const words = foldForSearch(summary).split(/[^\p{L}\p{N}]+/u)
  return new Set(words.filter((w) => w.length >= MIN_WORD && !STOP_WORDS.has(w)).map((w) => w.slice(0, STEM)))
}

/**
 * The issues raised more than once, most often first: questions of the same sector and
 * locality are one issue when they share two key words (one, when either has only one). The
 * issue is named by its most used wording (the earliest on a tie). An empty list means that no
 * issue was raised twice.
 */
export function recurringIssues(questions: RaisedQuestion[]): RecurringIssue[] {
  const words = questions.map((q) => keyWords(q.summary))
  const parent = questions.map((_, i) => i)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  const byPlace = new Map<string, number[]>()
  questions.forEach((q, i) => {
    const place = `${q.sectorId}:${q.localityId}`
    byPlace.set(place, [...(byPlace.get(place) ?? []), i])
  })
  for (const members of byPlace.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const [i, j] = [members[a]!, members[b]!]
        const shared = [...words[i]!].filter((w) => words[j]!.has(w)).length
        const needed = Math.min(2, words[i]!.size, words[j]!.size)
        if ((needed > 0 && shared >= needed) || sameText(questions[i]!, questions[j]!)) parent[root(i)] = root(j)
      }
    }
  }
  const groups = new Map<number, number[]>()
  questions.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]))
  const issues: RecurringIssue[] = []
  for (const members of groups.values()) {
    if (members.length < 2) continue
    const first = questions[members[0]!]!
    issues.push({
      summary: mostUsedWording(members.map((i) => questions[i]!.summary.trim())),
      sectorId: first.sectorId,
      localityId: first.localityId,
      count: members.length,
    })
  }
  return issues.sort((a, b) => b.count - a.count || a.summary.localeCompare(b.summary))
}

const sameText = (a: RaisedQuestion, b: RaisedQuestion) =>
  foldForSearch(a.summary).trim() === foldForSearch(b.summary).trim()

function mostUsedWording(wordings: string[]): string {
  const uses = new Map<string, number>()
  for (const w of wordings) uses.set(w, (uses.get(w) ?? 0) + 1)
  let best = wordings[0]!
  for (const w of wordings) if (uses.get(w)! > uses.get(best)!) best = w
  return best
}
