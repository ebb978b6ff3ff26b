import { createHash } from 'node:crypto'
import type { DataSource } from 'typeorm'
import type { ApiParsedInput, ImportPreview, ImportProgress, ImportResult } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { localNow } from '@shared/domain/dates'
import type { CalendarService } from '../services/calendar'
import type { CallContext, Clock } from '../services/context'
import type { LocalityService } from '../services/localities'
import type { SectorService } from '../services/sectors'
import type { SettingsStore } from '../services/settingsStore'
import type { StaffService } from '../services/staff'
import { commitImport } from './commit'
import { knownFingerprints, rowFingerprint } from './fingerprint'
import { analyse, type Analysis, type ImportInput } from './preview'
import { ImportProgressTracker } from './progress'
import { readSpreadsheet, type Spreadsheet } from './readSpreadsheet'
import { loadSectorMappings } from './sectorMatching'

export interface ImportDeps {
  db: DataSource
  settings: SettingsStore
  sectors: SectorService
  localities: LocalityService
  staff: StaffService
  calendar: CalendarService
  clock: Clock
}

/** Yield to the event loop after each chunk, so that progress calls are answered meanwhile. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Spreadsheet registers → appeals: `preview` judges every row and writes nothing; `commit`
 * judges the same bytes again (nothing from the preview is trusted) and imports the valid rows
 * in one transaction. The last file read is kept, parsed, so that changing the mapping and
 * committing do not read the workbook again.
 */
export class ImportService {
  readonly tracker = new ImportProgressTracker()
  private lastFile: { hash: string; book: Spreadsheet } | null = null

  constructor(private readonly deps: ImportDeps) {}

  async preview(input: ApiParsedInput<'import.preview'>): Promise<ImportPreview> {
    const { book } = await this.read(input)
    return (await this.analyse(book, input)).preview
  }

  async commit(input: ApiParsedInput<'import.commit'>, ctx: CallContext): Promise<ImportResult> {
    const id = input.importId
    this.tracker.set(id, 'reading')
    try {
      const { book, hash } = await this.read(input)
      await yieldToEventLoop()
      this.tracker.set(id, 'checking')
      const analysis = await this.analyse(book, input)
      const total = analysis.valid.length
      this.tracker.set(id, 'writing', 0, total)
      await yieldToEventLoop()
      const result = await commitImport(
        {
          db: this.deps.db,
          settings: this.deps.settings,
          calendar: await this.deps.calendar.load(),
          progress: async (done) => {
            this.tracker.set(id, 'writing', done, total)
            await yieldToEventLoop()
          },
        },
        analysis,
        hash,
        ctx,
      )
      this.tracker.set(id, 'done', total, total)
      return result
    } catch (error) {
      this.tracker.set(id, 'failed')
      throw error
    }
  }

  progress(input: ApiParsedInput<'import.progress'>): ImportProgress {
    return this.tracker.get(input.importId)
  }

  private async read({ file }: ImportInput): Promise<{ book: Spreadsheet; hash: string }> {
    const bytes = Buffer.from(file.base64, 'base64')
    const hash = createHash('sha256').update(bytes).digest('hex')
    if (this.lastFile?.hash !== hash) {
      this.lastFile = null // never keep two workbooks in memory
      this.lastFile = { hash, book: await readSpreadsheet(file.fileName, bytes) }
    }
    return { book: this.lastFile.book, hash }
  }

  private async analyse(book: Spreadsheet, input: ImportInput): Promise<Analysis> {
    const { db, settings, sectors, localities, staff, clock } = this.deps
    const now = localNow(clock())
    const catalogs = {
      sectors: await sectors.list({ includeInactive: true }),
      localities: await localities.list({ includeInactive: false }),
      staff: await staff.list({ includeInactive: false }),
      remembered: await loadSectorMappings(settings),
      known: (prints: string[]) => knownFingerprints(db.manager, prints),
    }
    if (input.defaults.sectorId !== null && !catalogs.sectors.some((s) => s.id === input.defaults.sectorId && s.active)) {
      throw new DomainError('validation', 'errors.validation', [{ path: ['defaults', 'sectorId'], messageKey: 'validation.unknownReference' }])
    }
    return analyse(book, input.file.fileName, input, catalogs, { today: now.date, now: `${now.date}T${now.time}` }, rowFingerprint)
  }
}
