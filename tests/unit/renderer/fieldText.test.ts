import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { catalogs } from '@shared/i18n'
import { fieldText, type FieldNames } from '../../../src/renderer/src/lib/fieldText'

/** Looks keys up in the Russian catalog as i18next would, the key's default when it has none. */
const t = ((key: string, options?: { defaultValue?: string }) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], ru)
  return typeof found === 'string' ? found : (options?.defaultValue ?? key)
}) as unknown as TFunction

const ru = catalogs.ru

const names: FieldNames = {
  sectorName: (id) => (id === 3 ? 'Образование' : ''),
  localityName: (id) => (id === 4 ? 'село Карасу' : ''),
  staffName: (id) => (id === 2 ? 'Ахметова С.' : ''),
}

describe('fieldText', () => {
  it('names a value of a fixed list in the language', () => {
    expect(fieldText('status', 'answered', t, names)).toBe(ru.status.answered)
    expect(fieldText('channel', 'reception', t, names)).toBe(ru.channel.reception)
  })

  it('keeps a list value the catalog does not know', () => {
    expect(fieldText('status', 'archived', t, names)).toBe('archived')
  })

  it('names catalog references, by number when the catalog has no such entry', () => {
    expect(fieldText('sectorId', 3, t, names)).toBe('Образование')
    expect(fieldText('localityId', '4', t, names)).toBe('село Карасу')
    expect(fieldText('parentId', 4, t, names)).toBe('село Карасу')
    expect(fieldText('executorId', 2, t, names)).toBe('Ахметова С.')
    expect(fieldText('sectorId', 99, t, names)).toBe('#99')
    expect(fieldText('executorId', 2, t, { ...names, staffName: undefined })).toBe('#2')
  })

  it('shows records without a name of their own by number', () => {
    expect(fieldText('meetingId', 8, t, names)).toBe('#8')
    expect(fieldText('repeatedOfId', 40, t, names)).toBe('#40')
  })

  it('writes dates and the received time as the office does', () => {
    expect(fieldText('dueOn', '2026-04-01', t, names)).toBe('01.04.2026')
    expect(fieldText('doneOn', '2026-04-01', t, names)).toBe('01.04.2026')
    expect(fieldText('receivedAt', '2026-03-10T10:15', t, names)).toBe('10.03.2026 10:15')
  })

  it('shows any other value as it is', () => {
    expect(fieldText('summary', 'Көшеде жарық жоқ', t, names)).toBe('Көшеде жарық жоқ')
    expect(fieldText('signatories', 12, t, names)).toBe('12')
  })
})
