import { useState } from 'react'
import { Alert, App, Button, Space, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput, CalendarImportResult } from '@shared/api/contract'
import type { FieldIssue } from '@shared/api/errors'
import { ApiCallError, call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatDate } from '../../lib/format'

type Days = ApiInput<'calendar.import'>['days']

/** What the last import came to; kept untranslated so a language switch re-renders it. */
type Outcome =
  | { kind: 'done'; result: CalendarImportResult }
  | { kind: 'badFile' }
  | { kind: 'refused'; issues: FieldIssue[]; days: Days }
  | { kind: 'failed'; error: unknown }

/**
 * The days of a calendar file: JSON shaped like resources/calendar/kz-2026.json or a year
 * exported here. Only the "days" list is sent (the file may carry notes of its own, such as
 * "about"); each day is checked by the API, so here it is enough that the list is there.
 */
function daysOf(text: string): Days | null {
  try {
    const parsed: unknown = JSON.parse(text)
    const days = (parsed as { days?: unknown } | null)?.days
    return Array.isArray(days) ? (days as Days) : null
  } catch {
    return null
  }
}

const yearsOf = (days: Days) => [...new Set(days.map((day) => String(day?.date ?? '').slice(0, 4)))].sort().join(', ')

/** "Import file": reads a calendar file chosen by the user, asks before merging its days in, sends it. */
export function CalendarImport({ onImported }: { onImported: (years: number[]) => void }) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [importing, setImporting] = useState(false)

  const send = async (days: Days) => {
    setImporting(true)
    try {
      const result = await call('calendar.import', { days })
      setOutcome({ kind: 'done', result })
      onImported(result.years)
    } catch (error) {
      if (error instanceof ApiCallError && error.error.issues.length > 0)
        setOutcome({ kind: 'refused', issues: error.error.issues, days })
      else setOutcome({ kind: 'failed', error })
    } finally {
      setImporting(false)
    }
  }

  const choose = async (file: File) => {
    const days = daysOf(await file.text())
    if (!days) {
      setOutcome({ kind: 'badFile' })
      return
    }
    setOutcome(null)
    // An empty list changes nothing: let the API say so without asking first.
    if (days.length === 0) {
      void send(days)
      return
    }
    modal.confirm({
      title: t('calendarUi.confirmTitle'),
      content: t('calendarUi.confirmBody', { days: days.length, years: yearsOf(days) }),
      okText: t('settingsUi.calendar.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => send(days),
    })
  }

  /** "Row 3 (2026-03-05): …" for an issue on one day, the message alone for the whole file. */
  const describe = (issue: FieldIssue, days: Days) => {
    const message = t(issue.messageKey, issue.params ?? {})
    const [, row] = issue.path
    if (typeof row !== 'number') return message
    return t('settingsUi.calendar.issueAt', { row: row + 1, date: String(days[row]?.date ?? '—'), message })
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('calendarUi.importHint')}
        action={
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file)
              return false // read here; nothing is uploaded anywhere
            }}
          >
            <Button type="primary" loading={importing}>
              {t('settingsUi.calendar.import')}
            </Button>
          </Upload>
        }
      />
      {outcome?.kind === 'done' && (
        <Alert
          type={outcome.result.warnings.length > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="calendar-import-result"
          title={t('calendarUi.imported', {
            days: outcome.result.days,
            added: outcome.result.added,
            replaced: outcome.result.replaced,
            years: outcome.result.years.join(', '),
          })}
          description={outcome.result.warnings.map(({ year, missing }) => (
            <div key={year}>
              {t('calendarUi.missingHolidays', {
                year,
                holidays: missing.map((m) => `${t(`holiday.${m.holiday}`)} (${formatDate(m.date)})`).join(', '),
              })}
            </div>
          ))}
        />
      )}
      {outcome?.kind === 'badFile' && (
        <Alert type="error" showIcon data-testid="calendar-import-result" title={t('settingsUi.calendar.badFile')} />
      )}
      {outcome?.kind === 'failed' && (
        <Alert type="error" showIcon data-testid="calendar-import-result" title={showApiError(outcome.error, t)} />
      )}
      {outcome?.kind === 'refused' && (
        <Alert
          type="error"
          showIcon
          data-testid="calendar-import-result"
          title={t('settingsUi.calendar.failed')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {outcome.issues.map((issue, i) => (
                <li key={i}>{describe(issue, outcome.days)}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  )
}
