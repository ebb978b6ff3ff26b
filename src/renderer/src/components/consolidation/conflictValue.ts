import type { TFunction } from 'i18next'
import type { ConflictValue } from '@shared/api/contract'
import { fieldText, NO_VALUE, type FieldNames } from '../../lib/fieldText'

/** One side of a conflicting field as a person reads it, in the current language. */
export function conflictValue(field: string, value: ConflictValue, t: TFunction, names: FieldNames): string {
  if (value === null || value === '') return NO_VALUE
  if (typeof value === 'boolean') return t(value ? 'consolidationUi.yes' : 'consolidationUi.no')
  return fieldText(field, value, t, names)
}

/** The name of a field in the current language (the raw name if it has none). */
export const conflictField = (field: string, t: TFunction): string =>
  t(`consolidationUi.fields.${field}`, { defaultValue: field })
