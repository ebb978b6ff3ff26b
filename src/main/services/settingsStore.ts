import type { DataSource, EntityManager } from 'typeorm'
import { SettingEntity } from '../db/entities'

/** Office-wide settings: one row per key, its value as JSON, owned by the service that uses it. */
export class SettingsStore {
  constructor(private readonly db: DataSource) {}

  async get<T>(key: string, manager: EntityManager = this.db.manager): Promise<T | null> {
    const row = await manager.getRepository(SettingEntity).findOne({ where: { key } })
    return row ? (JSON.parse(row.value) as T) : null
  }

  async set(key: string, value: unknown, manager: EntityManager = this.db.manager): Promise<void> {
    await manager
      .getRepository(SettingEntity)
      .save({ key, value: JSON.stringify(value), updatedAt: new Date().toISOString() })
  }
}
