import type { Language } from '@shared/i18n'
import { call } from '../../../api/client'
import { downloadBase64 } from '../../../api/files'

/** Fetches an executor's task sheet (the caller's own without `executorId`) and hands it over as a download. */
export async function downloadTaskSheet(lang: Language, executorId?: number): Promise<void> {
  const { fileName, base64 } = await call('appeals.taskSheet', { lang, executorId })
  downloadBase64(base64, fileName)
}
