/**
 * Electron entry (door 1). Everything it does besides the window lives in the core, which
 * runs the same under plain Node for web mode and tests.
 */
import { app, dialog, ipcMain, Notification, protocol, safeStorage } from 'electron'
import { join } from 'node:path'
import { openOrRecover } from './recovery/openOrRecover'
import { openDeskDoor, type DeskDoor } from './desk/deskDoor'
import { DESK_SETTINGS_FILE } from './desk/deskSettings'
import { registerDeskHandlers } from './electron/deskIpc'
import { registerDialogHandlers } from './electron/dialogs'
import { registerIpcHandlers, senderCheckFor } from './electron/ipc'
import { registerPrintHandler } from './electron/printing'
import { printThroughDialog } from './electron/printWindow'
import { fileReminderMemory, taskReminderAfterSignIn } from './electron/taskReminder'
import { electronNativeBinding } from './electron/nativeBinding'
import { createMainWindow } from './electron/window'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './electron/appProtocol'
import { rendererUrl } from './electron/rendererUrl'
import { PRODUCT_NAME, databaseFileIn, defaultUserDataDir, resolveDataDir, resolveKeyDir } from './paths'
import { userDataDirAfterMove } from './userDataMove'
import { safeStorageKeyProvider } from './electron/auditKey'
import { startupErrorMessage } from './startupError'
import { DEFAULT_LANGUAGE } from '@shared/i18n'
import { workerWriter } from './reports/writers'
import { workerReader } from './import/readInWorker'

let opened: DeskDoor | undefined

async function start(): Promise<void> {
  // Before anything opens a file there: an earlier version's data (Windows: roaming) moves here.
  const userDataDir = userDataDirAfterMove(app.getPath('userData'))
  const databaseFile = databaseFileIn(resolveDataDir({ userDataDir }))
  // This PC alone opens its database as before; a desk of the office server sends every call
  // there and opens none; the first start opens nothing until the page's choice (desk/deskDoor.ts).
  const openLocal = () =>
    openOrRecover({
      databaseFile,
      version: app.getVersion(),
      // Packaged: electron-builder copies resources/ next to the app (extraResources).
      resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
      reportWriter: workerWriter(join(__dirname, 'reportWorker.js')),
      spreadsheetReader: workerReader(join(__dirname, 'importWorker.js')),
      autoBackup: true,
      // safeStorage is usable once the app is ready (start runs after whenReady)
      auditKeys: safeStorageKeyProvider(resolveKeyDir({ userDataDir }), safeStorage),
      nativeBinding: electronNativeBinding({
        packaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        appPath: app.getAppPath(),
      }),
    })
  try {
    opened = await openDeskDoor({ settingsFile: join(userDataDir, DESK_SETTINGS_FILE), openLocal })
  } catch (error) {
    dialog.showErrorBox(PRODUCT_NAME, startupErrorMessage(error, databaseFile))
    app.exit(2)
    return
  }
  // In recovery mode the window shows the recovery page over the same IPC channels, which carry
  // the core's API once a recovery action has brought it up (recovery/openOrRecover.ts).
  const door = opened
  protocol.handle(APP_SCHEME, appProtocolHandler(join(__dirname, '../renderer')))
  const home = rendererUrl({ packaged: app.isPackaged, env: process.env })
  const trusted = senderCheckFor(home)
  // One system notification a day per account with its deadlines, after a sign-in on this desk.
  const remindTasks = taskReminderAfterSignIn(door.dispatch, {
    memory: fileReminderMemory(join(userDataDir, 'task-reminders.json')),
    notify: (title, body) => {
      const notification = new Notification({ title, body })
      notification.on('click', () => window.focus())
      notification.show()
    },
  })
  const { sessionOf } = registerIpcHandlers(ipcMain, door.dispatch, trusted, remindTasks)
  registerDeskHandlers(ipcMain, door.act, trusted)
  const window = createMainWindow(PRODUCT_NAME, home, async () => {
    const core = door.current()
    // Recovery mode: the language is in the file that did not open; the page offers all three.
    // A desk of the server (or before the choice) has no local preferences: the page has its own.
    return core ? (await core.services.preferences.get()).language : DEFAULT_LANGUAGE
  })
  registerPrintHandler(
    ipcMain,
    door.dispatch,
    sessionOf,
    trusted,
    printThroughDialog(() => window),
  )
  registerDialogHandlers(
    ipcMain,
    () => window,
    trusted,
    (path) => door.current()?.services.backup.chosen.allow(path),
  )
  // After the window and its API are up: the window shows (and answers) while the first start
  // of a day copies the database; a failure is logged by the core.
  // Only this PC's own database is copied here; the office server backs up its own.
  void door.localCore.then((core) => core.startDailyBackup())

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
}

// Windows: the per-user folder is the local one, not Electron's default roaming %APPDATA%
// (paths.ts); set before the single-instance lock, which lives in it.
if (process.platform === 'win32') app.setPath('userData', defaultUserDataDir())

// One window, one writer: a second start focuses the first instead of opening the file twice.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.setPath('sessionData', join(app.getPath('userData'), 'session'))
  // The page is served as app://desk (electron/appProtocol.ts); the scheme's privileges can
  // only be given before the app is ready.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
  app.whenReady().then(start, (error: unknown) => console.error(error))
  app.on('window-all-closed', () => app.quit())
  // Quitting waits for the core to close: a daily backup under way is abandoned at its next
  // step and its partial file removed (the next start makes one), not left half-written.
  app.on('will-quit', (event) => {
    const closing = opened
    if (!closing) return
    opened = undefined
    event.preventDefault()
    closing
      .close()
      .catch((error: unknown) => console.error(error))
      .finally(() => app.quit())
  })
  // Deny any <webview> or navigation that slips past the window's own handlers.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
