import type { IpcMain } from 'electron'
import { PRINT_CHANNEL, PRINTABLE_METHODS, type PrintableMethod } from '@shared/api/methods'
import type { ApiResult } from '@shared/api/errors'
import type { Dispatch } from '../api/dispatcher'
import type { SenderCheck } from './ipc'

/** What the page asks to print: a method that returns a PDF, and its input. */
export interface PrintJob {
  method: PrintableMethod
  input: Record<string, unknown>
}

const refused = (messageKey: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'validation', messageKey, issues: [] },
})

/**
 * The job a print request stands for, or null: only the documents that are PDFs (the receipt,
 * the answer letter, the task sheet, a report), with an input object; a report is always asked
 * for as its PDF, whatever format the page named.
 */
export function printJobOf(request: unknown): PrintJob | null {
  if (typeof request !== 'object' || request === null) return null
  const { method, input } = request as { method?: unknown; input?: unknown }
  if (!PRINTABLE_METHODS.includes(method as PrintableMethod)) return null
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null
  const job = { method: method as PrintableMethod, input: { ...(input as Record<string, unknown>) } }
  if (job.method === 'reports.export') job.input.format = 'pdf'
  return job
}

/**
 * The PDF to print: the job's method called through the dispatcher with the window's session,
 * exactly as a download would be, so the permission table, the personal-data rule and the
 * history entry of each document apply to printing too.
 */
export async function pdfForPrinting(
  dispatch: Dispatch,
  session: string | null,
  request: unknown,
): Promise<ApiResult<Buffer>> {
  const job = printJobOf(request)
  if (!job) return refused('print.notPrintable')
  const answer = await dispatch(job.method, job.input, { session, operator: null, door: 'desktop' })
  if (!answer.ok) return answer
  const { base64 } = answer.data as { base64?: unknown }
  if (typeof base64 !== 'string') return refused('print.notPrintable')
  return { ok: true, data: Buffer.from(base64, 'base64') }
}

/** Shows the system print dialog for a PDF (printWindow.ts); resolves when it is closed. */
export type PrintPdf = (pdf: Buffer) => Promise<void>

/**
 * The print channel of the desktop window: a trusted page asks for a printable document by
 * method and input; main fetches it with that window's session and opens the print dialog.
 */
export function registerPrintHandler(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  sessionOf: (webContentsId: number) => string | null,
  isTrustedSender: SenderCheck,
  printPdf: PrintPdf,
): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, request: unknown): Promise<ApiResult<null>> => {
    if (!isTrustedSender(event))
      return { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] } }
    const pdf = await pdfForPrinting(dispatch, sessionOf(event.sender.id), request)
    if (!pdf.ok) return pdf
    await printPdf(pdf.data)
    return { ok: true, data: null }
  })
}
