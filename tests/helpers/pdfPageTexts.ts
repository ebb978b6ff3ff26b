/**
 * The text of each page of a PDF, read with pdfjs-dist (the text items of a page joined by
 * spaces, in drawing order). For tests that ask what is on which page: the signature's page,
 * the last page of a register.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const { text } = await pdfChosenPageTexts(bytes, (count) => Array.from({ length: count }, (_, i) => i + 1))
  return [...text.values()]
}

/**
 * The page count of a PDF and the text of the pages chosen from it (numbered from 1), the others
 * left unread: pdf.js reads some 40 pages a second here, and a register at the PDF limit has
 * over a thousand.
 */
export async function pdfChosenPageTexts(
  bytes: Uint8Array,
  choose: (pageCount: number) => number[],
): Promise<{ count: number; text: Map<number, string> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise
  try {
    const text = new Map<number, string>()
    for (const p of choose(doc.numPages)) {
      const content = await (await doc.getPage(p)).getTextContent()
      text.set(p, content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    }
    return { count: doc.numPages, text }
  } finally {
    await doc.destroy()
  }
}
