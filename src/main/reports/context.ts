import type { Language } from '@shared/i18n'
import type { ReportSignature } from '@shared/reports/model'

/** What every report builder needs besides its parameters. */
export interface ReportContext {
  lang: Language
  /** The office's name in the report's language, for the page header. */
  office: string
  localityName(id: number): Promise<string>
  /** Who prepares the report (the operator), for the signature line. */
  preparedBy: string | null
  /** Today, YYYY-MM-DD, for the signature line. */
  today: string
  /** The line under the sector-by-year table ("Дереккөз: …"), from Settings or the office's name. */
  sourceNote: string
  /** The signature block: the office head from Settings, the person exporting, today. */
  signature: ReportSignature
}
