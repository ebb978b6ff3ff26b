import { useEffect, useState } from 'react'
import { Alert, Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { CalendarDay } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import type { Language } from '@shared/i18n'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatDate } from '../../lib/format'
import { CalendarImport } from './CalendarImport'
import { useLanguage } from '../../hooks/useLanguage'

const KIND_COLORS: Record<CalendarDay['kind'], string> = { holiday: 'red', day_off: 'orange', working_weekend: 'blue' }

/**
 * The shipped calendar writes each note in both languages, "Kazakh / Russian"; show the half
 * the reader reads. Other notes (an office's own file) are shown as written.
 */
function noteIn(note: string, lang: Language): string {
  const halves = note.split(' / ')
  if (halves.length !== 2 || lang === 'en') return note
  return (lang === 'ru' ? halves[1] : halves[0])!
}

/** The working-day calendar of one year: holidays, days off, working weekend days; and its import. */
export function CalendarTab() {
  const { t } = useTranslation()
  const lang = useLanguage()
  const thisYear = Number(localNow().date.slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [days, setDays] = useState<CalendarDay[]>([])
  const [loading, setLoading] = useState(true)
  const [failure, setFailure] = useState<unknown>(null)
  // Bumped after an import of the year shown, to read it again.
  const [imports, setImports] = useState(0)

  useEffect(() => {
    setLoading(true)
    setFailure(null)
    call('calendar.list', { year })
      .then(setDays, setFailure)
      .finally(() => setLoading(false))
  }, [year, imports])

  const years = [...new Set([...Array.from({ length: 9 }, (_, i) => thisYear - 5 + i), year])].sort()

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('settingsUi.calendar.hint')}</Typography.Text>
      <CalendarImport
        onImported={(imported) => {
          if (imported.includes(year)) setImports((n) => n + 1)
          else setYear(imported[0]!)
        }}
      />
      <Space>
        <label htmlFor="calendar-year">{t('settingsUi.calendar.year')}</label>
        <Select<number>
          id="calendar-year"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: y }))}
        />
      </Space>
      {failure !== null && <Alert type="error" showIcon title={showApiError(failure, t)} />}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={loading}
        dataSource={days}
        pagination={false}
        locale={{ emptyText: t('settingsUi.calendar.empty', { year }) }}
        columns={[
          { title: t('settingsUi.calendar.date'), dataIndex: 'date', width: 120, render: formatDate },
          {
            title: t('settingsUi.calendar.weekday'),
            dataIndex: 'date',
            key: 'weekday',
            width: 140,
            render: (date: string) => dayjs(date).format('dddd'),
          },
          {
            title: t('settingsUi.calendar.kind'),
            dataIndex: 'kind',
            width: 240,
            render: (kind: CalendarDay['kind']) => <Tag color={KIND_COLORS[kind]}>{t(`calendarKind.${kind}`)}</Tag>,
          },
          { title: t('settingsUi.calendar.note'), dataIndex: 'note', render: (note: string) => noteIn(note, lang) },
        ]}
      />
    </Space>
  )
}
