import type { Preferences } from '@shared/api/contract'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/i18n/languages'
import type { SettingsStore } from './settingsStore'

const KEY = 'preferences'

/**
 * Interface preferences kept in the database rather than the browser's storage, so the
 * desktop window and the web mode (whose origin changes with its port) remember the same.
 */
export class PreferencesService {
  constructor(private readonly settings: SettingsStore) {}

  async get(): Promise<Preferences> {
    const stored = await this.settings.get<{ language?: unknown }>(KEY)
    return { language: isLanguage(stored?.language) ? stored.language : DEFAULT_LANGUAGE }
  }

  async update(changes: Partial<Preferences>): Promise<Preferences> {
    const next = { ...(await this.get()), ...changes }
    await this.settings.set(KEY, next)
    return next
  }
}
