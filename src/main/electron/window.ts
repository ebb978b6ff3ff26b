import { BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import type { Language } from '@shared/i18n'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { openExternalLink } from './externalLinks'
import { isDevServerUrl } from './rendererUrl'
import { mainWindowOptions } from './windowOptions'

/**
 * Creates the main window on `home` (app://desk/index.html, or the dev server in `npm run
 * dev`): the options of windowOptions.ts; no navigation away from the app and no new windows
 * (an http(s) link opens in the system browser once the user confirms its host); no
 * permission prompts. The CSP comes with every app:// response (appProtocol.ts); the dev
 * server's pages get it added here.
 */
export function createMainWindow(title: string, home: string, language: () => Promise<Language>): BrowserWindow {
  if (isDevServerUrl(home)) {
    // The dev server's hot reload needs inline scripts; the built app never does.
    const csp = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
    })
  }
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  // Exported reports and receipts are downloads: Electron asks where to save them (the save
  // dialog), and once saved we open the folder, as people expect of a desktop program.
  session.defaultSession.on('will-download', (_event, item) => {
    item.once('done', (_e, state) => {
      if (state === 'completed') shell.showItemInFolder(item.getSavePath())
    })
  })

  const window = new BrowserWindow(mainWindowOptions(title, join(__dirname, '../preload/index.js')))

  window.webContents.on('will-navigate', (event, url) => {
    if (url !== home) event.preventDefault()
  })
  window.webContents.on('will-redirect', (event, url) => {
    if (url !== home) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url, {
      language,
      confirm: async (options) => (await dialog.showMessageBox(window, options)).response,
      openExternal: (link) => shell.openExternal(link),
    }).catch((error: unknown) => console.error(error))
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(home)
  return window
}
