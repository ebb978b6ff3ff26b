import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../security/csp'

/** The address the window loads: the dev server in `npm run dev`, the built files otherwise. */
export function rendererUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) return devServer
  return new URL(`file://${join(__dirname, '../renderer/index.html').replace(/\\/g, '/')}`).href
}

/**
 * Creates the main window with the hardening Electron recommends: isolated, sandboxed
 * renderer without Node; a strict CSP on every response; no navigation away from the app and
 * no new windows (links open in the system browser); no permission prompts.
 */
export function createMainWindow(title: string): BrowserWindow {
  const isDev = Boolean(process.env.ELECTRON_RENDERER_URL)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // The dev server's hot reload needs inline scripts; the built app never does.
    const csp = isDev
      ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      : CONTENT_SECURITY_POLICY
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  // Exported reports and receipts are downloads: Electron asks where to save them (the save
  // dialog), and once saved we open the folder, as people expect of a desktop program.
  session.defaultSession.on('will-download', (_event, item) => {
    item.once('done', (_e, state) => {
      if (state === 'completed') shell.showItemInFolder(item.getSavePath())
    })
  })

  const window = new BrowserWindow({
    title,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })

  const home = rendererUrl()
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== home) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(home)
  return window
}
