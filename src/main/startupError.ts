import { LANGUAGES, translate } from '@shared/i18n'
import { DatabaseTooNewError } from './db/migrate'
import { DeskSettingsError } from './desk/deskSettings'

/**
 * The message shown when the core cannot start. The user's language is stored in the very
 * database that may not open, so the known cases are told in all three languages.
 */
export function startupErrorMessage(error: unknown, databaseFile: string): string {
  if (error instanceof DatabaseTooNewError) {
    return LANGUAGES.map((lang) => translate(lang, 'errors.dbTooNew', { file: databaseFile })).join('\n\n')
  }
  if (error instanceof DeskSettingsError) {
    return LANGUAGES.map((lang) => translate(lang, 'desk.settingsDamaged', { file: error.file })).join('\n\n')
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
