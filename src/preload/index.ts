/**
 * The only bridge between the page and the app: one named function per API method, each
 * invoking that method's own IPC channel, and the two desktop pickers. ipcRenderer itself is
 * never exposed, and the page cannot name a channel. Runs sandboxed, so it may import nothing
 * but 'electron' and the dependency-free method list (bundled in).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, DIALOG_CHANNELS, ipcChannel, type ApiMethod } from '../shared/api/methods'

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as Record<ApiMethod, (input: unknown) => Promise<unknown>>

const dialogs = {
  pickFolder: (): Promise<string | null> => ipcRenderer.invoke(DIALOG_CHANNELS.pickFolder),
  pickFile: (): Promise<string | null> => ipcRenderer.invoke(DIALOG_CHANNELS.pickFile),
}

contextBridge.exposeInMainWorld(
  'akimatDesk',
  Object.freeze({ api: Object.freeze(api), dialogs: Object.freeze(dialogs) }),
)
