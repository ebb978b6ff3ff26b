import { useEffect, useState } from 'react'
import { Form, Segmented, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'
import { fieldError } from './fieldError'
import type { ParamFieldsProps } from './types'
import { useMeetingChoices } from './useMeetingChoices'

type Scope = 'year' | 'meeting'

/**
 * Press summary: of a whole year of report meetings, or of one meeting (the API takes exactly
 * one of the two). The year list offers the years that have meetings, and the summary starts
 * on the latest of them rather than on a year with nothing to say.
 */
export function PressSummaryFields({ value, onChange, errors }: ParamFieldsProps<'press-summary'>) {
  const { t } = useTranslation()
  const { meetings, years, loading } = useMeetingChoices()
  // Kept apart from the value: "one meeting" with no meeting picked yet is still that choice.
  const [scope, setScopeState] = useState<Scope>(value.meetingId !== undefined ? 'meeting' : 'year')

  useEffect(() => {
    // Only when the meetings arrive (deps: years alone); afterwards the choice is the user's.
    const latest = years[0]
    if (scope === 'year' && latest !== undefined && (value.year === undefined || !years.includes(value.year))) {
      onChange({ kind: 'press-summary', year: latest, meetingId: undefined })
    }
  }, [years])

  const setScope = (next: Scope) => {
    setScopeState(next)
    onChange(
      next === 'meeting'
        ? { kind: 'press-summary', year: undefined, meetingId: meetings[0]?.id }
        : { kind: 'press-summary', year: years[0] ?? new Date().getFullYear(), meetingId: undefined },
    )
  }

  // "Neither a year nor a meeting" comes back on `year`; show it under the field on screen.
  const error = fieldError(errors, scope === 'meeting' && errors.meetingId ? 'meetingId' : 'year')
  const yearOptions = [...new Set([...years, ...(value.year !== undefined ? [value.year] : [])])].sort((a, b) => b - a)

  return (
    <>
      <Form.Item label={t('reportsUi.params.pressBy')}>
        <Segmented<Scope>
          value={scope}
          onChange={setScope}
          options={[
            { value: 'year', label: t('reportsUi.params.byYear') },
            { value: 'meeting', label: t('reportsUi.params.byMeeting') },
          ]}
        />
      </Form.Item>
      {scope === 'year' ? (
        <Form.Item label={t('reportsUi.params.year')} {...error} style={{ width: 130 }}>
          <Select<number>
            aria-label={t('reportsUi.params.year')}
            data-testid="param-press-year"
            loading={loading}
            value={value.year}
            onChange={(year) => onChange({ kind: 'press-summary', year, meetingId: undefined })}
            options={yearOptions.map((year) => ({ value: year, label: String(year) }))}
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('reportsUi.params.meeting')} {...error} style={{ width: 420 }}>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('reportsUi.params.meeting')}
            data-testid="param-press-meeting"
            loading={loading}
            placeholder={t('reportsUi.params.meetingPlaceholder')}
            notFoundContent={t('reportsUi.params.noMeetings')}
            value={value.meetingId}
            onChange={(meetingId) => onChange({ kind: 'press-summary', year: undefined, meetingId })}
            options={meetings.map((meeting) => ({
              value: meeting.id,
              label: t('reportsUi.params.meetingOption', {
                date: formatDate(meeting.heldOn),
                place: meeting.place,
                count: meeting.questionsCount,
              }),
            }))}
          />
        </Form.Item>
      )}
    </>
  )
}
