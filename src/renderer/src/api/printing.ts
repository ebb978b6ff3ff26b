import type { ApiInput } from '@shared/api/contract'
import type { PrintableMethod } from '@shared/api/methods'
import { ApiCallError, call } from './client'
import { base64Blob } from './files'

/**
 * "Print" for a document the core makes as a PDF (receipt, answer letter, task sheet, report).
 * On the desktop the main process fetches it with this window's session and opens the system
 * print dialog (main/electron/printing.ts). In a browser the PDF opens in a new tab, where the
 * browser's viewer prints it: the tab is opened before the document is asked for, while the
 * click still counts as the user's, or the pop-up blocker would stop it.
 */
export async function printDocument<M extends PrintableMethod>(method: M, input: ApiInput<M>): Promise<void> {
  const bridge = window.akimatDesk
  if (bridge) {
    const result = await bridge.print(method, input)
    if (!result.ok) throw new ApiCallError(result.error)
    return
  }
  const tab = window.open('', '_blank')
  if (!tab) throw new ApiCallError({ code: 'internal', messageKey: 'print.popupBlocked', issues: [] })
  try {
    const file = (await call(method, input)) as { base64: string; fileName: string }
    const url = URL.createObjectURL(base64Blob(file.base64, file.fileName))
    tab.location.href = url
    // The tab has read the blob once it shows it; kept a minute for a slow start.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (error) {
    tab.close()
    throw error
  }
}
