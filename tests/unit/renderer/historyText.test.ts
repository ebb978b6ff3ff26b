import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '@shared/api/contract'
import { catalogs } from '@shared/i18n'
import { createdSummary } from '../../../src/renderer/src/components/appeals/card/historyText'

const kk = catalogs.kk
/** Looks keys up in the Kazakh catalog as i18next would, the key's default when it has none. */
const t = ((key: string, options?: { defaultValue?: string }) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], kk)
  return typeof found === 'string' ? found : (options?.defaultValue ?? key)
}) as unknown as TFunction

const registration = (value: object) => ({ newValue: JSON.stringify(value) }) as AuditEvent

describe('createdSummary: the registration line of the history', () => {
  it('names the number and the term', () => {
    expect(
      createdSummary(registration({ regNumber: '2026-000004', registeredOn: '2026-04-10', dueOn: '2026-05-04' }), t),
    ).toBe(`№ 2026-000004 · ${kk.appealsUi.field.dueOn}: 04.05.2026`)
  })

  it('names the legal reason, not a term, for an appeal closed as it was registered', () => {
    const line = createdSummary(
      registration({
        regNumber: '2026-000005',
        registeredOn: '2026-04-10',
        dueOn: '2026-04-10',
        status: 'left_without_consideration',
        closingReason: 'anonymous',
      }),
      t,
    )
    expect(line).toBe(`№ 2026-000005 · ${kk.registrationClosing.anonymous}`)
    expect(line).not.toContain(kk.appealsUi.field.dueOn)
  })
})
