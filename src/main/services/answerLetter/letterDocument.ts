import type { PdfDocument } from '../../reports/pdf'

export interface LetterParts {
  title: string
  officeName: string
  officeAddress: string
  /** The outgoing number and date, or the blank to fill in by hand. */
  outgoing: string
  subject: string
  texts: {
    addressee: string
    address: string | null
    decision: string
    reasons: string
    appealRoute: string
    signatory: string
    signatoryPosition: string | null
  }
}

/** A text typed with blank lines between paragraphs, as paragraphs (single line breaks kept). */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

/**
 * The letter on A4 as an office's letters look: the letterhead (name, address) over a rule, the
 * outgoing number and date on the left and the addressee on the right, what it answers, the
 * body (decision, reasons, appeal route) as indented paragraphs, and the signature.
 */
export function answerLetterDocument(parts: LetterParts): PdfDocument {
  const { texts } = parts
  const body = [texts.decision, ...paragraphs(texts.reasons), texts.appealRoute].map((text) => ({
    text,
    leadingIndent: 28,
    alignment: 'justify',
    margin: [0, 0, 0, 8],
  }))
  return {
    info: { title: parts.title },
    pageSize: 'A4',
    pageMargins: [70, 50, 50, 50],
    defaultStyle: { fontSize: 12, lineHeight: 1.15 },
    content: [
      { text: parts.officeName, bold: true, fontSize: 13, alignment: 'center' },
      parts.officeAddress ? { text: parts.officeAddress, fontSize: 10, alignment: 'center', margin: [0, 2, 0, 0] } : '',
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 475, y2: 6, lineWidth: 1 }], margin: [0, 0, 0, 14] },
      {
        columns: [
          { text: parts.outgoing, width: '*', fontSize: 11 },
          {
            width: 220,
            stack: [{ text: texts.addressee, bold: true }, texts.address ? { text: texts.address } : ''],
          },
        ],
        margin: [0, 0, 0, 20],
      },
      { text: parts.subject, italics: true, fontSize: 11, margin: [0, 0, 0, 14] },
      ...body,
      {
        columns: [
          { text: texts.signatoryPosition ?? '', bold: true, width: '*' },
          { text: texts.signatory, bold: true, width: 'auto' },
        ],
        margin: [0, 36, 0, 0],
      },
    ],
  }
}
