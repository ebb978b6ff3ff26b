import { describe, expect, it } from 'vitest'
import { canonicalJson, packageChecksum } from '../../src/main/consolidation/format'
import { decide } from '../../src/main/consolidation/importer'

const OFFICE = '9b2f3c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e'
const V1 = '2026-04-01T08:00:00.000Z'
const V2 = '2026-04-05T08:00:00.000Z'
const LOCAL_EDIT = '2026-04-03T09:30:00.000Z'

describe('package checksum', () => {
  it('is over canonical JSON: key order and spacing do not matter, content does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'Қ' }] })).toBe('{"a":[{"c":"Қ","d":null}],"b":1}')
    const one = { format: 'akimat-desk-package', version: 1, appeals: [{ uuid: 'x', summary: 'Су жоқ' }] }
    const same = JSON.parse(
      '{ "appeals": [ { "summary": "Су жоқ", "uuid": "x" } ], "version": 1, "format": "akimat-desk-package" }',
    )
    expect(packageChecksum(same)).toBe(packageChecksum(one))
    expect(packageChecksum({ ...one, checksum: 'anything' })).toBe(packageChecksum(one))
    expect(packageChecksum({ ...one, appeals: [{ uuid: 'x', summary: 'Су бар' }] })).not.toBe(packageChecksum(one))
  })
})

describe('merge decision for one incoming record', () => {
  const imported = (updatedAt: string, importedVersion = V1) => ({
    id: 1,
    uuid: 'x',
    originOfficeUuid: OFFICE,
    importedVersion,
    createdAt: V1,
    updatedAt,
  })

  it.each([
    ['no row here', undefined, V1, 'add'],
    ["this office's own row", { ...imported(V1), originOfficeUuid: null }, V2, 'foreign'],
    ["another office's row", { ...imported(V1), originOfficeUuid: 'other' }, V2, 'foreign'],
    ['the same version', imported(V1), V1, 'unchanged'],
    ['an older version', imported(V2, V2), V1, 'unchanged'],
    ['an older version, edited here', imported(LOCAL_EDIT, V2), V1, 'unchanged'],
    ['a newer version, not edited here', imported(V1), V2, 'update'],
    ['a newer version, edited here too', imported(LOCAL_EDIT), V2, 'conflict'],
    // a local clock behind the okrug's must not hide a local edit
    ['a newer version, edited here with an earlier clock', imported('2026-03-01T00:00:00.000Z'), V2, 'conflict'],
  ] as const)('%s → %s', (_case, row, incoming, expected) => {
    expect(decide(row, incoming, OFFICE)).toBe(expected)
  })
})
