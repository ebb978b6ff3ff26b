import type { DataSource } from 'typeorm'
import type { Preferences } from '@shared/api/contract'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/i18n/languages'
import { SettingEntity } from '../db/entities'

const KEY = 'preferences'

/**
 * Interface preferences kept in the database rather than the browser's storage, so the
 * desktop window and the web mode (whose origin changes with its port) remember the same.
 */
export class PreferencesService {
  constructor(private readonly db: DataSource) {}

  async get(): Promise<Preferences> {
    const row = await this.db.getRepository(SettingEntity).findOne({ where: { key: KEY } })
    const stored: unknown = row ? JSON.parse(row.value) : {}
    const language = (stored as { language?: unknown }).language
    return { language: isLanguage(language) ? language : DEFAULT_LANGUAGE }
  }

  async update(changes: Partial<Preferences>): Promise<Preferences> {
    const next = { ...(await this.get()), ...changes }
    await this.db
      .getRepository(SettingEntity)
      .save({ key: KEY, value: JSON.stringify(next), updatedAt: new Date().toISOString() })
    return next
  }
}
