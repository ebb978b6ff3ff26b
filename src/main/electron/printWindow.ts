import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import type { PrintPdf } from './printing'

/**
 * Prints a PDF through the system print dialog: the file is written to a private temporary
 * folder, loaded in a hidden window by Chromium's PDF viewer (`plugins`), and printed with
 * `webContents.print` (not silent: the clerk chooses the printer and copies). Printing from a
 * loaded PDF gave blank pages until Electron fixed it in 30–32 (electron/electron#43309); this
 * app ships a later one. The window and the file go when the dialog is closed, printed or not.
 */
export function printThroughDialog(owner: () => BrowserWindow | null): PrintPdf {
  return async (pdf) => {
    const dir = await mkdtemp(join(tmpdir(), 'akimat-desk-print-'))
    const file = join(dir, 'document.pdf')
    const parent = owner() ?? undefined
    const window = new BrowserWindow({
      show: false,
      ...(parent ? { parent } : {}),
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    })
    try {
      await writeFile(file, pdf, { mode: 0o600 })
      await window.loadFile(file)
      await new Promise<void>((resolve, reject) =>
        window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) =>
          success || failureReason === 'Print job canceled' ? resolve() : reject(new Error(failureReason)),
        ),
      )
    } finally {
      window.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
