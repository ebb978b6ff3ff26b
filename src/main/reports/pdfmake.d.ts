// pdfmake 0.3 ships no type declarations; this declares the part the app uses.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void
    setUrlAccessPolicy(policy: (url: string) => boolean): void
    setLocalAccessPolicy(policy: (path: string) => boolean): void
    createPdf(doc: object, options?: object): OutputDocument
  }
  const pdfmake: PdfMake
  export default pdfmake
}

// pdfmake's page renderer (internal; see reports/pdfmakeLines.ts): the part that file replaces.
declare module 'pdfmake/js/Renderer' {
  /** A laid-out word: what the renderer reads of it. */
  export interface Inline {
    text: string
    x: number
    width: number
    font: unknown
    fontSize: number
    color: unknown
    opacity: unknown
    [other: string]: unknown
  }
  export interface RenderedLine {
    inlines: Inline[]
    _outline?: unknown
    _pageNodeRef?: unknown
  }
  class Renderer {
    renderLine(line: RenderedLine, x: number, y: number): void
  }
  export default Renderer
}
