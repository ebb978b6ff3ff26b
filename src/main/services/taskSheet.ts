import type { DataSource } from 'typeorm'
import type { AppealSummary, TaskSheet } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { overseesExecutors } from '@shared/auth/methodPermissions'
import { localNow } from '@shared/domain/dates'
import { translate, type Language } from '@shared/i18n'
import { formatDate, renderPdf } from '../reports/pdf'
import type { AppealService } from './appeals/AppealService'
import { recordExport } from './audit'
import type { CallContext, Clock } from './context'
import type { OfficeService } from './office'
import type { StaffService } from './staff'

/** A summary longer than this is cut on the sheet: it is a reminder of the case, not the case. */
const SUMMARY_CHARS = 300

/**
 * The task sheet (тапсырмалар парағы): one executor's open appeals, soonest deadline first, on
 * A4 with the office, the date and the executor's signature line, for the morning's round or
 * the head's meeting. An executor prints their own; the head and the administrator anyone's.
 * It names applicants, so the history records who printed it.
 */
export class TaskSheetService {
  constructor(
    private readonly db: DataSource,
    private readonly appeals: AppealService,
    private readonly staff: StaffService,
    private readonly office: OfficeService,
    private readonly resourcesDir: string,
    private readonly clock: Clock,
  ) {}

  async render({ lang, executorId }: { lang: Language; executorId?: number }, ctx: CallContext): Promise<TaskSheet> {
    const own = ctx.operatorId ?? null
    const chosen = executorId ?? own
    if (chosen === null)
      throw new DomainError('validation', 'errors.validation', [
        { path: ['executorId'], messageKey: 'validation.required' },
      ])
    if (chosen !== own && !overseesExecutors(ctx.user?.role)) throw new DomainError('forbidden', 'errors.forbidden')
    const executor = await this.staff.find(chosen)
    if (!executor) throw new DomainError('not_found', 'errors.not_found')
    const rows = await this.appeals.openAppealsOf(chosen)
    const office = await this.office.get()
    const t = (key: string, params?: Record<string, string | number>) => translate(lang, `myTasks.sheet.${key}`, params)
    const officeName = (lang === 'ru' ? office.nameRu : office.nameKk) || office.nameKk || office.nameRu
    const today = localNow(this.clock()).date
    const header = [t('number'), t('applicant'), t('summary'), t('dueOn')].map((text) => ({ text, bold: true }))
    const line = (row: AppealSummary) => [
      row.regNumber,
      row.applicantName ?? translate(lang, `applicantKind.${row.applicantKind}`),
      row.summary.length > SUMMARY_CHARS ? `${row.summary.slice(0, SUMMARY_CHARS)}…` : row.summary,
      { text: formatDate(row.dueOn), color: row.overdue ? '#cf1322' : undefined, bold: row.overdue },
    ]

    const pdf = await renderPdf(
      {
        info: { title: `${t('title')}: ${executor.fullName}` },
        pageSize: 'A4',
        pageMargins: [40, 40, 40, 40],
        content: [
          officeName ? { text: officeName, alignment: 'center', margin: [0, 0, 0, 6] } : '',
          { text: t('title'), fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
          {
            columns: [
              { text: t('executor', { name: executor.fullName }), width: '*' },
              { text: t('date', { date: formatDate(today) }), width: 'auto' },
            ],
          },
          { text: t('total', { count: rows.length }), margin: [0, 4, 0, 10] },
          rows.length === 0
            ? { text: t('empty'), italics: true }
            : {
                table: { headerRows: 1, widths: [70, 110, '*', 60], body: [header, ...rows.map(line)] },
                layout: 'lightHorizontalLines',
                fontSize: 9,
              },
          { text: t('signature'), margin: [0, 30, 0, 0] },
        ],
      },
      this.resourcesDir,
    )
    const fileName = `${t('fileName')}-${formatDate(today)}.pdf`
    await recordExport(this.db, ctx, 'taskSheet', { executorId: chosen, appeals: rows.length, lang, fileName })
    return { fileName, base64: pdf.toString('base64') }
  }
}
