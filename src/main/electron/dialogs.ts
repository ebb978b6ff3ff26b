import { dialog, type BrowserWindow, type IpcMain } from 'electron'
import { DIALOG_CHANNELS } from '@shared/api/methods'
import type { SenderCheck } from './ipc'

/** The folder and file pickers of the desktop window (for backups); web mode types a path instead. */
export function registerDialogHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  window: () => BrowserWindow | null,
  isTrustedSender: SenderCheck,
  chosen: (path: string) => void,
): void {
  // What the person picked is what the backup calls may then reach (backup/chosenPaths.ts).
  const picked = (result: { canceled: boolean; filePaths: string[] }): string | null => {
    const path = result.canceled ? null : (result.filePaths[0] ?? null)
    if (path) chosen(path)
    return path
  }
  ipcMain.handle(DIALOG_CHANNELS.pickFolder, async (event) => {
    const owner = window()
    if (!isTrustedSender(event) || !owner) return null
    const result = await dialog.showOpenDialog(owner, { properties: ['openDirectory', 'createDirectory'] })
    return picked(result)
  })
  ipcMain.handle(DIALOG_CHANNELS.pickFile, async (event) => {
    const owner = window()
    if (!isTrustedSender(event) || !owner) return null
    const result = await dialog.showOpenDialog(owner, {
      properties: ['openFile'],
      // an encrypted backup ends in .enc (backup/BackupService.ts, ENCRYPTED_SUFFIX)
      filters: [{ name: 'SQLite', extensions: ['sqlite', 'db', 'enc'] }],
    })
    return picked(result)
  })
}
