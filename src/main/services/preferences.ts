import type { ApiParsedInput, Preferences } from '@shared/api/contract'
import { reportParams } from '@shared/api/areas/reports'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/i18n/languages'
import { REPORT_KINDS } from '@shared/reports/model'
import type { SettingsStore } from './settingsStore'

const KEY = 'preferences'

/**
 * Interface preferences kept in the database rather than the browser's storage, so the
 * desktop window and the web mode (whose origin changes with its port) remember the same: the
 * language, and each report's parameters as last used (the Reports page opens on them).
 */
export class PreferencesService {
  constructor(private readonly settings: SettingsStore) {}

  async get(): Promise<Preferences> {
    const stored = await this.settings.get<{ language?: unknown; reports?: Record<string, unknown> }>(KEY)
    const reports: Preferences['reports'] = {}
    // Parameters stored by an older version, or no longer valid, are dropped, not passed on.
    for (const kind of REPORT_KINDS) {
      const parsed = reportParams.safeParse(stored?.reports?.[kind])
      if (parsed.success && parsed.data.kind === kind) Object.assign(reports, { [kind]: parsed.data })
    }
    return { language: isLanguage(stored?.language) ? stored.language : DEFAULT_LANGUAGE, reports }
  }

  async update({ language, report }: ApiParsedInput<'preferences.update'>): Promise<Preferences> {
    const current = await this.get()
    const next: Preferences = {
      language: language ?? current.language,
      reports: report ? { ...current.reports, [report.kind]: report } : current.reports,
    }
    await this.settings.set(KEY, next)
    return next
  }
}
