import { existsSync, readFileSync } from 'node:fs'
import type { MyTasks, SignedInUser } from '@shared/api/contract'
import type { ApiResult } from '@shared/api/errors'
import { isLanguage, translate, DEFAULT_LANGUAGE } from '@shared/i18n'
import type { Dispatch } from '../api/dispatcher'
import { writeFileDurably } from '../services/durableFile'

/** Shows one system notification (Electron's Notification in the app; a stand-in in tests). */
export type Notifier = (title: string, body: string) => void

/** The day each account was last reminded: what makes the reminder once a day. */
export interface ReminderMemory {
  lastShown(userId: number): string | null
  remember(userId: number, day: string): void
}

/**
 * The memory in a small JSON file beside the database ({ "<user id>": "YYYY-MM-DD" }): a
 * computer's own notifications, not office data, so it stays out of the database and backups.
 * An unreadable file is taken as empty (at worst one more reminder that day).
 */
export function fileReminderMemory(file: string): ReminderMemory {
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
    } catch {
      return {}
    }
  }
  return {
    lastShown: (userId) => read()[String(userId)] ?? null,
    remember: (userId, day) => writeFileDurably(file, JSON.stringify({ ...read(), [String(userId)]: day })),
  }
}

export interface TaskCounts {
  overdue: number
  dueToday: number
  dueTomorrow: number
}

/**
 * Notifies the user of their deadlines once a day: not when nothing is late or due (a
 * reminder of nothing teaches people to ignore it), not twice on one day, whatever the number
 * of sign-ins. Returns whether it notified.
 */
export function remindOncePerDay(
  { userId, today, counts, language }: { userId: number; today: string; counts: TaskCounts; language: string },
  { memory, notify }: { memory: ReminderMemory; notify: Notifier },
): boolean {
  if (counts.overdue + counts.dueToday + counts.dueTomorrow === 0) return false
  if (memory.lastShown(userId) === today) return false
  const lang = isLanguage(language) ? language : DEFAULT_LANGUAGE
  notify(
    translate(lang, 'myTasks.notification.title'),
    translate(lang, 'myTasks.notification.body', {
      overdue: counts.overdue,
      today: counts.dueToday,
      tomorrow: counts.dueTomorrow,
    }),
  )
  memory.remember(userId, today)
  return true
}

/**
 * What the desktop door runs after a sign-in: asks the core for the user's tasks with the new
 * session (the same dispatcher and permission check as the page's calls) and reminds once a day.
 * A failure here must never touch the sign-in, so it is swallowed.
 */
export function taskReminderAfterSignIn(
  dispatch: Dispatch,
  deps: { memory: ReminderMemory; notify: Notifier },
): (session: string, user: SignedInUser) => Promise<void> {
  return async (session, user) => {
    try {
      const ctx = { session, operator: null, door: 'desktop' as const }
      const tasks = (await dispatch('appeals.myTasks', {}, ctx)) as ApiResult<MyTasks>
      if (!tasks.ok || tasks.data.executorId === null) return
      const preferences = (await dispatch('preferences.get', {}, ctx)) as ApiResult<{ language: string }>
      const counts = {
        overdue: tasks.data.overdue.total,
        dueToday: tasks.data.dueToday.total,
        dueTomorrow: tasks.data.dueTomorrow.total,
      }
      const language = preferences.ok ? preferences.data.language : DEFAULT_LANGUAGE
      remindOncePerDay({ userId: user.id, today: tasks.data.today, counts, language }, deps)
    } catch {
      // a reminder is a courtesy: the sign-in has already succeeded
    }
  }
}
