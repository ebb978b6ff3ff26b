import { describe, expect, it } from 'vitest'
import { keyWords, recurringIssues, type RaisedQuestion } from '../../src/main/reports/recurringIssues'

/**
 * The press summary's "most frequent issues": questions of one sector and locality sharing two
 * key words are one issue. Key words are folded as search folds them and cut to five letters.
 */

const HOUSING = 1
const ROADS = 2
const KARABAS = 10
const AKBULAK = 11
const q = (summary: string, sectorId = ROADS, localityId: number | null = KARABAS): RaisedQuestion => ({
  sectorId,
  localityId,
  summary,
})

describe('key words of a question', () => {
  it('folds Kazakh letters and case, drops short and empty words, cuts each to its stem', () => {
    // "жол" is too short to tell; "керек" says nothing; Қарабас and Карабас agree
    expect([...keyWords('Қарабас ауылында жол жөндеу керек')]).toEqual(['караб', 'ауылы', 'жонде'])
    expect([...keyWords('Карабас ауылындагы жолды жондеу')]).toEqual(['караб', 'ауылы', 'жолды', 'жонде'])
    expect([...keyWords('Ремонт дороги на улице Абая')]).toEqual(['ремон', 'дорог', 'улице', 'абая'])
  })
})

describe('recurring issues', () => {
  it('groups the same issue worded differently, in kk typed with and without Kazakh letters and in ru', () => {
    const issues = recurringIssues([
      q('Қарабас ауылында жол жөндеу керек'),
      q('Ремонт дороги на улице Абая'),
      q('Карабас ауылындагы жолды жондеу'),
      q('Отремонтировать дорогу по улице Абая'),
      q('Қарабас ауылында жол жөндеу керек'),
      q('Мектепке автобус керек', HOUSING),
    ])
    // 3 about the village's road (3 shared stems each: караб, ауылы, жонде), 2 about Abai street
    // (дорог, улице, абая); the bus is raised once and left out
    expect(issues).toEqual([
      { summary: 'Қарабас ауылында жол жөндеу керек', sectorId: ROADS, localityId: KARABAS, count: 3 },
      { summary: 'Ремонт дороги на улице Абая', sectorId: ROADS, localityId: KARABAS, count: 2 },
    ])
  })

  it('keeps apart the same words in another locality or sector, and questions that share one word', () => {
    expect(
      recurringIssues([
        q('Ауыз су құбыры тартылмаған', HOUSING, KARABAS),
        q('Ауыз су құбыры тартылмаған', HOUSING, AKBULAK),
        q('Ауыз су құбыры тартылмаған', ROADS, KARABAS),
        q('Көше жарығы жоқ', HOUSING, KARABAS),
        q('Көше жөндеу', HOUSING, KARABAS), // shares "коше" only, of two words each
      ]),
    ).toEqual([])
  })

  it('takes one shared word when a question has only one, and counts the same text typed differently', () => {
    expect(
      recurringIssues([
        q('Газ', HOUSING, null),
        q('  газ  ', HOUSING, null),
        q('Газификация', HOUSING, null),
        q('Газификация ауылы', HOUSING, null),
      ]),
    ).toEqual([
      { summary: 'Газ', sectorId: HOUSING, localityId: null, count: 2 },
      { summary: 'Газификация', sectorId: HOUSING, localityId: null, count: 2 },
    ])
  })

  it('names an issue by its most used wording, and sorts by count, then by name', () => {
    const issues = recurringIssues([
      q('Жолды жөндеу қажет, Қарабас ауылы'),
      q('Қарабас ауылының жолын жөндеу'),
      q('Қарабас ауылының жолын жөндеу'),
      q('Бағдаршам орнату, Абай көшесі', ROADS, AKBULAK),
      q('Абай көшесіне бағдаршам орнату', ROADS, AKBULAK),
      q('Абай көшесінде бағдаршам орнатыңыз', ROADS, AKBULAK),
    ])
    expect(issues.map((i) => [i.summary, i.count])).toEqual([
      ['Бағдаршам орнату, Абай көшесі', 3],
      ['Қарабас ауылының жолын жөндеу', 3],
    ])
  })
})
