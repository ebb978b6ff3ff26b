import { EntitySchema } from 'typeorm'

/** A day that breaks the Monday-Friday rule: a holiday, a day off, a working weekend day. */
export interface CalendarDayRow {
  date: string
  kind: 'holiday' | 'day_off' | 'working_weekend'
  note: string
}

export const CalendarDayEntity = new EntitySchema<CalendarDayRow>({
  name: 'CalendarDay',
  tableName: 'calendar_days',
  columns: {
    date: { type: 'date', primary: true },
    kind: { type: 'varchar', length: 16 },
    note: { type: 'varchar', length: 300, default: '' },
  },
})
