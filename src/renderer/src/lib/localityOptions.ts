import type { Locality } from '@shared/api/contract'

export interface LocalityOption {
  value: number
  label: string
  /** A deactivated place stays visible (old records keep it) but cannot be chosen anew. */
  disabled: boolean
}

/**
 * Every locality as a select option, named in the current language by `localityName`: a
 * settlement with its okrug in brackets, since two okrugs may each have a village of one name.
 */
export function localityOptions(localities: Locality[], localityName: (id: number) => string): LocalityOption[] {
  return localities.map((l) => ({
    value: l.id,
    label: l.parentId === null ? localityName(l.id) : `${localityName(l.id)} (${localityName(l.parentId)})`,
    disabled: !l.active,
  }))
}
