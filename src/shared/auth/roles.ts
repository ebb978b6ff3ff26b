/**
 * The fixed set of roles an account can hold. Names in kk/ru/en live in the i18n catalogs
 * under `roles.<id>`; the ids are stored in the database and never change.
 */
export const ROLES = ['administrator', 'head', 'clerk', 'press', 'viewer'] as const

export type Role = (typeof ROLES)[number]

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)
