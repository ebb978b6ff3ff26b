/** The document definition pdfmake takes; kept loose on purpose (pdfmake has no types). */
export type PdfDocument = Record<string, unknown>

/**
 * Renders a pdfmake document to bytes with the app's font (see pdfmakeRender.ts). pdfmake is
 * loaded on the first call: the report builders and the receipt import this file in the main
 * thread, which should not pay for loading pdfmake at start.
 */
export async function renderPdf(doc: PdfDocument, resourcesDir: string): Promise<Buffer> {
  const { renderWithPdfmake } = await import('./pdfmakeRender')
  return renderWithPdfmake(doc, resourcesDir)
}

/** 2026-11-27 → 27.11.2026, as Kazakh and Russian official papers write dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${d}.${m}.${y}`
}
