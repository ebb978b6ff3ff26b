import dayjs, { type Dayjs } from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'

dayjs.extend(customParseFormat)

/** Why a date picker would not take what was typed into it; each has its message (formsUi.date.*). */
export type DateRefusal = 'format' | 'notADate' | 'outOfRange'

const TOKENS = /YYYY|MM|DD|HH|mm/g

/**
 * What the picker makes of typed text, as it decides it (strictly, in its display format): null
 * when it takes the text (or nothing was typed), else why not. The picker itself would only put
 * the old value back, and the clerk would not know whether the format, the day or the limits
 * were wrong.
 */
export function whyDateRefused(
  text: string,
  format: string,
  disabledDate?: (date: Dayjs) => boolean,
): DateRefusal | null {
  const typed = text.trim()
  if (typed === '') return null
  const shape = new RegExp(
    `^${format.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(TOKENS, (token) => `\\d{${token.length}}`)}$`,
  )
  if (!shape.test(typed)) return 'format'
  const date = dayjs(typed, format, true)
  if (!date.isValid()) return 'notADate'
  return disabledDate?.(date) ? 'outOfRange' : null
}
