/**
 * The only bridge between the page and the app: one named function per API method, each
 * invoking that method's own IPC channel, and the two desktop pickers. ipcRenderer itself is
 * never exposed, and the page cannot name a channel. `print` sends a method and its input to the
 * print channel, which accepts only the printable documents (main/electron/printing.ts). Runs sandboxed, so it may import nothing
 * but 'electron' and the dependency-free method list (bundled in).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, DIALOG_CHANNELS, ipcChannel, PRINT_CHANNEL, type ApiMethod } from '../shared/api/methods'

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as Record<ApiMethod, (input: unknown) => Promise<unknown>>

const dialogs = {
  pickFolder: (): Promise<string | null> => ipcRenderer.invoke(DIALOG_CHANNELS.pickFolder),
  pickFile: (): Promise<string | null> => ipcRenderer.invoke(DIALOG_CHANNELS.pickFile),
}

/** Prints a document the core makes (a method that returns a PDF) through the system print dialog. */
const print = (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(PRINT_CHANNEL, { method, input })

contextBridge.exposeInMainWorld(
  'akimatDesk',
  Object.freeze({ api: Object.freeze(api), dialogs: Object.freeze(dialogs), print }),
)
