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

/** A summary longer than this is cut: both halves must fit on one A4 sheet. */
const SUMMARY_CHARS = 300
/** A4's height in points, and the margin of each half. */
const A4_HEIGHT = 841.89
const MARGIN = 40

/**
 * The receipt slip (талон) handed to the applicant: number, date and time, who accepted the
 * appeal, the applicant, the content in short, and the deadline (and, once extended, the
 * extended term with the day of the decision); in the language chosen. It names the applicant
 * and carries none of their IIN/BIN, phone or address: the slip proves the appeal was accepted,
 * and is often photographed and passed around.
 *
 * One A4 sheet holds two halves with the same content, separated by a cut line: the applicant's
 * slip and the office's copy, which says so and has a line for the applicant's signature that
 * the slip was handed over, as paper registers keep it. The office's copy carries no IIN, phone
 * or address either: the office holds them in the register already, and a paper copy in a
 * folder is one more place for them to leave from, for nothing the copy proves.
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
    const summary =
      appeal.summary.length > SUMMARY_CHARS ? `${appeal.summary.slice(0, SUMMARY_CHARS)}…` : appeal.summary
    const row = (label: string, value: string) => [{ text: label, bold: true }, value]
    // A function, not one array: pdfmake writes its layout into the cells it draws, so each half gets its own.
    const rows = () => [
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
    ]
    /** One half of the sheet: the same slip, told apart by its label and, on the office's copy, the applicant's receipt line. */
    const half = (copy: 'applicantCopy' | 'officeCopy') => ({
      stack: [
        { text: t(copy), fontSize: 8, alignment: 'right', color: '#444444' },
        officeName ? { text: officeName, alignment: 'center', margin: [0, 0, 0, 4] } : '',
        { text: t('title'), fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
        { table: { widths: [150, '*'], body: rows() }, layout: 'lightHorizontalLines' },
        { text: t('note'), fontSize: 8, italics: true, margin: [0, 6, 0, 12] },
        {
          columns: [
            { text: `${t('signature')} ____________________`, width: '*' },
            { text: formatDate(date), width: 'auto' },
          ],
        },
        copy === 'officeCopy'
          ? { text: `${t('handedTo')} ____________________  «___» __________ 20__`, margin: [0, 12, 0, 0] }
          : '',
      ],
    })

    const pdf = await renderPdf(
      {
        info: { title: `${t('title')} ${appeal.regNumber}` },
        pageSize: 'A4',
        pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
        defaultStyle: { fontSize: 10 },
        content: [
          // The cut runs across the middle of the sheet, so each half is an A5 slip.
          half('applicantCopy'),
          {
            stack: [
              { text: t('cutLine'), fontSize: 7, color: '#666666', alignment: 'center' },
              {
                canvas: [{ type: 'line', x1: 0, y1: 2, x2: 595, y2: 2, lineWidth: 0.7, dash: { length: 4, space: 3 } }],
              },
            ],
            absolutePosition: { x: 0, y: A4_HEIGHT / 2 - 10 },
          },
          { ...half('officeCopy'), absolutePosition: { x: MARGIN, y: A4_HEIGHT / 2 + MARGIN - 10 } },
        ],
      },
      this.resourcesDir,
    )
    const fileName = `${t('fileName')}-${appeal.regNumber}.pdf`
    await recordExport(this.db, ctx, 'receipt', { appealId: id, regNumber: appeal.regNumber, lang, fileName })
    return { fileName, base64: pdf.toString('base64') }
  }
}
