import dayjs from 'dayjs'
import type { IsoDate } from '@shared/domain/dates'

// How figures are written in tables and charts, the same way on every page.

/** A share in percent as the official tables print it (14,78 in kk/ru); one writer for reports and pages. */
export { formatPercent } from '@shared/reports/model'

/** A calendar date as offices in Kazakhstan write it in all three languages: 21.03.2026. */
export function formatDate(date: IsoDate): string {
  return dayjs(date).format('DD.MM.YYYY')
}
