import { EntitySchema } from 'typeorm'
import type { CalendarDayKind, CalendarDayOrigin } from '@shared/domain/calendar'

/** A day that breaks the Monday-Friday rule: a holiday, a day off, a working weekend day. */
export interface CalendarDayRow {
  date: string
  kind: CalendarDayKind
  note: string
  /** The act behind the day (law article, Labour Code, transfer order); '' when not given. */
  source: string
  /** Shipped with the program (replaced by a newer shipped calendar) or entered by the office (kept). */
  origin: CalendarDayOrigin
  confirmed: boolean
}

export const CalendarDayEntity = new EntitySchema<CalendarDayRow>({
  name: 'CalendarDay',
  tableName: 'calendar_days',
  columns: {
    date: { type: 'date', primary: true },
    kind: { type: 'varchar', length: 16 },
    note: { type: 'varchar', length: 300, default: '' },
    source: { type: 'text', default: '' },
    origin: { type: 'varchar', length: 16, default: 'office' },
    confirmed: { type: 'boolean', default: true },
  },
})
