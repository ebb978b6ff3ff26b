import type { ApiParsedInput, OwnPreferences, Preferences } from '@shared/api/contract'
import { reportParams } from '@shared/api/areas/reports'
import { shownColumns } from '@shared/domain/appealColumns'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/i18n/languages'
import { REPORT_KINDS } from '@shared/reports/model'
import type { CallContext } from './context'
import type { SettingsStore } from './settingsStore'

const KEY = 'preferences'
/** One user's own choices, under their account's id (a call with no user: the core's own, id 0). */
const ownKey = (ctx: CallContext) => `preferences.user.${ctx.user?.id ?? 0}`

/**
 * Interface preferences kept in the database rather than the browser's storage, so the
 * desktop window and the web mode (whose origin changes with its port) remember the same: the
 * language, and each report's parameters as last used (the Reports page opens on them), for
 * the office; the register's columns for each user.
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

  /** The signed-in user's own choices; columns a newer or older version stored are kept only if known. */
  async own(ctx: CallContext): Promise<OwnPreferences> {
    const stored = await this.settings.get<{ appealColumns?: unknown }>(ownKey(ctx))
    const columns = Array.isArray(stored?.appealColumns) ? stored.appealColumns.map(String) : null
    return { appealColumns: shownColumns(columns) }
  }

  async update(
    { language, report, appealColumns }: ApiParsedInput<'preferences.update'>,
    ctx: CallContext,
  ): Promise<Preferences> {
    const current = await this.get()
    const next: Preferences = {
      language: language ?? current.language,
      reports: report ? { ...current.reports, [report.kind]: report } : current.reports,
    }
    await this.settings.set(KEY, next)
    if (appealColumns) await this.settings.set(ownKey(ctx), { appealColumns: shownColumns(appealColumns) })
    return next
  }
}
