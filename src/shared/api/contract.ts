import { z } from 'zod'
import type { ApiMethod } from './methods'
import { SECTOR_CODE_PATTERN, SECTOR_NAME_MAX, type Sector } from '../domain/sector'
import { LANGUAGES, type Language } from '../i18n/languages'

/**
 * The API contract: every method once, with the schema its input must pass and the type of
 * its output. Main validates against these schemas before any work; the renderer gets its
 * types from here. Adding a method: add its name to methods.ts, its entry here, and its
 * handler in src/main/api/handlers.ts (the compiler insists on all three).
 */

/** Marks the output type of a method; the value itself is never used at runtime. */
const returns = <T>(): T => undefined as T

const sectorName = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(SECTOR_NAME_MAX, { error: 'validation.tooLong' })

const id = z.number({ error: 'validation.required' }).int().positive()

export interface AppInfo {
  version: string
  /** Number of migrations applied to the open database. */
  schemaVersion: number
  /** Where the data lives, shown in Settings so an administrator can find and back it up. */
  databaseFile: string
  /** `desktop` (Electron window) or `web` (browser on this machine). */
  door: 'desktop' | 'web'
}

export interface Preferences {
  language: Language
}

export const contract = {
  'app.info': {
    input: z.object({}).strict(),
    output: returns<AppInfo>(),
  },
  'preferences.get': {
    input: z.object({}).strict(),
    output: returns<Preferences>(),
  },
  'preferences.update': {
    input: z.object({ language: z.enum(LANGUAGES, { error: 'validation.invalidOption' }) }).strict(),
    output: returns<Preferences>(),
  },
  'sectors.list': {
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: returns<Sector[]>(),
  },
  'sectors.create': {
    input: z
      .object({
        code: z
          .string({ error: 'validation.required' })
          .trim()
          .min(1, { error: 'validation.required' })
          .regex(SECTOR_CODE_PATTERN, { error: 'validation.sectorCode' }),
        nameKk: sectorName,
        nameRu: sectorName,
        nameEn: sectorName,
      })
      .strict(),
    output: returns<Sector>(),
  },
  'sectors.update': {
    input: z
      .object({
        id,
        nameKk: sectorName,
        nameRu: sectorName,
        nameEn: sectorName,
        active: z.boolean(),
      })
      .strict(),
    output: returns<Sector>(),
  },
  'sectors.move': {
    input: z.object({ id, direction: z.enum(['up', 'down']) }).strict(),
    output: returns<Sector[]>(),
  },
} satisfies Record<ApiMethod, { input: z.ZodType; output: unknown }>

export type Contract = typeof contract
/** What a caller sends (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>
/** What a handler receives: the parsed input, defaults filled in. */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>
export type ApiOutput<M extends ApiMethod> = Contract[M]['output']
