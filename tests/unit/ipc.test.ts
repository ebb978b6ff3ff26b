import { describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { API_METHODS, ipcChannel } from '@shared/api/methods'
import type { ApiResult } from '@shared/api/errors'
import { createDispatcher, type Dispatch, type Gate } from '../../src/main/api/dispatcher'
import { registerIpcHandlers, senderCheckFor } from '../../src/main/electron/ipc'
import { recordingHandlers } from '../helpers/fakeHandlers'
import { ADMIN } from '../helpers/context'

// ipc.ts must not load Electron at runtime (it takes ipcMain as an argument); if anything in
// this file's import graph did, this factory would run and fail the whole file.
vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

type IpcListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

/** Stands in for Electron's ipcMain: records one listener per channel, as ipcMain.handle does. */
function fakeIpcMain(): { handle(channel: string, listener: IpcListener): void; listeners: Map<string, IpcListener> } {
  const listeners = new Map<string, IpcListener>()
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      listeners.set(channel, listener)
    },
  }
}

/** An invoke event from a frame at `url` in window `window`, top-level unless a parent is given. */
function eventFrom(url: string, parent: object | null = null, window = 1): IpcMainInvokeEvent {
  return {
    senderFrame: { url, parent },
    sender: { id: window, once: () => undefined },
  } as unknown as IpcMainInvokeEvent
}

function invoke(ipc: ReturnType<typeof fakeIpcMain>, channel: string, event: IpcMainInvokeEvent, input: unknown) {
  const listener = ipc.listeners.get(channel)
  if (!listener) throw new Error(`no handler on ${channel}`)
  return listener(event, input) as Promise<ApiResult<unknown>>
}

const appPage = eventFrom('app://desk/index.html')

describe('registerIpcHandlers', () => {
  it('registers one channel per API method and nothing else', () => {
    const ipc = fakeIpcMain()
    registerIpcHandlers(ipc, vi.fn<Dispatch>(), () => true)
    expect([...ipc.listeners.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort())
  })

  it('answers unauthorized to an untrusted sender without dispatching', async () => {
    const ipc = fakeIpcMain()
    const dispatch = vi.fn<Dispatch>()
    const check = vi.fn(() => false)
    registerIpcHandlers(ipc, dispatch, check)
    const event = eventFrom('https://evil.example/')

    for (const method of API_METHODS) {
      expect(await invoke(ipc, ipcChannel(method), event, {})).toEqual({
        ok: false,
        error: { code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] },
      })
    }
    expect(check).toHaveBeenCalledTimes(API_METHODS.length)
    expect(check).toHaveBeenCalledWith(event)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('passes a trusted call to dispatch with its own method, the input and door desktop', async () => {
    const ipc = fakeIpcMain()
    const dispatch = vi.fn<Dispatch>(async (method) => ({ ok: true, data: `did ${method}` }))
    registerIpcHandlers(ipc, dispatch, (event) => event === appPage)

    const input = { id: 3, direction: 'up' }
    expect(await invoke(ipc, 'api:sectors.move', appPage, input)).toEqual({ ok: true, data: 'did sectors.move' })
    expect(await invoke(ipc, 'api:app.info', appPage, undefined)).toEqual({ ok: true, data: 'did app.info' })

    expect(dispatch.mock.calls).toEqual([
      ['sectors.move', input, { session: null, operator: null, door: 'desktop' }],
      ['app.info', undefined, { session: null, operator: null, door: 'desktop' }],
    ])
  })

  it('with the real dispatcher, refuses invalid input before the handler runs', async () => {
    const ipc = fakeIpcMain()
    const { handlers, calls } = recordingHandlers()
    const gate: Gate = { identify: (ctx) => ({ user: ctx.session === null ? ADMIN.user! : null }), forbidden: vi.fn() }
    registerIpcHandlers(ipc, createDispatcher(handlers, vi.fn(), gate), () => true)

    const refused = await invoke(ipc, 'api:sectors.create', appPage, { code: 'x', nameKk: '', nameRu: '', nameEn: '' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'errors.validation' } })
    expect(calls).toEqual([])

    const accepted = await invoke(ipc, 'api:sectors.list', appPage, { includeInactive: false })
    expect(accepted).toEqual({ ok: true, data: { handled: 'sectors.list' } })
    expect(calls).toEqual([
      { method: 'sectors.list', input: { includeInactive: false }, ctx: { ...ADMIN, session: null, door: 'desktop' } },
    ])
  })

  it("keeps each window's session in the main process: out of the answer, sent with the window's later calls", async () => {
    const ipc = fakeIpcMain()
    const dispatch = vi.fn<Dispatch>(async (method) =>
      method === 'auth.login' ? { ok: true, data: { user: { id: 1 }, session: 'S1' } } : { ok: true, data: method },
    )
    registerIpcHandlers(ipc, dispatch, () => true)
    const otherWindow = eventFrom('app://desk/index.html', null, 2)

    expect(await invoke(ipc, 'api:auth.login', appPage, { username: 'a', password: 'b' })).toEqual({
      ok: true,
      data: { user: { id: 1 } },
    })
    await invoke(ipc, 'api:appeals.list', appPage, {})
    await invoke(ipc, 'api:appeals.list', otherWindow, {})
    await invoke(ipc, 'api:auth.logout', appPage, {})
    await invoke(ipc, 'api:appeals.list', appPage, {})

    expect(dispatch.mock.calls.map(([method, , ctx]) => [method, ctx.session])).toEqual([
      ['auth.login', null],
      ['appeals.list', 'S1'],
      ['appeals.list', null],
      ['auth.logout', 'S1'],
      ['appeals.list', null],
    ])
  })

  it('runs the sign-in hook (the daily task reminder) once per sign-in, with the new session and user', async () => {
    const ipc = fakeIpcMain()
    const dispatch = vi.fn<Dispatch>(async (method) =>
      method === 'auth.login' ? { ok: true, data: { user: { id: 7 }, session: 'S7' } } : { ok: true, data: method },
    )
    const onSignIn = vi.fn(async () => undefined)
    registerIpcHandlers(ipc, dispatch, () => true, onSignIn)
    await invoke(ipc, 'api:auth.login', appPage, { username: 'a', password: 'b' })
    await invoke(ipc, 'api:appeals.list', appPage, {})
    expect(onSignIn.mock.calls).toEqual([['S7', { id: 7 }]])
  })
})

describe('senderCheckFor', () => {
  describe('built renderer (app://desk)', () => {
    const check = senderCheckFor('app://desk/index.html')

    it('accepts the top frame of the app page', () => {
      expect(check(eventFrom('app://desk/index.html'))).toBe(true)
      expect(check(eventFrom('app://desk/index.html#/settings'))).toBe(true)
    })

    it('refuses a frame that has a parent (an iframe)', () => {
      expect(check(eventFrom('app://desk/index.html', { url: 'app://desk/index.html' }))).toBe(false)
    })

    it('refuses pages from elsewhere, file:// and look-alike hosts included', () => {
      expect(check(eventFrom('file:///app/out/renderer/index.html'))).toBe(false)
      expect(check(eventFrom('https://evil.example/'))).toBe(false)
      expect(check(eventFrom('app://desk.evil/index.html'))).toBe(false)
      expect(check(eventFrom('app://other/index.html'))).toBe(false)
    })

    it('refuses an event without a sender frame (frame already gone)', () => {
      expect(check({ senderFrame: null } as unknown as IpcMainInvokeEvent)).toBe(false)
    })
  })

  describe('a file:// page', () => {
    it('is never trusted, even when named as the renderer', () => {
      const check = senderCheckFor('file:///app/out/renderer/index.html')
      expect(check(eventFrom('file:///app/out/renderer/index.html'))).toBe(false)
    })
  })

  describe('dev server (http://localhost:5173)', () => {
    const check = senderCheckFor('http://localhost:5173')

    it('accepts any route of the dev server page', () => {
      expect(check(eventFrom('http://localhost:5173/#/settings'))).toBe(true)
      expect(check(eventFrom('http://localhost:5173/'))).toBe(true)
    })

    it('refuses another port, another host and a look-alike host', () => {
      expect(check(eventFrom('http://localhost:5174/'))).toBe(false)
      expect(check(eventFrom('http://127.0.0.1:5173/'))).toBe(false)
      expect(check(eventFrom('http://localhost:5173.evil.example/'))).toBe(false)
      expect(check(eventFrom('https://evil.example/'))).toBe(false)
    })

    it('refuses an iframe even on the dev server', () => {
      expect(check(eventFrom('http://localhost:5173/', {}))).toBe(false)
    })
  })
})
