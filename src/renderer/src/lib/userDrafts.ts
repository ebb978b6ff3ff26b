/**
 * Half-typed forms kept for this tab (sessionStorage) under the signed-in user's id, so a reload
 * or a remount loses nothing. sessionStorage ends with the tab (or the desktop window), and
 * sign-out forgets every draft at once (forgetDrafts): an applicant's IIN or phone typed into a
 * draft never outlives the session that typed it.
 */
const PREFIX = 'akimat-desk.draft.'

export interface Draft<T> {
  read(): T | null
  save(values: T): void
  clear(): void
}

export function userDraft<T>(name: string, userId: number, storage: Storage = sessionStorage): Draft<T> {
  const key = `${PREFIX}${name}.${userId}`
  return {
    read() {
      try {
        const stored = storage.getItem(key)
        return stored ? (JSON.parse(stored) as T) : null
      } catch {
        return null
      }
    },
    save: (values) => storage.setItem(key, JSON.stringify(values)),
    clear: () => storage.removeItem(key),
  }
}

/** Sign-out: no draft of anyone is left in this tab. */
export function forgetDrafts(storage: Storage = sessionStorage): void {
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index))
  for (const key of keys) if (key?.startsWith(PREFIX)) storage.removeItem(key)
}
