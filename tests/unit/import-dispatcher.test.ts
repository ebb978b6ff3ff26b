import { describe, expect, it, vi } from 'vitest'
import { createDispatcher, QUEUE_FREE_METHODS } from '../../src/main/api/dispatcher'
import type { CallContext } from '../../src/main/services/context'
import { userContext } from '../helpers/context'
import { recordingHandlers } from '../helpers/fakeHandlers'

const ctx: CallContext = userContext('administrator', { fullName: 'Тест Операторов' })

describe('queue-free methods', () => {
  it('are only methods that read memory: the progress of an import and of a report export', () => {
    expect([...QUEUE_FREE_METHODS]).toEqual(['import.progress', 'reports.progress'])
  })

  it('are answered while a long call holds the queue; other calls still wait their turn', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { handlers } = recordingHandlers({
      'import.commit': async () => {
        await held
        return { imported: 1 }
      },
      'import.progress': async () => ({ phase: 'writing' }),
      'sectors.list': async () => [],
    })
    const dispatch = createDispatcher(handlers, vi.fn())
    const order: string[] = []
    const commit = dispatch('import.commit', { file: { fileName: 'a.xlsx', base64: 'AA==' } }, ctx).then(() =>
      order.push('commit'),
    )
    const list = dispatch('sectors.list', {}, ctx).then(() => order.push('list'))

    const progress = await dispatch('import.progress', { importId: 'x1' }, ctx)
    order.push('progress')
    expect(progress).toEqual({ ok: true, data: { phase: 'writing' } })

    release()
    await Promise.all([commit, list])
    expect(order).toEqual(['progress', 'commit', 'list'])
  })

  it('still validate their input', async () => {
    const { handlers, calls } = recordingHandlers()
    const dispatch = createDispatcher(handlers, vi.fn())
    const result = await dispatch('import.progress', { importId: '../etc' }, ctx)
    expect(result.ok).toBe(false)
    expect(calls).toEqual([])
  })
})
