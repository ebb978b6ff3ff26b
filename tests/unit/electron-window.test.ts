import { describe, expect, it, vi } from 'vitest'
import { mainWindowOptions } from '../../src/main/electron/windowOptions'
import { DEV_SERVER_ENV, isDevServerUrl, rendererUrl } from '../../src/main/electron/rendererUrl'
import { APP_HOME } from '../../src/main/electron/appProtocol'
import { senderCheckFor } from '../../src/main/electron/ipc'

// The window's options and address are plain values: nothing may load Electron at runtime.
vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

describe('the main window options', () => {
  const options = mainWindowOptions('Akimat Desk', '/app/out/preload/index.js')
  const prefs = options.webPreferences ?? {}

  it('isolates and sandboxes the renderer, without Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on: no insecure content, no experimental or extra Blink features', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableBlinkFeatures).toBe('')
  })

  it('allows no <webview> and no navigation by dropping a file', () => {
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })

  it('loads only the preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(options.title).toBe('Akimat Desk')
  })
})

describe('the renderer address', () => {
  const dev = { [DEV_SERVER_ENV]: 'http://localhost:5173' }

  it('is the dev server only in an unpackaged app', () => {
    expect(rendererUrl({ packaged: false, env: dev })).toBe('http://localhost:5173')
    expect(isDevServerUrl(rendererUrl({ packaged: false, env: dev }))).toBe(true)
  })

  it('ignores the variable in the installed app: a user-level variable cannot point it elsewhere', () => {
    const hostile = { [DEV_SERVER_ENV]: 'https://evil.example/' }
    expect(rendererUrl({ packaged: true, env: hostile })).toBe(APP_HOME)
    expect(isDevServerUrl(rendererUrl({ packaged: true, env: hostile }))).toBe(false)
    // and so the IPC trusts only the app's own origin
    const trusted = senderCheckFor(rendererUrl({ packaged: true, env: hostile }))
    const from = (url: string) => ({ senderFrame: { url, parent: null } }) as never
    expect(trusted(from('https://evil.example/'))).toBe(false)
    expect(trusted(from('app://desk/index.html#/appeals'))).toBe(true)
  })

  it('is the app:// page without the variable, or with it empty', () => {
    expect(rendererUrl({ packaged: false, env: {} })).toBe(APP_HOME)
    expect(rendererUrl({ packaged: false, env: { [DEV_SERVER_ENV]: '' } })).toBe(APP_HOME)
    expect(APP_HOME.startsWith('file:')).toBe(false)
  })
})
