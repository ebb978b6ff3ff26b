import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd'
import { TASK_DAYS, type TaskDay } from '@shared/api/areas/appeals'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DATE_FORMAT } from '../../../lib/format'
import { useDebounced } from '../../../hooks/useDebounced'
import { FOLDED_SEARCH } from '../../../lib/foldedSearch'
import { useAppealOptions } from '../useAppealOptions'
import { hasFilters, NO_FILTERS, type AppealListFilters } from './listQuery'
import { NoticeRedirectFilters } from './NoticeRedirectFilters'

type ListKey = 'sectorIds' | 'statuses' | 'channels' | 'appealTypes' | 'localityIds' | 'executorIds'

/**
 * The register's filter bar: full-text search (sent to the server once the clerk pauses, or
 * at once on Enter) with the page's `actions` beside it, six multi-selects, the registration
 * period, the two deadline toggles, the deadline's day (today, tomorrow), extension notices and redirects, and whether annulled
 * entries are shown.
 */
export function AppealFilters({
  value,
  onChange,
  actions,
}: {
  value: AppealListFilters
  onChange: (next: AppealListFilters) => void
  actions?: ReactNode
}) {
  const { t } = useTranslation()
  const options = useAppealOptions()
  const [text, setText] = useState(value.query)
  const settledText = useDebounced(text, 350)
  // The latest filters, for the debounced search to build on without re-running when they change.
  const latest = useRef(value)
  latest.current = value

  useEffect(() => {
    if (settledText !== latest.current.query) onChange({ ...latest.current, query: settledText })
  }, [settledText, onChange])

  const set = <K extends keyof AppealListFilters>(key: K, next: AppealListFilters[K]) =>
    onChange({ ...value, [key]: next })

  // In a filter every catalog entry counts, deactivated ones included: old appeals carry them.
  const enabled = <T extends { disabled?: boolean }>(list: T[]) =>
    list.map((option) => ({ ...option, disabled: false }))
  const lists: { key: ListKey; options: { value: string | number; label: string }[] }[] = [
    { key: 'sectorIds', options: enabled(options.sectors) },
    { key: 'statuses', options: options.statuses },
    { key: 'channels', options: options.channels },
    { key: 'appealTypes', options: options.appealTypes },
    { key: 'localityIds', options: enabled(options.localities) },
    { key: 'executorIds', options: enabled(options.executors) },
  ]

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Input.Search
          allowClear
          style={{ flex: 1, maxWidth: 520 }}
          placeholder={t('appealsUi.filters.search')}
          aria-label={t('appealsUi.filters.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(query) => onChange({ ...value, query })}
        />
        <div style={{ marginInlineStart: 'auto' }}>{actions}</div>
      </Flex>
      <Flex wrap gap={8}>
        {lists.map(({ key, options: choices }) => (
          <Select<(string | number)[]>
            key={key}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ flex: '1 1 150px', minWidth: 0 }}
            showSearch={FOLDED_SEARCH}
            placeholder={t(`appealsUi.filters.${key}`)}
            aria-label={t(`appealsUi.filters.${key}`)}
            options={choices}
            value={value[key]}
            onChange={(next) => onChange({ ...value, [key]: next })}
          />
        ))}
      </Flex>
      <Flex wrap gap={16} align="center">
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          placeholder={[t('appealsUi.filters.from'), t('appealsUi.filters.to')]}
          aria-label={t('appealsUi.filters.period')}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) =>
            onChange({
              ...value,
              from: range?.[0]?.format('YYYY-MM-DD') ?? null,
              to: range?.[1]?.format('YYYY-MM-DD') ?? null,
            })
          }
        />
        <Checkbox checked={value.overdue} onChange={(event) => set('overdue', event.target.checked)}>
          {t('appealsUi.filters.overdue')}
        </Checkbox>
        <Checkbox checked={value.dueThisWeek} onChange={(event) => set('dueThisWeek', event.target.checked)}>
          {t('appealsUi.filters.dueThisWeek')}
        </Checkbox>
        <Select<TaskDay>
          allowClear
          style={{ width: 180 }}
          placeholder={t('dueFilter.label')}
          aria-label={t('dueFilter.label')}
          data-testid="due-filter"
          value={value.due}
          options={TASK_DAYS.map((day) => ({ value: day, label: t(`dueFilter.${day}`) }))}
          onChange={(due) => set('due', due)}
        />
        <NoticeRedirectFilters value={value} onChange={onChange} />
        <Select<'exclude' | 'include' | 'only'>
          style={{ width: 220 }}
          aria-label={t('appealsUi.filters.annulled')}
          data-testid="annulled-filter"
          value={value.annulled ?? 'exclude'}
          options={(['exclude', 'include', 'only'] as const).map((choice) => ({
            value: choice,
            label: t(`appealsUi.filters.annulled${choice[0]!.toUpperCase()}${choice.slice(1)}`),
          }))}
          onChange={(choice) => set('annulled', choice === 'exclude' ? undefined : choice)}
        />
        <Button
          disabled={!hasFilters(value)}
          onClick={() => {
            setText('')
            onChange(NO_FILTERS)
          }}
        >
          {t('appealsUi.filters.reset')}
        </Button>
      </Flex>
    </Flex>
  )
}
