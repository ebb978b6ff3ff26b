import { describe, expect, it } from 'vitest'
import type { Locality } from '@shared/api/contract'
import { localityOptions } from '../../../src/renderer/src/lib/localityOptions'

const place = (id: number, nameRu: string, parentId: number | null, active = true): Locality =>
  ({
    id,
    kind: parentId === null ? 'okrug' : 'settlement',
    parentId,
    nameKk: nameRu,
    nameRu,
    nameEn: null,
    active,
  }) as Locality

const localities = [
  place(1, 'Карасуский с.о.', null),
  place(2, 'Жанаталап с.о.', null),
  place(11, 'село Акжар', 1),
  place(21, 'село Акжар', 2, false),
]
const names = new Map(localities.map((l) => [l.id, l.nameRu]))
const localityName = (id: number) => names.get(id) ?? ''

describe('localityOptions', () => {
  it('names an okrug alone and a settlement with its okrug, so two villages of one name differ', () => {
    expect(localityOptions(localities, localityName).map((o) => o.label)).toEqual([
      'Карасуский с.о.',
      'Жанаталап с.о.',
      'село Акжар (Карасуский с.о.)',
      'село Акжар (Жанаталап с.о.)',
    ])
  })

  it('keeps a deactivated place, disabled', () => {
    expect(localityOptions(localities, localityName).map((o) => [o.value, o.disabled])).toEqual([
      [1, false],
      [2, false],
      [11, false],
      [21, true],
    ])
  })

  it('offers nothing for an empty catalog', () => {
    expect(localityOptions([], localityName)).toEqual([])
  })
})
