/** A line of wrapped text and its width in points. */
export interface TextLine {
  text: string
  width: number
}

/** The width of a piece of text in points, in one font and size. */
export type Measure = (text: string) => number

/**
 * A measure that remembers each piece it measured: a register repeats the same few words
 * (dates, statuses, catalog names) on every row, and measuring is most of laying out.
 */
export function cachedMeasure(measure: Measure): Measure {
  const widths = new Map<string, number>()
  return (text) => {
    let width = widths.get(text)
    if (width === undefined) widths.set(text, (width = measure(text)))
    return width
  }
}

/**
 * Breaks text into lines no wider than `width`, at spaces, as a table cell wraps it; a word
 * wider than the line is cut between letters. At most `maxLines` lines: the last one then ends
 * with "…", so a row never grows past a page (the xlsx keeps the whole text).
 */
export function wrapText(text: string, width: number, measure: Measure, maxLines = Infinity): TextLine[] {
  const lines: TextLine[] = []
  const space = measure(' ')
  for (const paragraph of text.split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(' ')) {
      if (word === '') continue
      let rest = word
      let restWidth = measure(rest)
      while (rest !== '') {
        const needed = line === '' ? restWidth : lineWidth + space + restWidth
        if (needed <= width) {
          line = line === '' ? rest : `${line} ${rest}`
          lineWidth = needed
          break
        }
        if (line !== '') {
          lines.push({ text: line, width: lineWidth })
          line = ''
          lineWidth = 0
          continue
        }
        // A word wider than a whole line: as many letters as fit, the rest on the next line.
        let cut = 1
        while (cut < rest.length && measure(rest.slice(0, cut + 1)) <= width) cut++
        lines.push({ text: rest.slice(0, cut), width: measure(rest.slice(0, cut)) })
        rest = rest.slice(cut)
        restWidth = measure(rest)
      }
    }
    if (line !== '' || lines.length === 0) lines.push({ text: line, width: lineWidth })
  }
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!
  let cut = last.text
  while (cut.length > 0 && measure(`${cut}…`) > width) cut = cut.slice(0, -1)
  kept[maxLines - 1] = { text: `${cut}…`, width: measure(`${cut}…`) }
  return kept
}
