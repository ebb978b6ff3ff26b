import type { DataSource } from 'typeorm'
import type { ExportedReport, ReportParams } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { localNow } from '@shared/domain/dates'
import type { Language } from '@shared/i18n'
import type { ReportKind, ReportModel } from '@shared/reports/model'
import { LocalityEntity } from '../db/entities'
import type { ReportContext } from '../reports/context'
import { sectorByYear } from '../reports/sectorByYear'
import type { ReportWriter } from '../reports/writers'
import type { CallContext, Clock } from './context'
import type { OfficeService } from './office'

type Builder<K extends ReportKind> = (db: DataSource, params: Extract<ReportParams, { kind: K }>, ctx: ReportContext) => Promise<ReportModel>

/** Every report, by kind. Each builder computes its numbers in SQL and returns a plain model. */
const BUILDERS: { [K in ReportKind]?: Builder<K> } = {
  'sector-by-year': sectorByYear,
}

/**
 * Reports: one model per report, rendered by the UI preview and by the xlsx and pdf writers;
 * no number is computed twice.
 */
export class ReportService {
  constructor(
    private readonly db: DataSource,
    private readonly office: OfficeService,
    private readonly writer: ReportWriter,
    private readonly resourcesDir: string,
    private readonly clock: Clock,
  ) {}

  async build(lang: Language, params: ReportParams, call: CallContext): Promise<ReportModel> {
    const builder = BUILDERS[params.kind] as Builder<typeof params.kind> | undefined
    if (!builder) throw new DomainError('validation', 'errors.validation', [{ path: ['params', 'kind'], messageKey: 'validation.invalidOption' }])
    return builder(this.db, params as never, await this.context(lang, call))
  }

  async export(lang: Language, params: ReportParams, format: 'xlsx' | 'pdf', call: CallContext): Promise<ExportedReport> {
    const model = await this.build(lang, params, call)
    const bytes = await this.writer({
      model,
      format,
      pdf: { resourcesDir: this.resourcesDir, preparedBy: call.operator, today: localNow(this.clock()).date },
    })
    return { fileName: `${fileStem(model)}.${format}`, base64: bytes.toString('base64') }
  }

  private async context(lang: Language, call: CallContext): Promise<ReportContext> {
    const office = await this.office.get()
    const localities = this.db.getRepository(LocalityEntity)
    return {
      lang,
      office: (lang === 'ru' ? office.nameRu : office.nameKk) || office.nameKk || office.nameRu,
      localityName: async (id) => {
        const row = await localities.findOne({ where: { id } })
        return row ? (lang === 'ru' ? row.nameRu : lang === 'en' ? (row.nameEn ?? row.nameKk) : row.nameKk) : ''
      },
      preparedBy: call.operator,
      today: localNow(this.clock()).date,
    }
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
