import type { Language } from '@shared/i18n'
import { call } from '../../api/client'

/**
 * Fetches an appeal's receipt slip (талон) as a PDF in the given language and hands it to the
 * browser as a download. Both doors carry JSON, so the PDF arrives base64-encoded.
 */
export async function downloadReceipt(id: number, lang: Language): Promise<void> {
  const { fileName, base64 } = await call('appeals.receipt', { id, lang })
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The browser reads the blob after click() returns; give it time before letting go of it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
