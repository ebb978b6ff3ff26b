import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import type { DeskStatus } from '@shared/api/desk'
import { writeFileDurably } from '../services/durableFile'
import { parseServerAddress } from './serverAddress'

/** The file in the desktop app's user data folder that keeps the first start's choice. */
export const DESK_SETTINGS_FILE = 'desk.json'

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/

const deskSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ version: z.literal(1), mode: z.literal('local'), chosenAt: z.string() }),
  z.object({
    version: z.literal(1),
    mode: z.literal('server'),
    address: z.string().refine((text) => {
      try {
        return parseServerAddress(text).origin === text
      } catch {
        return false
      }
    }),
    fingerprint256: z.string().regex(FINGERPRINT),
    trustedAt: z.string(),
  }),
])

/** This PC alone, or a desk of the office server pinned to one certificate. */
export type DeskSettings = z.infer<typeof deskSettingsSchema>

/**
 * The choice kept in the file, or null when there is none yet (the first start). A file that
 * is not a valid choice is an error, not "no choice": asking again could turn a desk of the
 * server into a PC with a database of its own without anyone deciding it.
 */
export function parseDeskSettings(text: string): DeskSettings {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error('the desk settings file is not JSON')
  }
  const parsed = deskSettingsSchema.safeParse(json)
  if (!parsed.success) throw new Error(`the desk settings file is not a valid choice: ${parsed.error.message}`)
  return parsed.data
}

/** desk.json is there but holds no valid choice: the start stops and says which file (startupError.ts). */
export class DeskSettingsError extends Error {
  constructor(
    readonly file: string,
    cause: string,
  ) {
    super(`${file}: ${cause}`)
    this.name = 'DeskSettingsError'
  }
}

export function readDeskSettings(file: string): DeskSettings | null {
  if (!existsSync(file)) return null
  try {
    return parseDeskSettings(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new DeskSettingsError(file, error instanceof Error ? error.message : String(error))
  }
}

/** Written beside, flushed and renamed over (durableFile.ts): a power cut leaves the old choice or the new one. */
export function writeDeskSettings(file: string, settings: DeskSettings): void {
  writeFileDurably(file, `${JSON.stringify(deskSettingsSchema.parse(settings), null, 2)}\n`)
}

export function statusOf(settings: DeskSettings | null): DeskStatus {
  if (!settings) return { mode: 'unset', address: null, fingerprint256: null }
  if (settings.mode === 'local') return { mode: 'local', address: null, fingerprint256: null }
  return { mode: 'server', address: settings.address, fingerprint256: settings.fingerprint256 }
}
