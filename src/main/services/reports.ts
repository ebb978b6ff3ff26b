import type { DataSource } from 'typeorm'
import type { ApiParsedInput, ExportedReport, ExportProgress, ReportParams } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { LIST_EXPORT_LIMIT, shownColumns } from '@shared/domain/appealColumns'
import { localNow } from '@shared/domain/dates'
import type { Language } from '@shared/i18n'
import type { ReportKind, ReportModel } from '@shared/reports/model'
import { LocalityEntity } from '../db/entities'
import { appealListModel, appealListRows, listNames } from '../reports/appealList'
import type { ReportContext } from '../reports/context'
import { ExportProgressTracker } from '../reports/exportProgress'
import { sourceNote } from '../reports/sourceNote'
import { pressSummary } from '../reports/pressSummary'
import { quarterly } from '../reports/quarterly'
import { register, registerPages } from '../reports/register'
import { sectorByYear } from '../reports/sectorByYear'
import type { ReportWriter } from '../reports/writers'
import type { RowPages } from '../reports/xlsx'
import type { ListedAppeals } from './appeals/listAll'
import { recordExport } from './audit'
import type { CallContext, Clock } from './context'
import type { OfficeService } from './office'

type Params<K extends ReportKind> = Extract<ReportParams, { kind: K }>
type Builder<K extends ReportKind> = (db: DataSource, params: Params<K>, ctx: ReportContext) => Promise<ReportModel>
type Pager<K extends ReportKind> = (db: DataSource, params: Params<K>, ctx: ReportContext) => RowPages

/** Every report, by kind. Each builder computes its numbers in SQL and returns a plain model. */
const BUILDERS: { [K in ReportKind]: Builder<K> } = {
  'sector-by-year': sectorByYear,
  quarterly,
  register,
  'press-summary': pressSummary,
}

/**
 * Reports too long for their model (see ReportModel.rowsTotal): their files are written from
 * these rows, read page by page while writing, instead of from the model's first rows.
 */
const PAGED: { [K in ReportKind]?: Pager<K> } = {
  register: registerPages,
}

/**
 * Reports whose files name people (the register lists every applicant): each file made is
 * written into the history with who made it and for which period and filter. The others
 * hold counts only.
 */
const WITH_PERSONAL_DATA: ReadonlySet<ReportKind> = new Set<ReportKind>(['register'])

/**
 * Reports: one model per report, rendered by the UI preview and by the xlsx and pdf writers;
 * no number is computed twice.
 */
export class ReportService {
  private readonly exports = new ExportProgressTracker()

  constructor(
    private readonly db: DataSource,
    private readonly office: OfficeService,
    private readonly writer: ReportWriter,
    private readonly resourcesDir: string,
    private readonly clock: Clock,
  ) {}

  async build(lang: Language, params: ReportParams, call: CallContext): Promise<ReportModel> {
    return this.buildIn(params, await this.context(lang, call))
  }

  /**
   * Writes the report as a file. A PDF is refused, before anything is written, when the
   * report has more rows than a PDF holds (model.limits); Excel takes any length. With an
   * `exportId`, a writer that reports its progress (the register's PDF) can be followed with
   * `progress`.
   */
  async export(
    lang: Language,
    params: ReportParams,
    format: 'xlsx' | 'pdf',
    call: CallContext,
    exportId: string | null = null,
  ): Promise<ExportedReport> {
    const ctx = await this.context(lang, call)
    const model = await this.buildIn(params, ctx)
    if (format === 'pdf') checkPdfLimit(model)
    const pager = PAGED[params.kind] as Pager<typeof params.kind> | undefined
    const bytes = await this.writer({
      model,
      format,
      pdf: { resourcesDir: this.resourcesDir },
      pages: pager?.(this.db, params as never, ctx),
      onProgress: exportId === null ? undefined : (done, total) => this.exports.set(exportId, done, total),
    })
    const fileName = `${fileStem(model)}.${format}`
    if (WITH_PERSONAL_DATA.has(params.kind))
      await recordExport(this.db, call, 'register', { params, format, lang, fileName, rows: model.rowsTotal ?? null })
    return { fileName, base64: bytes.toString('base64') }
  }

  /**
   * The appeal list as it is filtered, as a file: every row the list shows (`listed`, from
   * AppealService.listAll), in the chosen columns, through the same writers as the register.
   * A list longer than LIST_EXPORT_LIMIT is refused, with its count, before anything is read
   * or written. The history records who exported which filter, never the rows.
   */
  async exportAppealList(
    input: ApiParsedInput<'appeals.exportList'>,
    listed: ListedAppeals,
    call: CallContext,
  ): Promise<ExportedReport> {
    if (listed.total > LIST_EXPORT_LIMIT) {
      throw new DomainError('validation', 'appealList.tooLong', [
        {
          path: ['filters'],
          messageKey: 'appealList.tooMany',
          params: { count: listed.total, limit: LIST_EXPORT_LIMIT },
        },
      ])
    }
    const ctx = await this.context(input.lang, call)
    const columns = shownColumns(input.columns)
    const names = await listNames(this.db, input.lang)
    const model = await appealListModel(input.filters, columns, listed.total, names, ctx)
    const bytes = await this.writer({
      model: { ...model, signature: ctx.signature },
      format: input.format,
      pdf: { resourcesDir: this.resourcesDir },
      pages: appealListRows(listed.pages, columns, names, input.lang),
    })
    const fileName = `${fileStem(model)}.${input.format}`
    await recordExport(this.db, call, 'appeal-list', {
      filters: input.filters,
      columns,
      format: input.format,
      lang: input.lang,
      fileName,
      rows: listed.total,
    })
    return { fileName, base64: bytes.toString('base64') }
  }

  /** How far the file of `exportId` got (see export). */
  progress(exportId: string): ExportProgress {
    return this.exports.get(exportId)
  }

  private async buildIn(params: ReportParams, ctx: ReportContext): Promise<ReportModel> {
    const builder = BUILDERS[params.kind] as Builder<typeof params.kind>
    return { ...(await builder(this.db, params as never, ctx)), signature: ctx.signature }
  }

  private async context(lang: Language, call: CallContext): Promise<ReportContext> {
    const office = await this.office.get()
    const localities = this.db.getRepository(LocalityEntity)
    const today = localNow(this.clock()).date
    return {
      lang,
      office: (lang === 'ru' ? office.nameRu : office.nameKk) || office.nameKk || office.nameRu,
      localityName: async (id) => {
        const row = await localities.findOne({ where: { id } })
        return row ? (lang === 'ru' ? row.nameRu : lang === 'en' ? (row.nameEn ?? row.nameKk) : row.nameKk) : ''
      },
      preparedBy: call.operator,
      today,
      sourceNote: sourceNote(office, lang),
      signature: {
        position: (lang === 'ru' ? office.headPositionRu : office.headPosition) || office.headPosition,
        name: office.headName,
        preparedBy: call.operator,
        date: today,
      },
    }
  }
}

function checkPdfLimit(model: ReportModel): void {
  const rows = model.rowsTotal ?? 0
  const limit = model.limits?.pdfRows
  if (limit !== undefined && rows > limit) {
    throw new DomainError('validation', 'reports.pdfTooLarge', [
      { path: ['format'], messageKey: 'reports.pdfRowLimit', params: { rows, limit } },
    ])
  }
}

/** A file name from the title: letters of any script, digits and dashes. */
function fileStem(model: ReportModel): string {
  return (
    model.title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || model.kind
  )
}
