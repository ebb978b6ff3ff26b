import type { EntityManager } from 'typeorm'
import type { ImportSectorText } from '@shared/api/contract'
import type { Sector } from '@shared/domain/sector'
import type { SettingsStore } from '../services/settingsStore'
import { foldLabel } from './synonyms'

/**
 * Free-text sector names of a register ('ЖКХ', 'Жер мәселесі', 'Әлеуметтік сала') → the
 * catalog. A text resolves to: the user's choice in this import, else the choice remembered
 * from an earlier import, else a catalog sector with exactly that name (folded) or code.
 * Similar names are only suggested: a sector is never guessed for the user.
 */

/** Settings key of the remembered choices: folded text → sector id. */
export const SECTOR_MAPPINGS_KEY = 'import.sectorMappings'
export type SectorMappings = Record<string, number>

/** The key of a sector text: folded case, Kazakh letters and punctuation. */
export const sectorKey = (text: string): string => foldLabel(text)

const STOP_WORDS = new Set(
  [
    'и',
    'және',
    'мен',
    'пен',
    'бен',
    'of',
    'and',
    'the',
    'сала',
    'саласы',
    'салалар',
    'сфера',
    'сферы',
    'вопрос',
    'вопросы',
    'мәселе',
    'мәселесі',
    'мәселелері',
    'другие',
    'басқа',
  ].map(foldLabel),
)
const MIN_SUGGESTION = 0.34

const words = (folded: string) => folded.split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w))

/** Two words are the same up to their endings: Kazakh and Russian inflect by suffix. */
function sameStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 5)
  return n >= 3 && a.slice(0, n) === b.slice(0, n)
}

/** 0..1: shared word stems (Dice), or an abbreviation of the name ('ЖКХ'), or containment. */
export function similarity(key: string, name: string): number {
  if (key === '' || name === '') return 0
  const initials = name
    .split(' ')
    .map((w) => w[0])
    .join('')
  if (!key.includes(' ') && key.length >= 2 && key.length <= 5 && key === initials) return 0.9
  if (key.length >= 4 && (name.includes(key) || key.includes(name))) return 0.8
  const a = words(key)
  const b = words(name)
  if (a.length === 0 || b.length === 0) return 0
  const matched = a.filter((w) => b.some((v) => sameStem(w, v))).length
  return (2 * matched) / (a.length + b.length)
}

export class SectorMatcher {
  private readonly names: { sectorId: number; names: string[] }[]
  /** Keys of the texts seen: a register names the same few sectors on every row. */
  private readonly keys = new Map<string, string>()

  constructor(
    sectors: Sector[],
    private readonly remembered: SectorMappings,
    private readonly chosen: Record<string, number | null>,
  ) {
    const active = sectors.filter((s) => s.active)
    this.names = active.map((s) => ({ sectorId: s.id, names: [s.nameKk, s.nameRu, s.nameEn, s.code].map(foldLabel) }))
    const activeIds = new Set(active.map((s) => s.id))
    this.remembered = Object.fromEntries(Object.entries(remembered).filter(([, id]) => activeIds.has(id)))
    // a choice of a sector that is gone or deactivated leaves the text unmapped
    this.chosen = Object.fromEntries(
      Object.entries(chosen).map(([key, id]) => [key, id !== null && activeIds.has(id) ? id : null]),
    )
  }

  /** sectorKey(text), remembered for the texts of this import. */
  keyOf(text: string): string {
    let key = this.keys.get(text)
    if (key === undefined) {
      key = sectorKey(text)
      if (this.keys.size < 2000) this.keys.set(text, key)
    }
    return key
  }

  /** The sector a text goes to in this import, and why; null when nobody said. */
  resolve(key: string): Pick<ImportSectorText, 'sectorId' | 'source'> {
    if (Object.hasOwn(this.chosen, key))
      return { sectorId: this.chosen[key] ?? null, source: this.chosen[key] ? 'chosen' : null }
    const remembered = this.remembered[key]
    if (remembered !== undefined) return { sectorId: remembered, source: 'remembered' }
    const exact = this.names.find((s) => s.names.includes(key))
    return exact ? { sectorId: exact.sectorId, source: 'exact' } : { sectorId: null, source: null }
  }

  /** The user's choices of this import that name an active sector: what is remembered. */
  choices(): SectorMappings {
    return Object.fromEntries(
      Object.entries(this.chosen).filter((entry): entry is [string, number] => entry[1] !== null && entry[0] !== ''),
    )
  }

  /** Catalog sectors with similar names, best first. */
  suggestions(key: string): ImportSectorText['suggestions'] {
    return this.names
      .map(({ sectorId, names }) => ({ sectorId, score: Math.max(...names.map((name) => similarity(key, name))) }))
      .filter((s) => s.score >= MIN_SUGGESTION)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }))
  }
}

export async function loadSectorMappings(settings: SettingsStore): Promise<SectorMappings> {
  return (await settings.get<SectorMappings>(SECTOR_MAPPINGS_KEY)) ?? {}
}

/** Remembers the user's choices for next time, in the importing transaction. */
export async function rememberSectorMappings(
  settings: SettingsStore,
  choices: SectorMappings,
  manager: EntityManager,
): Promise<void> {
  if (Object.keys(choices).length === 0) return
  const current = (await settings.get<SectorMappings>(SECTOR_MAPPINGS_KEY, manager)) ?? {}
  await settings.set(SECTOR_MAPPINGS_KEY, { ...current, ...choices }, manager)
}
