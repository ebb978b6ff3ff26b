import type { DataSource } from 'typeorm'
import type { Appeal, Receipt } from '@shared/api/contract'
import { translate, type Language } from '@shared/i18n'
import { formatDate, renderPdf } from '../reports/pdf'
import type { AppealService } from './appeals/AppealService'
import { recordExport } from './audit'
import type { CallContext } from './context'
import type { OfficeService } from './office'

/**
 * Who accepted the appeal, with the position in the receipt's language: a Russian receipt takes
 * the Russian position and leaves it out when none is typed, never the Kazakh one.
 */
function acceptedBy(person: Appeal['acceptedBy'], lang: Language): string {
  if (!person) return '—'
  const position = lang === 'ru' ? person.positionRu : person.position
  return position ? `${person.fullName}, ${position}` : person.fullName
}

/**
 * The receipt slip (талон) handed to the applicant: number, date and time, who accepted the
 * appeal, the applicant, the content in short, and the deadline (and, once extended, the
 * extended term with the day of the decision); in the language chosen. It names the applicant
 * and carries none of their IIN/BIN, phone or address: the slip proves the appeal was accepted,
 * and is often photographed and passed around.
 */
export class ReceiptService {
  constructor(
    private readonly db: DataSource,
    private readonly appeals: AppealService,
    private readonly office: OfficeService,
    private readonly resourcesDir: string,
  ) {}

  /** The slip as a PDF; it names the applicant, so the history records who printed it. */
  async render({ id, lang }: { id: number; lang: Language }, ctx: CallContext): Promise<Receipt> {
    const appeal = await this.appeals.get(id, ctx)
    const office = await this.office.get()
    const t = (key: string, params?: Record<string, string | number>) => translate(lang, `receipt.${key}`, params)
    const officeName = (lang === 'ru' ? office.nameRu : office.nameKk) || office.nameKk || office.nameRu
    const [date, time] = appeal.receivedAt.split('T') as [string, string]
    const summary = appeal.summary.length > 400 ? `${appeal.summary.slice(0, 400)}…` : appeal.summary
    const row = (label: string, value: string) => [{ text: label, bold: true }, value]

    const pdf = await renderPdf(
      {
        info: { title: `${t('title')} ${appeal.regNumber}` },
        pageMargins: [50, 50, 50, 50],
        content: [
          officeName ? { text: officeName, alignment: 'center', margin: [0, 0, 0, 6] } : '',
          { text: t('title'), fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 18] },
          {
            table: {
              widths: [170, '*'],
              body: [
                row(t('number'), appeal.regNumber),
                row(t('receivedAt'), `${formatDate(date)} ${time}`),
                row(t('registeredOn'), formatDate(appeal.registeredOn)),
                row(t('applicant'), appeal.applicantName ?? t('anonymous')),
                row(t('summary'), summary),
                row(t('dueOn'), formatDate(appeal.reviewDueOn)),
                ...(appeal.extension
                  ? [
                      row(
                        t('extendedTo'),
                        t('extendedToValue', {
                          date: formatDate(appeal.extension.extendedDueOn),
                          decided: formatDate(appeal.extension.decidedOn),
                        }),
                      ),
                    ]
                  : []),
                row(t('acceptedBy'), acceptedBy(appeal.acceptedBy, lang)),
              ],
            },
            layout: 'lightHorizontalLines',
          },
          { text: t('note'), fontSize: 9, italics: true, margin: [0, 14, 0, 30] },
          {
            columns: [
              { text: `${t('signature')} ____________________`, width: '*' },
              { text: `${formatDate(date)}`, width: 'auto' },
            ],
          },
        ],
      },
      this.resourcesDir,
    )
    const fileName = `${t('fileName')}-${appeal.regNumber}.pdf`
    await recordExport(this.db, ctx, 'receipt', { appealId: id, regNumber: appeal.regNumber, lang, fileName })
    return { fileName, base64: pdf.toString('base64') }
  }
}
