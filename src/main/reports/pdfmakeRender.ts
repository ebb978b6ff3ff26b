import { join } from 'node:path'
import pdfmake from 'pdfmake'
import type { PdfDocument } from './pdf'
import { joinLineWords } from './pdfmakeLines'

let configuredFor: string | null = null

/**
 * Renders with the app's font (Roboto from resources/fonts, which covers the Kazakh letters).
 * pdfmake may read only the font folder and nothing from the network: document content is
 * user data and must not make it fetch anything. Use renderPdf (pdf.ts), which loads this
 * file on first use.
 */
export function renderWithPdfmake(doc: PdfDocument, resourcesDir: string): Promise<Buffer> {
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
    joinLineWords(true)
    configuredFor = fonts
  }
  return pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto', fontSize: 10 }, ...doc }).getBuffer()
}
