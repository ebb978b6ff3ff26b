import type { Locality, StaffMember } from '@shared/api/contract'
import { APPEAL_CHANNELS, APPEAL_TYPES, type AppealChannel, type AppealType } from '@shared/domain/appeal'
import { catalogs, LANGUAGES } from '@shared/i18n'
import { foldLabel } from './synonyms'

/**
 * Text cells → catalog entries and fixed lists: localities and executors by folded name, the
 * appeal type and channel by their names in kk/ru/en (the UI's own words) and common stems.
 */

/** Words around a place name that registers add or leave out: 'Қарабас ауылы' = 'с. Карабас'. */
const PLACE_WORDS = new Set(
  [
    'ауылы',
    'ауыл',
    'а',
    'с',
    'село',
    'селосы',
    'поселок',
    'посёлок',
    'п',
    'пос',
    'кенті',
    'кент',
    'ауылдық',
    'округі',
    'округ',
    'сельский',
    'со',
    'ао',
  ].map(foldLabel),
)
const placeName = (text: string) =>
  foldLabel(text)
    .split(' ')
    .filter((w) => !PLACE_WORDS.has(w))
    .join(' ')

export class CatalogMatcher {
  private readonly places = new Map<string, number>()
  private readonly staff: { id: number; words: string[] }[]
  /** Texts already matched: a register names the same few settlements and executors on every row. */
  private readonly seen = { locality: new Map<string, number | null>(), executor: new Map<string, number | null>() }

  constructor(localities: Locality[], staff: StaffMember[]) {
    // settlements first: a village named like its okrug is the village
    const active = localities
      .filter((l) => l.active)
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'settlement' ? -1 : 1))
    for (const l of active) {
      for (const name of [l.nameKk, l.nameRu, l.nameEn]) {
        const key = name ? placeName(name) : ''
        if (key !== '' && !this.places.has(key)) this.places.set(key, l.id)
      }
    }
    this.staff = staff.filter((s) => s.active).map((s) => ({ id: s.id, words: foldLabel(s.fullName).split(' ') }))
  }

  locality(text: string): number | null {
    return remembered(this.seen.locality, text, () => this.places.get(placeName(text)) ?? null)
  }

  /** 'Ахметов Серік Болатұлы', or 'Ахметов С.Б.' / 'Ахметов' when only one staff member fits. */
  executor(text: string): number | null {
    return remembered(this.seen.executor, text, () => this.findExecutor(text))
  }

  private findExecutor(text: string): number | null {
    const words = foldLabel(text).split(' ')
    const exact = this.staff.find((s) => s.words.join(' ') === words.join(' '))
    if (exact) return exact.id
    const [surname, ...rest] = words
    const initials = rest.join('').replace(/\s/g, '')
    const fits = this.staff.filter(
      (s) =>
        s.words[0] === surname &&
        (initials === '' || [...initials].every((letter, i) => s.words[i + 1]?.startsWith(letter))),
    )
    return fits.length === 1 ? fits[0]!.id : null
  }
}

/** Texts remembered per matcher (one analysis); a file with many distinct texts stops filling it. */
const MEMO_SIZE = 2000

function remembered<T>(memo: Map<string, T>, text: string, find: () => T): T {
  if (memo.has(text)) return memo.get(text)!
  const found = find()
  if (memo.size < MEMO_SIZE) memo.set(text, found)
  return found
}

/**
 * A value of a fixed list by its name in any language, else by the usual words at a word's
 * start, tried in the order of `stems` (the more specific first: 'Выездной прием' is a site
 * visit before it is a reception).
 */
export function byName<T extends string>(
  values: readonly T[],
  names: (value: T) => string[],
  stems: Record<T, string[]>,
) {
  const exact = values.map((value) => ({ value, names: names(value).map(foldLabel) }))
  const partial = (Object.keys(stems) as T[]).map((value) => ({ value, stems: stems[value].map(foldLabel) }))
  // a pure function of the text: remembered (the lists are fixed, and few texts name them)
  const memo = new Map<string, T | null>()
  return (text: string): T | null =>
    remembered(memo, text, () => {
      const folded = foldLabel(text)
      const found =
        exact.find((entry) => entry.names.includes(folded)) ??
        partial.find((entry) => entry.stems.some((stem) => ` ${folded}`.includes(` ${stem}`)))
      return found?.value ?? null
    })
}

export const appealTypeOf = byName<AppealType>(
  APPEAL_TYPES,
  (type) => LANGUAGES.map((lang) => catalogs[lang].appealType[type]),
  {
    application: ['арыз', 'заявлен', 'application'],
    complaint: ['шағым', 'жалоб', 'complaint'],
    proposal: ['ұсыныс', 'предлож', 'proposal'],
    request: ['сұрау', 'сұраным', 'запрос', 'request'],
    response: ['пікір', 'отклик', 'response'],
    report: ['хабарлама', 'сообщен', 'report'],
  },
)

export const channelOf = byName<AppealChannel>(
  APPEAL_CHANNELS,
  (channel) => LANGUAGES.map((lang) => catalogs[lang].channel[channel]),
  {
    site_visit: ['көшпелі', 'выездн', 'site visit', 'visit'],
    report_meeting: ['есептік', 'отчетн', 'отчётн', 'встреч', 'кездесу', 'meeting'],
    e_otinish: ['e өтініш', 'е өтініш', 'eotinish', 'e otinish', 'otinish', 'egov', 'электрон', 'онлайн', 'online'],
    phone: ['телефон', 'қоңырау', 'звонок', 'phone', 'call'],
    written: ['жазбаша', 'хат', 'письм', 'почт', 'пошта', 'written', 'letter', 'mail'],
    reception: ['жеке', 'қабылдау', 'личн', 'прием', 'приём', 'reception'],
  },
)
