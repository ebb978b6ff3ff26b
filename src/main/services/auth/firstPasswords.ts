import type { EntityManager } from 'typeorm'
import type { SettingsStore } from '../settingsStore'

const KEY = 'auth.firstPasswords'

/**
 * Accounts signing in with a first password an administrator gave them (users.create with
 * `firstPassword`, as the first-start wizard makes them): the page asks each to choose their own
 * at sign-in, and the account leaves the list when they do (auth.changePassword), so the
 * administrator no longer knows anyone's password. Kept in the settings, one list of account ids.
 */
export class FirstPasswords {
  constructor(private readonly settings: SettingsStore) {}

  async has(accountId: number, manager?: EntityManager): Promise<boolean> {
    return (await this.ids(manager)).includes(accountId)
  }

  async add(accountId: number, manager: EntityManager): Promise<void> {
    const ids = await this.ids(manager)
    if (!ids.includes(accountId)) await this.settings.set(KEY, [...ids, accountId], manager)
  }

  async remove(accountId: number, manager: EntityManager): Promise<void> {
    const ids = await this.ids(manager)
    if (ids.includes(accountId)) {
      await this.settings.set(
        KEY,
        ids.filter((id) => id !== accountId),
        manager,
      )
    }
  }

  private async ids(manager?: EntityManager): Promise<number[]> {
    return (await this.settings.get<number[]>(KEY, manager)) ?? []
  }
}
