import type { Language } from '@shared/i18n'
import { call } from '../../api/client'
import { downloadBase64 } from '../../api/files'

/** Fetches an appeal's receipt slip (талон) as a PDF in the given language and hands it over as a download. */
export async function downloadReceipt(id: number, lang: Language): Promise<void> {
  const { fileName, base64 } = await call('appeals.receipt', { id, lang })
  downloadBase64(base64, fileName)
}
