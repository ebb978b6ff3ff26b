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

// pdfmake's document (internal): pdfkit's PDFDocument with font lookup by family. The register
// PDF (reports/registerPdf.ts) draws with it directly; this declares the part of pdfkit it uses.
declare module 'pdfmake/js/PDFDocument' {
  interface PdfKitFont {
    widthOfString(text: string, size: number): number
    lineHeight(size: number, includeGap?: boolean): number
  }
  class PDFDocument {
    constructor(
      fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>,
      images?: object,
      patterns?: object,
      attachments?: object,
      options?: object,
    )
    provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont
    _font: PdfKitFont
    page: { width: number; height: number }
    addPage(options?: object): this
    font(src: PdfKitFont | string): this
    fontSize(size: number): this
    fillColor(color: string): this
    strokeColor(color: string): this
    lineWidth(width: number): this
    text(text: string, x: number, y: number, options?: object): this
    rect(x: number, y: number, w: number, h: number): this
    moveTo(x: number, y: number): this
    lineTo(x: number, y: number): this
    fill(color?: string): this
    stroke(): this
    on(event: 'data', listener: (chunk: Buffer) => void): this
    on(event: 'end', listener: () => void): this
    end(): void
  }
  export default PDFDocument
}
