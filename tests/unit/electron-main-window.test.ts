import { beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_HOME } from '../../src/main/electron/appProtocol'

type Listener = (...args: never[]) => unknown

/** Stands in for the parts of Electron the window uses, recording what the window sets up. */
const fake = vi.hoisted(() => {
  const state = {
    permissionRequest: null as null | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    headersHook: null as null | unknown,
    listeners: new Map<string, Listener>(),
    openHandler: null as null | ((details: { url: string }) => { action: string }),
    loaded: [] as string[],
    options: null as unknown,
    dialogResponse: 1,
    prompts: [] as unknown[],
    opened: [] as string[],
  }
  class BrowserWindow {
    webContents = {
      on: (name: string, listener: Listener) => state.listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof state.openHandler) => {
        state.openHandler = handler
      },
    }
    constructor(options: unknown) {
      state.options = options
    }
    once() {}
    loadURL(url: string) {
      state.loaded.push(url)
      return Promise.resolve()
    }
  }
  const electron = {
    BrowserWindow,
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (hook: unknown) => (state.headersHook = hook) },
        setPermissionRequestHandler: (handler: typeof state.permissionRequest) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof state.permissionCheck) => (state.permissionCheck = handler),
        on: () => undefined,
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url)
      },
      showItemInFolder: () => undefined,
    },
    dialog: {
      showMessageBox: async (_window: unknown, options: unknown) => {
        state.prompts.push(options)
        return { response: state.dialogResponse }
      },
    },
  }
  return { state, electron }
})
vi.mock('electron', () => fake.electron)

const { createMainWindow } = await import('../../src/main/electron/window')
const { mainWindowOptions } = await import('../../src/main/electron/windowOptions')
const { state } = fake

function reset() {
  state.permissionRequest = null
  state.permissionCheck = null
  state.headersHook = null
  state.listeners.clear()
  state.openHandler = null
  state.loaded = []
  state.prompts = []
  state.opened = []
}

const navigation = (event: string, url: string) => {
  const prevented = vi.fn()
  ;(state.listeners.get(event) as (e: { preventDefault(): void }, url: string) => void)(
    { preventDefault: prevented },
    url,
  )
  return prevented.mock.calls.length > 0
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the main window', () => {
  beforeEach(() => {
    reset()
    createMainWindow('Akimat Desk', APP_HOME, async () => 'kk')
  })

  it('is made with the hardened options and loads the app:// page', () => {
    expect(state.options).toEqual(
      mainWindowOptions('Akimat Desk', expect.stringMatching(/preload[\\/]index\.js$/) as never),
    )
    expect(state.loaded).toEqual([APP_HOME])
  })

  it('refuses every permission a page asks for, and every permission check', () => {
    const answer = vi.fn()
    state.permissionRequest?.({}, 'media', answer)
    state.permissionRequest?.({}, 'geolocation', answer)
    expect(answer.mock.calls).toEqual([[false], [false]])
    expect(state.permissionCheck?.()).toBe(false)
  })

  it('leaves the CSP to the app:// responses: no header rewriting outside the dev server', () => {
    expect(state.headersHook).toBeNull()
  })

  it('stays on its page: navigations and redirects elsewhere are stopped', () => {
    expect(navigation('will-navigate', 'https://evil.example/')).toBe(true)
    expect(navigation('will-navigate', 'file:///C:/Windows/win.ini')).toBe(true)
    expect(navigation('will-redirect', 'https://evil.example/')).toBe(true)
    expect(navigation('will-navigate', APP_HOME)).toBe(false)
  })

  it('opens no new window; an http(s) link opens in the browser only after the host is confirmed', async () => {
    state.dialogResponse = 1
    expect(state.openHandler?.({ url: 'https://www.youtube.com/live/x' })).toEqual({ action: 'deny' })
    await flush()
    expect(state.prompts).toHaveLength(1)
    expect(JSON.stringify(state.prompts[0])).toContain('www.youtube.com')
    expect(state.opened).toEqual([])

    state.dialogResponse = 0
    expect(state.openHandler?.({ url: 'https://www.youtube.com/live/x' })).toEqual({ action: 'deny' })
    await flush()
    expect(state.opened).toEqual(['https://www.youtube.com/live/x'])
  })

  it('never offers to open a link of another scheme', async () => {
    state.dialogResponse = 0
    expect(state.openHandler?.({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' })
    await flush()
    expect(state.prompts).toEqual([])
    expect(state.opened).toEqual([])
  })
})

describe('the main window on the dev server', () => {
  it('adds the CSP (with inline scripts for hot reload) only there', () => {
    reset()
    createMainWindow('Akimat Desk', 'http://localhost:5173', async () => 'kk')
    expect(state.headersHook).not.toBeNull()
  })
})
