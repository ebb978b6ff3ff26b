/** A sector (сала / сфера) of the catalog that every appeal is tagged with. */
export interface Sector {
  id: number
  /** Stable code used by reports and data exchange; never changes once created. */
  code: string
  nameKk: string
  nameRu: string
  nameEn: string
  /** Position in official report tables (1 = first row). */
  sortOrder: number
  /** A sector that is in use is deactivated, never deleted. */
  active: boolean
}

/** Lowercase latin letters, digits and dashes, starting with a letter: `housing`, `land-2`. */
export const SECTOR_CODE_PATTERN = /^[a-z][a-z0-9-]{1,31}$/

export const SECTOR_NAME_MAX = 200
