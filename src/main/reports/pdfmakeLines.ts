import * as rendererModule from 'pdfmake/js/Renderer'
import type { Inline } from 'pdfmake/js/Renderer'

// pdfmake's own modules are Babel's CommonJS ({ __esModule: true, default: Renderer }), and the
// bundlers here disagree on what importing one gives (electron-vite: the module; esbuild and
// vitest: its default): take the class either way.
type RendererClass = typeof rendererModule.default
const exported = rendererModule.default as RendererClass | { default: RendererClass }
const Renderer: RendererClass = 'prototype' in exported ? exported : exported.default

/** Anything on a word besides its font, size, colour and opacity that its drawing would use. */
const SPECIAL = [
  'characterSpacing',
  'link',
  'linkToPage',
  'linkToDestination',
  '_pageNodeRef',
  'fontFeatures',
  'decoration',
  'background',
  'sup',
  'sub',
] as const

const plain = (inline: Inline) => SPECIAL.every((key) => !inline[key])

/** Words drawn as one: alike, plain, and the second starts where the first ends. */
const joinable = (a: Inline, b: Inline) =>
  a.font === b.font &&
  a.fontSize === b.fontSize &&
  a.color === b.color &&
  a.opacity === b.opacity &&
  plain(a) &&
  plain(b) &&
  Math.abs(a.x + a.width - b.x) < 1e-6

/** A line's words, runs of joinable ones made one word each. */
export function joinWords(inlines: Inline[]): Inline[] {
  const joined: Inline[] = []
  for (const inline of inlines) {
    const last = joined.at(-1)
    if (last && joinable(last, inline))
      joined[joined.length - 1] = { ...last, text: last.text + inline.text, width: last.width + inline.width }
    else joined.push(inline)
  }
  return joined
}

const drawLine = Renderer.prototype.renderLine
let joining = false

/**
 * pdfmake draws every word of a line with its own text operation (its renderer has a TODO to
 * write a line of alike words at once); a PDF of 5,000 register rows has some 400,000 words,
 * and their drawing was a fifth of its time. With this on, each run of alike words on a line
 * is drawn as one: pdfkit lays text out word by word anyway (it splits at spaces and caches
 * each word's glyphs), so every glyph lands where it did and the page looks the same
 * (tests/unit/pdf-lines.test.ts compares rendered pages pixel by pixel).
 */
export function joinLineWords(on: boolean): void {
  if (on === joining) return
  joining = on
  Renderer.prototype.renderLine = on
    ? function (this: InstanceType<RendererClass>, line, x, y) {
        if (line.inlines.length < 2 || line._outline || line._pageNodeRef) return drawLine.call(this, line, x, y)
        const words = line.inlines
        line.inlines = joinWords(words)
        try {
          return drawLine.call(this, line, x, y)
        } finally {
          line.inlines = words
        }
      }
    : drawLine
}
