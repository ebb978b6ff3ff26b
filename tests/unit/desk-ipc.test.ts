import { describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { DESK_ACTIONS, deskChannel } from '@shared/api/desk'
import type { ApiResult } from '@shared/api/errors'
import { registerDeskHandlers } from '../../src/main/electron/deskIpc'

// deskIpc.ts must not load Electron at runtime (it takes ipcMain as an argument).
vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<ApiResult<unknown>>

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  return {
    listeners,
    handle(channel: string, listener: Listener) {
      if (listeners.has(channel)) throw new Error(`a second handler for '${channel}'`)
      listeners.set(channel, listener)
    },
  }
}

const event = {} as IpcMainInvokeEvent

describe('registerDeskHandlers', () => {
  it('registers one channel per desk action, each passing its own action and input', async () => {
    const ipc = fakeIpcMain()
    const act = vi.fn(async (action: string, input: unknown): Promise<ApiResult<unknown>> => ({
      ok: true,
      data: { action, input },
    }))
    registerDeskHandlers(ipc as never, act, () => true)
    expect([...ipc.listeners.keys()].sort()).toEqual(DESK_ACTIONS.map(deskChannel).sort())
    for (const action of DESK_ACTIONS) {
      expect(await ipc.listeners.get(deskChannel(action))!(event, { address: 'x' })).toEqual({
        ok: true,
        data: { action, input: { address: 'x' } },
      })
    }
  })

  it('refuses a sender that is not the app page without acting', async () => {
    const ipc = fakeIpcMain()
    const act = vi.fn()
    registerDeskHandlers(ipc as never, act, () => false)
    for (const action of DESK_ACTIONS) {
      expect(await ipc.listeners.get(deskChannel(action))!(event, {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      })
    }
    expect(act).not.toHaveBeenCalled()
  })
})
