import { useEffect, useState } from 'react'
import { Alert, App, Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { CalendarEditResult, KeptCalendarDay } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import type { Language } from '@shared/i18n'
import { call } from '../../api/client'
import { downloadBase64, fileToBase64 } from '../../api/files'
import { showApiError } from '../../api/formErrors'
import { formatDate } from '../../lib/format'
import { useLanguage } from '../../hooks/useLanguage'
import { CalendarWarnings } from '../calendar/CalendarWarnings'
import { CalendarDayModal, CalendarRemoveModal } from './CalendarDayModal'
import { CalendarImport } from './CalendarImport'
import { OfficeHoursForm } from './OfficeHoursForm'

const KIND_COLORS: Record<KeptCalendarDay['kind'], string> = {
  holiday: 'red',
  day_off: 'orange',
  working_weekend: 'blue',
}

/**
 * The shipped calendar writes each note and source in both languages, "Kazakh / Russian"; show
 * the half the reader reads. Other texts (an office's own) are shown as written.
 */
function inLanguage(text: string, lang: Language): string {
  const halves = text.split(' / ')
  if (halves.length !== 2 || lang === 'en') return text
  return (lang === 'ru' ? halves[1] : halves[0])!
}

type Editing = { kind: 'add' } | { kind: 'edit'; day: KeptCalendarDay } | { kind: 'remove'; day: KeptCalendarDay }

/**
 * The working-day calendar of one year: holidays, days off, working weekend days, each with its
 * source and where it came from; added, changed or removed one by one with a reason, exported
 * and imported as a file; the office hours; and what the calendar lacks.
 */
export function CalendarTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const lang = useLanguage()
  const thisYear = Number(localNow().date.slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [days, setDays] = useState<KeptCalendarDay[]>([])
  const [loading, setLoading] = useState(true)
  const [failure, setFailure] = useState<unknown>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  // Bumped after a change of the year shown, to read it (and the warnings) again.
  const [changes, setChanges] = useState(0)

  useEffect(() => {
    setLoading(true)
    setFailure(null)
    call('calendar.list', { year })
      .then(setDays, setFailure)
      .finally(() => setLoading(false))
  }, [year, changes])

  const years = [
    ...new Set([...Array.from({ length: 10 }, (_, i) => thisYear - 5 + i), 2021, year].filter((y) => y >= 2021)),
  ].sort()

  const edited = (result: CalendarEditResult, date: string) => {
    setEditing(null)
    setChanges((n) => n + 1)
    void message.success(t(result.day ? 'calendarUi.saved' : 'calendarUi.removed', { date: formatDate(date) }))
  }

  const exportYear = async () => {
    try {
      const file = await call('calendar.export', { year })
      const json = JSON.stringify(file, null, 1)
      downloadBase64(await fileToBase64(new Blob([json])), `calendar-${year}.json`)
    } catch (error) {
      setFailure(error)
    }
  }

  const unconfirmed = days.filter((d) => !d.confirmed).length

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('settingsUi.calendar.hint')}</Typography.Text>
      <CalendarWarnings years={[year]} reload={changes} />
      <CalendarImport
        onImported={(imported) => {
          if (imported.includes(year)) setChanges((n) => n + 1)
          else setYear(imported[0]!)
        }}
      />
      <Space wrap>
        <label htmlFor="calendar-year">{t('settingsUi.calendar.year')}</label>
        <Select<number>
          id="calendar-year"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <Button type="primary" onClick={() => setEditing({ kind: 'add' })} data-testid="calendar-add">
          {t('calendarUi.add')}
        </Button>
        <Button onClick={() => void exportYear()} disabled={days.length === 0}>
          {t('calendarUi.export')}
        </Button>
        {unconfirmed > 0 && (
          <Tooltip title={t('calendarUi.unconfirmedHint')}>
            <Tag color="gold" data-testid="calendar-unconfirmed-count">
              {t('calendarUi.unconfirmedCount', { count: unconfirmed })}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {failure !== null && <Alert type="error" showIcon title={showApiError(failure, t)} />}
      <Table<KeptCalendarDay>
        rowKey="date"
        size="small"
        loading={loading}
        dataSource={days}
        pagination={false}
        locale={{ emptyText: t('settingsUi.calendar.empty', { year }) }}
        columns={[
          {
            title: t('settingsUi.calendar.date'),
            dataIndex: 'date',
            width: 120,
            render: (date: string) => (
              <>
                <div>{formatDate(date)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(date).format('dddd')}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('settingsUi.calendar.kind'),
            dataIndex: 'kind',
            width: 170,
            render: (kind: KeptCalendarDay['kind'], day) => (
              <Space size={4} wrap>
                <Tag color={KIND_COLORS[kind]}>{t(`calendarKind.${kind}`)}</Tag>
                {!day.confirmed && (
                  <Tooltip title={t('calendarUi.unconfirmedHint')}>
                    <Tag color="gold">{t('calendarUi.unconfirmed')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('settingsUi.calendar.note'),
            dataIndex: 'note',
            render: (note: string, day) => (
              <>
                <div>{inLanguage(note, lang)}</div>
                {day.source && (
                  // Two lines of the act, the whole of it on hover: a transfer order's title is long.
                  <Typography.Paragraph
                    type="secondary"
                    style={{ fontSize: 12, marginBottom: 0 }}
                    ellipsis={{ rows: 2, tooltip: inLanguage(day.source, lang) }}
                  >
                    {t('calendarUi.source')}: {inLanguage(day.source, lang)}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          {
            title: '',
            key: 'origin',
            width: 160,
            render: (_, day) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`calendarUi.origin.${day.origin}`)}
                </Typography.Text>
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ kind: 'edit', day })}>
                    {t('calendarUi.edit')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setEditing({ kind: 'remove', day })}>
                    {t('calendarUi.remove')}
                  </Button>
                </Space>
              </Space>
            ),
          },
        ]}
      />
      <OfficeHoursForm />
      {editing?.kind === 'add' && (
        <CalendarDayModal
          day={null}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={(result) => {
            const date = result.day!.date
            if (Number(date.slice(0, 4)) !== year) setYear(Number(date.slice(0, 4)))
            edited(result, date)
          }}
        />
      )}
      {editing?.kind === 'edit' && (
        <CalendarDayModal
          day={editing.day}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={(result) => edited(result, editing.day.date)}
        />
      )}
      {editing?.kind === 'remove' && (
        <CalendarRemoveModal
          day={editing.day}
          onClose={() => setEditing(null)}
          onRemoved={(result) => edited(result, editing.day.date)}
        />
      )}
    </Space>
  )
}
