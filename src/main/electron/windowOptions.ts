import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window's options, with every renderer setting Electron's security checklist names
 * spelled out rather than left to defaults (a later Electron may change a default; a test reads
 * this object): isolated, sandboxed renderer without Node, web security on, no insecure
 * content, no experimental or extra Blink features, no <webview>, no navigation by dropping a
 * file onto the window.
 */
export function mainWindowOptions(title: string, preload: string): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  }
}
