import { isValidIsoDate, type IsoDate } from '@shared/domain/dates'
import type { CellValue } from './readSpreadsheet'

/**
 * Cell values as the appeal needs them. Dates come as Excel dates (a Date from exceljs, or a
 * bare serial number in a cell without a date format) or as text: 16.03.2026, 16.03.26,
 * 2026-03-16, 16/03/2026, '16 наурыз 2026', '16 марта 2026 г.', each with an optional time.
 */

const pad = (n: number) => String(n).padStart(2, '0')

/** The text of a cell, as shown in the preview. */
export function cellText(value: CellValue): string {
  if (value === null) return ''
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return ''
    const date = value.toISOString().slice(0, 10)
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
    if (date === '1899-12-30') return time // a time-only cell
    return time === '00:00' ? date : `${date} ${time}`
  }
  return String(value).trim()
}

export interface DateTime {
  date: IsoDate
  /** 'HH:MM', or null when the cell has no time. */
  time: string | null
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

function fromUtcInstant(d: Date): DateTime | null {
  if (Number.isNaN(d.getTime())) return null
  // exceljs rounds to the millisecond; a time typed as 10:00 may come back as 09:59:59.999
  const rounded = new Date(Math.round(d.getTime() / 60_000) * 60_000)
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`
  return { date: rounded.toISOString().slice(0, 10), time: time === '00:00' ? null : time }
}

/** Serial numbers of plausible register dates only (1990–2100): other numbers are not dates. */
function fromSerial(serial: number): DateTime | null {
  if (!(serial >= 32874 && serial < 73051)) return null
  return fromUtcInstant(new Date(EXCEL_EPOCH_MS + serial * DAY_MS))
}

const MONTHS: [number, RegExp][] = [
  [1, /^(қаңтар|январ|jan)/],
  [2, /^(ақпан|феврал|feb)/],
  [3, /^(наурыз|март|мар|mar)/],
  [4, /^(сәуір|апрел|apr)/],
  [5, /^(мамыр|ма[йя]|may)/],
  [6, /^(маусым|июн|jun)/],
  [7, /^(шілде|июл|jul)/],
  [8, /^(тамыз|август|aug)/],
  [9, /^(қыркүйек|сентябр|sep)/],
  [10, /^(қазан|октябр|oct)/],
  [11, /^(қараша|ноябр|nov)/],
  [12, /^(желтоқсан|декабр|dec)/],
]

function monthByName(word: string): number | null {
  const w = word.toLowerCase()
  return MONTHS.find(([, re]) => re.test(w))?.[0] ?? null
}

function isoOf(year: number, month: number, day: number): IsoDate | null {
  const full = year < 100 ? 2000 + year : year
  const iso = `${full}-${pad(month)}-${pad(day)}`
  return isValidIsoDate(iso) ? iso : null
}

const TIME = String.raw`(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?`
const NUMERIC_DATES: { re: RegExp; order: 'dmy' | 'ymd' }[] = [
  { re: new RegExp(String.raw`^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})${TIME}$`), order: 'dmy' },
  { re: new RegExp(String.raw`^(\d{4})[./-](\d{1,2})[./-](\d{1,2})${TIME}$`), order: 'ymd' },
]

/** 'HH:MM' when hours and minutes are a time of day. */
function timeOf(h: string | undefined, m: string | undefined): string | null | false {
  if (h === undefined || m === undefined) return null
  const hours = Number(h)
  const minutes = Number(m)
  if (hours > 23 || minutes > 59) return false
  return `${pad(hours)}:${pad(minutes)}`
}

/** A date as text; 'г.', 'ж.', 'жыл' and similar trailing words are ignored. */
export function parseDateText(raw: string): DateTime | null {
  const text = raw
    .trim()
    .replace(/\s*(г\.?|года|год|ж\.?|жылы|жыл|y\.?)(?=\s|$)/giu, '')
    .replace(/\s+/g, ' ')
    .trim()
  for (const { re, order } of NUMERIC_DATES) {
    const m = re.exec(text)
    if (!m) continue
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const date = order === 'dmy' ? isoOf(c, b, a) : isoOf(a, b, c)
    const time = timeOf(m[4], m[5])
    return date && time !== false ? { date, time } : null
  }
  // '16 наурыз 2026', '16 марта 2026 10:30', '2026 жылғы 16 наурыз'
  const words = /^(?:(\d{4})\s+жылғы\s+)?(\d{1,2})\s+(\p{L}+)\.?(?:\s+(\d{4}))?(?:[ ,]+(\d{1,2})[:.](\d{2}))?$/u.exec(
    text,
  )
  if (words) {
    const year = Number(words[1] ?? words[4])
    const month = monthByName(words[3]!)
    if (!year || !month) return null
    const date = isoOf(year, month, Number(words[2]))
    const time = timeOf(words[5], words[6])
    return date && time !== false ? { date, time } : null
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text))
  return null
}

/** A received date from any cell, or null when it cannot be read. */
export function parseDateCell(value: CellValue): DateTime | null {
  if (value === null) return null
  if (value instanceof Date) return fromUtcInstant(value)
  if (typeof value === 'number') return fromSerial(value)
  if (typeof value === 'string') return parseDateText(value)
  return null
}

/** A time of day from a separate time column: an Excel time, a fraction of a day, or 'HH:MM'. */
export function parseTimeCell(value: CellValue): string | null {
  if (value instanceof Date) {
    const rounded = new Date(Math.round(value.getTime() / 60_000) * 60_000)
    return `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`
  }
  if (typeof value === 'number' && value >= 0 && value < 1) {
    const minutes = Math.round(value * 24 * 60)
    return minutes >= 24 * 60 ? null : `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  }
  if (typeof value === 'string') {
    const m = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$/.exec(value.trim())
    const time = m ? timeOf(m[1], m[2]) : false
    return time || null
  }
  return null
}

/**
 * An IIN/BIN as 12 digits when it can be: spaces and dashes dropped; a number cell that lost
 * its leading zero (Excel stores 051240001234 as 51240001234) gets it back.
 */
export function normalizeIdNumber(value: CellValue): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value).padStart(12, '0')
  return cellText(value).replace(/[\s-]+/g, '')
}

/** Collapses whitespace; null for an empty cell. */
export function cleanText(value: CellValue): string | null {
  const text = cellText(value).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}
