import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { ApiMethod } from '@shared/api/methods'
import type { FieldIssue } from '@shared/api/errors'
import { toFieldIssues } from '@shared/api/validation'
import { SECTOR_NAME_MAX } from '@shared/domain/sector'
import { translate } from '@shared/i18n'

/** Parses as the dispatcher does and returns the field issues (fails the test if it parses). */
function issuesOf(method: ApiMethod, input: unknown): FieldIssue[] {
  const parsed = contract[method].input.safeParse(input, { reportInput: true })
  if (parsed.success) throw new Error(`${method} accepted ${JSON.stringify(input)}`)
  return toFieldIssues(parsed.error)
}

const validSector = { code: 'tourism', nameKk: 'Туризм', nameRu: 'Туризм', nameEn: 'Tourism' }

describe('toFieldIssues with the contract schemas', () => {
  it('accepts a valid sector (the base of the cases below)', () => {
    expect(contract['sectors.create'].input.safeParse(validSector, { reportInput: true }).success).toBe(true)
  })

  it('reports a missing required field as validation.required at its path', () => {
    const { nameRu: _omitted, ...input } = validSector
    expect(issuesOf('sectors.create', input)).toEqual([{ path: ['nameRu'], messageKey: 'validation.required' }])
  })

  it('reports every missing field of an empty input, each at its own path', () => {
    const issues = issuesOf('sectors.create', {})
    expect(issues.map((i) => i.path)).toEqual([['code'], ['nameKk'], ['nameRu'], ['nameEn']])
    expect(new Set(issues.map((i) => i.messageKey))).toEqual(new Set(['validation.required']))
  })

  it('reports a blank (whitespace-only) name as required', () => {
    const issues = issuesOf('sectors.create', { ...validSector, nameKk: '   ' })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path: ['nameKk'], messageKey: 'validation.required' })
  })

  it('reports a name over 200 characters as validation.tooLong with params.max 200', () => {
    expect(SECTOR_NAME_MAX).toBe(200)
    expect(issuesOf('sectors.create', { ...validSector, nameEn: 'x'.repeat(201) })).toEqual([
      { path: ['nameEn'], messageKey: 'validation.tooLong', params: { max: 200 } },
    ])
    // exactly 200 is allowed
    expect(contract['sectors.create'].input.safeParse({ ...validSector, nameEn: 'x'.repeat(200) }).success).toBe(true)
  })

  it.each(['Housing', 'жер', '1land', 'a', 'land_2', 'has space', 'x'.repeat(33)])(
    'reports the bad sector code %j as validation.sectorCode',
    (code) => {
      expect(issuesOf('sectors.create', { ...validSector, code })).toEqual([
        { path: ['code'], messageKey: 'validation.sectorCode' },
      ])
    },
  )

  it('reports unknown extra keys once, as validation.unknownField on the whole input', () => {
    expect(issuesOf('sectors.create', { ...validSector, extra: 1, admin: true })).toEqual([
      { path: [], messageKey: 'validation.unknownField', params: { keys: 'extra, admin' } },
    ])
  })

  it('gives generic keys to issues whose schema names none', () => {
    expect(issuesOf('sectors.move', { id: 1, direction: 'left' })).toEqual([
      { path: ['direction'], messageKey: 'validation.invalidOption' },
    ])
    expect(issuesOf('preferences.update', { language: 'de' })).toEqual([
      { path: ['language'], messageKey: 'validation.invalidOption' },
    ])
  })

  it('tells a value of the wrong type from a missing one (needs reportInput)', () => {
    expect(issuesOf('sectors.list', { includeInactive: 'yes' })).toEqual([
      { path: ['includeInactive'], messageKey: 'validation.invalidType' },
    ])
    expect(issuesOf('sectors.update', { id: 1, nameKk: 'a', nameRu: 'b', nameEn: 'c' })).toEqual([
      { path: ['active'], messageKey: 'validation.required' },
    ])
  })

  it('gives every issue of a set of bad inputs a key that the Kazakh catalog translates', () => {
    const bad: [ApiMethod, unknown][] = [
      ['sectors.create', {}],
      ['sectors.create', { code: 'Bad Code', nameKk: 'x'.repeat(201), nameRu: ' ', nameEn: 5, extra: 1 }],
      ['sectors.update', { id: -1, nameKk: '', nameRu: 'b', nameEn: 'c', active: 'yes' }],
      ['sectors.update', { id: 1.5, nameKk: 'a', nameRu: 'b', nameEn: 'c', active: true }],
      ['sectors.move', { id: 0, direction: 'sideways' }],
      ['sectors.list', { includeInactive: 1 }],
      ['sectors.list', []],
      ['preferences.update', { language: 'fr' }],
      ['app.info', null],
      ['app.info', { x: 1 }],
    ]
    const keys = new Set<string>()
    for (const [method, input] of bad) {
      const issues = issuesOf(method, input)
      expect(issues.length, `${method} ${JSON.stringify(input)}`).toBeGreaterThan(0)
      for (const issue of issues) {
        keys.add(issue.messageKey)
        const text = translate('kk', issue.messageKey, issue.params)
        expect(text, `${method}: ${issue.messageKey}`).not.toBe(issue.messageKey)
        expect(text, `${method}: ${issue.messageKey}`).not.toMatch(/\{\{\w+\}\}/)
      }
    }
    // the set covered more than one kind of message
    expect(keys.size).toBeGreaterThanOrEqual(6)
  })
})
