import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import type { MyTasks } from '@shared/api/contract'
import type { Dispatch } from '../../src/main/api/dispatcher'
import {
  fileReminderMemory,
  remindOncePerDay,
  taskReminderAfterSignIn,
  type ReminderMemory,
} from '../../src/main/electron/taskReminder'

// The reminder is called from the Electron main process but must not need Electron itself.
vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

function memoryInMap(): ReminderMemory & { days: Map<number, string> } {
  const days = new Map<number, string>()
  return { days, lastShown: (id) => days.get(id) ?? null, remember: (id, day) => void days.set(id, day) }
}

const counts = { overdue: 2, dueToday: 1, dueTomorrow: 0 }

describe('remindOncePerDay', () => {
  it('notifies once a day per account, in the account’s language', () => {
    const memory = memoryInMap()
    const notify = vi.fn()
    const remind = (userId: number, today: string, language = 'kk') =>
      remindOncePerDay({ userId, today, counts, language }, { memory, notify })

    expect(remind(7, '2026-04-17')).toBe(true)
    expect(notify).toHaveBeenLastCalledWith('Akimat Desk: бүгінгі тапсырмалар', 'Мерзімі өткен: 2, бүгін: 1, ертең: 0')
    expect(remind(7, '2026-04-17')).toBe(false) // a second sign-in the same day
    expect(remind(8, '2026-04-17', 'ru')).toBe(true) // another account on the same desk
    expect(notify).toHaveBeenLastCalledWith(
      'Akimat Desk: задачи на сегодня',
      'Просрочено: 2, срок сегодня: 1, завтра: 0',
    )
    expect(remind(7, '2026-04-20')).toBe(true) // the next working day
    expect(notify).toHaveBeenCalledTimes(3)
  })

  it('says nothing when nothing is late or due, and keeps the day open for later', () => {
    const memory = memoryInMap()
    const notify = vi.fn()
    const none = { overdue: 0, dueToday: 0, dueTomorrow: 0 }
    expect(remindOncePerDay({ userId: 7, today: '2026-04-17', counts: none, language: 'kk' }, { memory, notify })).toBe(
      false,
    )
    expect(notify).not.toHaveBeenCalled()
    expect(memory.days.size).toBe(0)
  })
})

describe('fileReminderMemory', () => {
  const cleanup = useCleanup()

  it('keeps each account’s day in a small file, and reads a spoiled one as empty', () => {
    const file = join(cleanup.tempDir('akimat-reminder-'), 'task-reminders.json')
    const memory = fileReminderMemory(file)
    expect(memory.lastShown(7)).toBeNull()
    memory.remember(7, '2026-04-17')
    memory.remember(8, '2026-04-16')
    expect(fileReminderMemory(file).lastShown(7)).toBe('2026-04-17')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 7: '2026-04-17', 8: '2026-04-16' })
    writeFileSync(file, '{ half')
    expect(fileReminderMemory(file).lastShown(7)).toBeNull()
  })
})

describe('taskReminderAfterSignIn', () => {
  const page = (total: number) => ({ rows: [], total })
  const tasks = (executorId: number | null): MyTasks => ({
    executorId,
    today: '2026-04-17',
    tomorrow: '2026-04-18',
    overdue: page(3),
    dueToday: page(1),
    dueTomorrow: page(2),
  })
  const user = { id: 7, username: 'asem', fullName: 'Әсем', role: 'clerk' as const, staffId: 4 }

  it('asks the core for the user’s tasks with the new session and notifies with their counts', async () => {
    const calls: [string, unknown][] = []
    const dispatch: Dispatch = async (method, _input, ctx) => {
      calls.push([method, ctx.session])
      if (method === 'appeals.myTasks') return { ok: true, data: tasks(4) }
      return { ok: true, data: { language: 'ru' } }
    }
    const notify = vi.fn()
    const memory = memoryInMap()
    await taskReminderAfterSignIn(dispatch, { memory, notify })('session-1', user)
    expect(calls).toEqual([
      ['appeals.myTasks', 'session-1'],
      ['preferences.get', 'session-1'],
    ])
    expect(notify).toHaveBeenCalledWith('Akimat Desk: задачи на сегодня', 'Просрочено: 3, срок сегодня: 1, завтра: 2')
    expect(memory.days.get(7)).toBe('2026-04-17')
  })

  it('stays silent for an account linked to no staff member, and when the core refuses', async () => {
    const notify = vi.fn()
    const unlinked: Dispatch = async () => ({ ok: true, data: tasks(null) })
    await taskReminderAfterSignIn(unlinked, { memory: memoryInMap(), notify })('s', user)
    const refused: Dispatch = async () => ({
      ok: false,
      error: { code: 'forbidden', messageKey: 'errors.forbidden', issues: [] },
    })
    await taskReminderAfterSignIn(refused, { memory: memoryInMap(), notify })('s', user)
    const broken: Dispatch = async () => {
      throw new Error('database closed')
    }
    await expect(taskReminderAfterSignIn(broken, { memory: memoryInMap(), notify })('s', user)).resolves.toBeUndefined()
    expect(notify).not.toHaveBeenCalled()
  })
})
