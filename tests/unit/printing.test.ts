import { describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { PRINT_CHANNEL } from '@shared/api/methods'
import type { ApiResult } from '@shared/api/errors'
import { createDispatcher, type Dispatch, type Gate } from '../../src/main/api/dispatcher'
import { pdfForPrinting, printJobOf, registerPrintHandler } from '../../src/main/electron/printing'
import { recordingHandlers } from '../helpers/fakeHandlers'
import { userContext } from '../helpers/context'

// printing.ts must not load Electron at runtime (the window that prints is printWindow.ts).
vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

const PDF = Buffer.from('%PDF-1.7 test')
const pdfHandlers = () =>
  recordingHandlers({
    'appeals.receipt': async () => ({ fileName: 'талон.pdf', base64: PDF.toString('base64') }),
    'appeals.answerLetter': async () => ({ fileName: 'жауап.pdf', base64: PDF.toString('base64') }),
    'reports.export': async () => ({ fileName: 'report.pdf', base64: PDF.toString('base64') }),
  })

/** A gate that reads the role from the session's name: "clerk-session" is a clerk. */
const gate: Gate = {
  identify: (ctx) => ({ user: ctx.session ? userContext(ctx.session.split('-')[0] as 'clerk').user! : null }),
  forbidden: async () => undefined,
}

const letter = {
  id: 4,
  lang: 'kk',
  addressee: 'Құрманғалиев Ұлан',
  address: null,
  decision: 'Шешім',
  reasons: 'Негіздеме',
  appealRoute: 'Шағымдану тәртібі',
  signatory: 'Сейітов А.',
  signatoryPosition: null,
}

describe('what gets printed', () => {
  it('only the documents that are PDFs, with an input object; a report always as its PDF', () => {
    expect(printJobOf({ method: 'appeals.receipt', input: { id: 1, lang: 'kk' } })).toEqual({
      method: 'appeals.receipt',
      input: { id: 1, lang: 'kk' },
    })
    expect(printJobOf({ method: 'reports.export', input: { kind: 'quarterly', format: 'xlsx' } })).toEqual({
      method: 'reports.export',
      input: { kind: 'quarterly', format: 'pdf' },
    })
    for (const request of [
      { method: 'appeals.revealPersonalData', input: { id: 1 } },
      { method: 'backup.create', input: {} },
      { method: 'appeals.receipt', input: null },
      { method: 'appeals.receipt', input: [1] },
      { method: 'appeals.receipt' },
      'appeals.receipt',
      null,
    ])
      expect(printJobOf(request), JSON.stringify(request)).toBeNull()
  })
})

describe('the document to print', () => {
  it('is fetched through the dispatcher with the window’s session, so the permission table applies', async () => {
    const { handlers, calls } = pdfHandlers()
    const dispatch = createDispatcher(handlers, vi.fn(), gate)

    const clerk = await pdfForPrinting(dispatch, 'clerk-session', { method: 'appeals.answerLetter', input: letter })
    expect(clerk).toEqual({ ok: true, data: PDF })
    expect(calls.map((c) => [c.method, c.ctx.user?.role, c.ctx.door])).toEqual([
      ['appeals.answerLetter', 'clerk', 'desktop'],
    ])

    // the letter is a personal-data document: a press officer may not print it, as they may not download it
    const press = await pdfForPrinting(dispatch, 'press-session', { method: 'appeals.answerLetter', input: letter })
    expect(press).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const signedOut = await pdfForPrinting(dispatch, null, { method: 'appeals.receipt', input: { id: 1, lang: 'kk' } })
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'signed_out' } })
    expect(calls).toHaveLength(1)
  })

  it('refuses what is not printable before asking the core', async () => {
    const dispatch = vi.fn<Dispatch>()
    const refused = await pdfForPrinting(dispatch, 'clerk-session', { method: 'appeals.get', input: { id: 1 } })
    expect(refused).toMatchObject({ ok: false, error: { messageKey: 'print.notPrintable' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('the print channel', () => {
  const event = (trusted: boolean, window = 7) =>
    ({ trusted, sender: { id: window } }) as unknown as IpcMainInvokeEvent & { trusted: boolean }

  it('prints for a trusted page with its window’s session, and refuses other senders', async () => {
    const listeners = new Map<string, (event: IpcMainInvokeEvent, request: unknown) => Promise<ApiResult<null>>>()
    const ipc = { handle: (channel: string, listener: never) => void listeners.set(channel, listener) }
    const { handlers } = pdfHandlers()
    const printed: Buffer[] = []
    registerPrintHandler(
      ipc,
      createDispatcher(handlers, vi.fn(), gate),
      (id) => (id === 7 ? 'clerk-session' : null),
      (e) => (e as unknown as { trusted: boolean }).trusted,
      async (pdf) => void printed.push(pdf),
    )
    const print = listeners.get(PRINT_CHANNEL)!
    const receipt = { method: 'appeals.receipt', input: { id: 1, lang: 'ru' } }

    expect(await print(event(true), receipt)).toEqual({ ok: true, data: null })
    expect(printed).toEqual([PDF])
    expect(await print(event(false), receipt)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    // another window has no session of its own
    expect(await print(event(true, 8), receipt)).toMatchObject({ ok: false, error: { code: 'signed_out' } })
    expect(printed).toHaveLength(1)
  })
})
