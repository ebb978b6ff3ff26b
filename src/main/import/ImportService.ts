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
import { interpret, judge, type Analysis, type ImportInput, type Interpretation, type RowCatalogs } from './preview'
import { ImportProgressTracker } from './progress'
import { readInThisThread, type SpreadsheetReader } from './readInWorker'
import type { Spreadsheet } from './readSpreadsheet'
import { loadSectorMappings } from './sectorMatching'

export interface ImportDeps {
  db: DataSource
  settings: SettingsStore
  sectors: SectorService
  localities: LocalityService
  staff: StaffService
  calendar: CalendarService
  clock: Clock
  /** Reads the files: in a worker in the app (readInWorker.ts), in this thread by default. */
  readSpreadsheet?: SpreadsheetReader
}

/** Yield to the event loop after each chunk, so that progress calls are answered meanwhile. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Spreadsheet registers → appeals: `preview` judges every row and writes nothing; `commit`
 * judges the same bytes again (nothing from the preview is trusted) and imports the valid rows
 * in one transaction. The last file read is kept, parsed, so that changing the mapping and
 * committing do not read the workbook again; so is the last reading of its rows (see
 * `interpretation`), reused only when everything it depends on is unchanged.
 */
export class ImportService {
  readonly tracker = new ImportProgressTracker()
  private lastFile: { hash: string; book: Spreadsheet } | null = null
  /** The rows of the last file as last interpreted, and what that depended on. */
  private lastInterpretation: { key: string; today: string; now: string; interpretation: Interpretation } | null = null

  constructor(private readonly deps: ImportDeps) {}

  async preview(input: ApiParsedInput<'import.preview'>): Promise<ImportPreview> {
    const { book, hash } = await this.read(input)
    return (await this.analyse(book, hash, input)).preview
  }

  async commit(input: ApiParsedInput<'import.commit'>, ctx: CallContext): Promise<ImportResult> {
    const id = input.importId
    this.tracker.set(id, 'reading')
    try {
      const { book, hash } = await this.read(input)
      await yieldToEventLoop()
      this.tracker.set(id, 'checking')
      const analysis = await this.analyse(book, hash, input)
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
      this.lastInterpretation = null
      const read = this.deps.readSpreadsheet ?? readInThisThread
      this.lastFile = { hash, book: await read(file.fileName, bytes) }
    }
    return { book: this.lastFile.book, hash }
  }

  /**
   * Judges every row. The catalogs, the remembered sector choices and the clock are read
   * afresh each time, and so is which rows were imported before; the rows' interpretation
   * (the costly part: every cell parsed, every row checked by the appeal's schema) is reused
   * from the last call only when all it depends on is the same: the file, the caller's
   * choices, the catalogs as read now, the office day, and no row refused for a time that
   * is now past (a clock only moves forward: a row received before the earlier "now" is
   * received before this one).
   */
  private async analyse(book: Spreadsheet, hash: string, input: ImportInput): Promise<Analysis> {
    const { db, settings, sectors, localities, staff, clock } = this.deps
    const now = localNow(clock())
    const catalogs: RowCatalogs = {
      sectors: await sectors.list({ includeInactive: true }),
      localities: await localities.list({ includeInactive: false }),
      staff: await staff.list({ includeInactive: false }),
      remembered: await loadSectorMappings(settings),
    }
    if (
      input.defaults.sectorId !== null &&
      !catalogs.sectors.some((s) => s.id === input.defaults.sectorId && s.active)
    ) {
      throw new DomainError('validation', 'errors.validation', [
        { path: ['defaults', 'sectorId'], messageKey: 'validation.unknownReference' },
      ])
    }
    const clockNow = { today: now.date, now: `${now.date}T${now.time}` }
    const { fileName } = input.file
    const key = JSON.stringify([
      hash,
      fileName,
      input.headerRow,
      input.columns,
      input.sectorMapping,
      input.defaults,
      catalogs,
    ])
    const last = this.lastInterpretation
    const reusable =
      last !== null &&
      last.key === key &&
      last.today === clockNow.today &&
      last.now <= clockNow.now &&
      !last.interpretation.clockDependent
    const interpretation = reusable
      ? last.interpretation
      : interpret(book, fileName, input, catalogs, clockNow, rowFingerprint)
    if (!reusable) this.lastInterpretation = { key, ...clockNow, interpretation }
    return judge(interpretation, (prints) => knownFingerprints(db.manager, prints), {
      calendar: await this.deps.calendar.load(),
      today: clockNow.today,
    })
  }
}
