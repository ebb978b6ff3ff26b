import { dialog, type BrowserWindow, type IpcMain } from 'electron'
import { DIALOG_CHANNELS } from '@shared/api/methods'
import type { SenderCheck } from './ipc'

/** The folder and file pickers of the desktop window (for backups); web mode types a path instead. */
export function registerDialogHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  window: () => BrowserWindow | null,
  isTrustedSender: SenderCheck,
): void {
  ipcMain.handle(DIALOG_CHANNELS.pickFolder, async (event) => {
    const owner = window()
    if (!isTrustedSender(event) || !owner) return null
    const result = await dialog.showOpenDialog(owner, { properties: ['openDirectory', 'createDirectory'] })
    return result.canceled ? null : (result.filePaths[0] ?? null)
  })
  ipcMain.handle(DIALOG_CHANNELS.pickFile, async (event) => {
    const owner = window()
    if (!isTrustedSender(event) || !owner) return null
    const result = await dialog.showOpenDialog(owner, {
      properties: ['openFile'],
      filters: [{ name: 'SQLite', extensions: ['sqlite', 'db'] }],
    })
    return result.canceled ? null : (result.filePaths[0] ?? null)
  })
}
