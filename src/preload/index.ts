/**
 * The only bridge between the page and the app: one named function per API method, each
 * invoking that method's own IPC channel, the two desktop pickers, the first-start page's desk
 * actions (status, probe, connect, chooseLocal), and `print`, which sends a method and its input
 * to the print channel (it accepts only the printable documents: main/electron/printing.ts).
 * ipcRenderer itself is never exposed, and the page cannot name a channel. Runs sandboxed, so it
 * may import nothing but 'electron' and the dependency-free method and desk lists (bundled in).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, DIALOG_CHANNELS, ipcChannel, PRINT_CHANNEL, type ApiMethod } from '../shared/api/methods'
import { DESK_ACTIONS, deskChannel, type DeskAction } from '../shared/api/desk'

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as Record<ApiMethod, (input: unknown) => Promise<unknown>>

const dialogs = {
  pickFolder: (): Promise<string | null> => ipcRenderer.invoke(DIALOG_CHANNELS.pickFolder),
  pickFile: (): Promise<string | null> => ipcRenderer.invoke(DIALOG_CHANNELS.pickFile),
}

const desk = Object.fromEntries(
  DESK_ACTIONS.map((action) => [action, (input: unknown) => ipcRenderer.invoke(deskChannel(action), input)]),
) as Record<DeskAction, (input: unknown) => Promise<unknown>>

/** Prints a document the core makes (a method that returns a PDF) through the system print dialog. */
const print = (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(PRINT_CHANNEL, { method, input })

contextBridge.exposeInMainWorld(
  'akimatDesk',
  Object.freeze({ api: Object.freeze(api), dialogs: Object.freeze(dialogs), desk: Object.freeze(desk), print }),
)
