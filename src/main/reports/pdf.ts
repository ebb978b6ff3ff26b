import { join } from 'node:path'
import pdfmake from 'pdfmake'

/** The document definition pdfmake takes; kept loose on purpose (pdfmake has no types). */
export type PdfDocument = Record<string, unknown>

let configuredFor: string | null = null

/**
 * Renders a pdfmake document to bytes with the app's font (Roboto from resources/fonts, which
 * covers the Kazakh letters). pdfmake may read only the font folder and nothing from the
 * network: document content is user data and must not make it fetch anything.
 */
export async function renderPdf(doc: PdfDocument, resourcesDir: string): Promise<Buffer> {
  const fonts = join(resourcesDir, 'fonts', 'Roboto')
  if (configuredFor !== fonts) {
    pdfmake.setFonts({
      Roboto: {
        normal: join(fonts, 'Roboto-Regular.ttf'),
        bold: join(fonts, 'Roboto-Medium.ttf'),
        italics: join(fonts, 'Roboto-Italic.ttf'),
        bolditalics: join(fonts, 'Roboto-MediumItalic.ttf'),
      },
    })
    pdfmake.setUrlAccessPolicy(() => false)
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts))
    configuredFor = fonts
  }
  return pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto', fontSize: 10 }, ...doc }).getBuffer()
}

/** 2026-11-27 → 27.11.2026, as Kazakh and Russian official papers write dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${d}.${m}.${y}`
}
