import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { Alert, App, Button, Input, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportMeetingDetails } from '@shared/api/contract'
import type { FieldIssue } from '@shared/api/errors'
import { ApiCallError, call } from '../../api/client'
import { useCatalogs } from '../../hooks/useCatalogs'
import { useUnsavedWork } from '../common/useUnsavedWork'
import { GridSelect } from './GridSelect'
import {
  cellId,
  emptyRow,
  isBlank,
  placeIssues,
  toQuestions,
  withTrailingBlank,
  type QuestionColumn,
  type QuestionRow,
} from './questionRows'

/** Anything a cell can hand over to be focused: an antd Input, TextArea or Select. */
interface Focusable {
  focus(): void
}

/** Why the last save failed, kept as message keys so a language switch re-translates it. */
type Problem = { kind: 'issues'; issues: FieldIssue[] } | { kind: 'message'; messageKey: string }

/**
 * The questions raised at a meeting, typed fast: one row per question (sector, text, optional
 * applicant name, executor). Tab walks the cells; Enter in the last cell goes to the next row,
 * and a new blank row appears as soon as the last one is filled. "Save questions" sends every
 * filled row in one meetings.addQuestions call — all or none (Ctrl+Enter anywhere in the grid
 * too); the API's issues come back on their cells. Typed rows not yet saved make leaving the
 * page ask first.
 */
export function QuestionsGrid({
  meetingId,
  onSaved,
}: {
  meetingId: number
  onSaved: (details: ReportMeetingDetails) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { sectors, staff, sectorName } = useCatalogs()
  const [rows, setRows] = useState<QuestionRow[]>(() => [emptyRow()])
  const [cellIssues, setCellIssues] = useState<Record<string, FieldIssue>>({})
  const [problem, setProblem] = useState<Problem | null>(null)
  const [saving, setSaving] = useState(false)
  const cells = useRef(new Map<string, Focusable>())
  const [focusCell, setFocusCell] = useState<string | null>(null)
  useUnsavedWork(() => rows.some((row) => !isBlank(row)))

  // Focus moves after React has drawn the row it goes to.
  useEffect(() => {
    if (focusCell === null) return
    cells.current.get(focusCell)?.focus()
    setFocusCell(null)
  }, [focusCell])

  const sectorOptions = sectors.filter((s) => s.active).map((s) => ({ value: s.id, label: sectorName(s.id) }))
  const executorOptions = staff.filter((m) => m.active && m.isExecutor).map((m) => ({ value: m.id, label: m.fullName }))

  const update = <C extends QuestionColumn>(key: number, column: C, value: QuestionRow[C]) => {
    setRows((prev) => withTrailingBlank(prev.map((row) => (row.key === key ? { ...row, [column]: value } : row))))
    setCellIssues(({ [cellId(key, column)]: _fixed, ...others }) => others)
    setProblem((prev) => (prev?.kind === 'message' ? null : prev))
  }

  const removeRow = (key: number) => {
    setRows((prev) => withTrailingBlank(prev.filter((row) => row.key !== key)))
    setCellIssues((prev) => Object.fromEntries(Object.entries(prev).filter(([id]) => !id.startsWith(`${key}:`))))
  }

  // "Not saved: correct the marked cells" stays while a marked cell (or an issue without a cell) is left.
  const showProblem =
    problem !== null && (problem.kind === 'message' || problem.issues.length > 0 || Object.keys(cellIssues).length > 0)

  /** Enter in a row's last cell: on to the next row (the trailing blank one, added when needed). */
  const nextRow = (index: number) => {
    const next = rows[index + 1]
    if (next) {
      setFocusCell(cellId(next.key, 'sectorId'))
    } else if (!isBlank(rows[index]!)) {
      const added = emptyRow()
      setRows([...rows, added])
      setFocusCell(cellId(added.key, 'sectorId'))
    }
  }

  /**
   * Keys of a list cell (sector, executor). The lists have no clear button, which would sit in
   * the Tab order between cells: Delete empties the cell instead. Enter in the row's last
   * cell goes on to the next row.
   */
  const onListKeyDown =
    (row: QuestionRow, index: number, column: 'sectorId' | 'executorId') => (event: KeyboardEvent<HTMLDivElement>) => {
      // While a list is open, its keys are its own (Enter picks the highlighted name).
      if ((event.target as HTMLElement).getAttribute('aria-expanded') === 'true') return
      if (event.key === 'Delete') {
        update(row.key, column, null)
      } else if (event.key === 'Enter' && column === 'executorId') {
        event.preventDefault()
        event.stopPropagation()
        nextRow(index)
      }
    }

  const save = async () => {
    const { questions, rowKeys } = toQuestions(rows)
    if (questions.length === 0) {
      setProblem({ kind: 'message', messageKey: 'meetingsUi.grid.nothingToSave' })
      return
    }
    setSaving(true)
    setProblem(null)
    try {
      const details = await call('meetings.addQuestions', { meetingId, questions })
      setRows([emptyRow()])
      setCellIssues({})
      void message.success(t('meetingsUi.grid.saved', { count: questions.length }))
      onSaved(details)
    } catch (error) {
      if (error instanceof ApiCallError && error.error.code === 'validation') {
        const { cells: placed, rest } = placeIssues(error.error.issues, rowKeys)
        setCellIssues(placed)
        setProblem({ kind: 'issues', issues: rest })
        const first = Object.keys(placed)[0]
        if (first) setFocusCell(first)
      } else {
        setProblem({
          kind: 'message',
          messageKey: error instanceof ApiCallError ? error.error.messageKey : 'errors.internal',
        })
      }
    } finally {
      setSaving(false)
    }
  }

  /** A cell: its editor, registered for focus, and the API's message under it when it has one. */
  const cell = (row: QuestionRow, index: number, column: QuestionColumn, editor: (props: CellProps) => ReactNode) => {
    const id = cellId(row.key, column)
    const issue = cellIssues[id]
    const props: CellProps = {
      ref: (handle) => {
        if (handle) cells.current.set(id, handle)
        else cells.current.delete(id)
      },
      'aria-label': t('meetingsUi.grid.cell', {
        row: index + 1,
        column: t(`meetingsUi.grid.${COLUMN_LABELS[column]}`),
      }),
      'aria-invalid': issue ? true : undefined,
      status: issue ? 'error' : undefined,
    }
    return (
      <div data-cell={`${index + 1}:${column}`}>
        {editor(props)}
        {issue && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
            {t(issue.messageKey, issue.params ?? {})}
          </Typography.Text>
        )}
      </div>
    )
  }

  return (
    <Space
      orientation="vertical"
      style={{ width: '100%' }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
        event.preventDefault()
        void save()
      }}
    >
      <Typography.Text type="secondary">{t('meetingsUi.grid.hint')}</Typography.Text>
      <Table<QuestionRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        columns={[
          { title: t('meetingsUi.grid.number'), width: 48, render: (_v, _row, index) => index + 1 },
          {
            title: t('meetingsUi.grid.sector'),
            width: 220,
            render: (_v, row, index) =>
              cell(row, index, 'sectorId', (props) => (
                <div onKeyDownCapture={onListKeyDown(row, index, 'sectorId')}>
                  <GridSelect
                    {...props}
                    value={row.sectorId}
                    onChange={(value) => update(row.key, 'sectorId', value)}
                    options={sectorOptions}
                  />
                </div>
              )),
          },
          {
            title: t('meetingsUi.grid.summary'),
            render: (_v, row, index) =>
              cell(row, index, 'summary', (props) => (
                // Wraps a long question so it can be read back; Tab still leaves the cell.
                <Input.TextArea
                  {...props}
                  value={row.summary}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={4000}
                  onChange={(e) => update(row.key, 'summary', e.target.value)}
                />
              )),
          },
          {
            title: t('meetingsUi.grid.applicant'),
            width: 190,
            render: (_v, row, index) =>
              cell(row, index, 'applicantName', (props) => (
                <Input
                  {...props}
                  value={row.applicantName}
                  maxLength={300}
                  onChange={(e) => update(row.key, 'applicantName', e.target.value)}
                />
              )),
          },
          {
            title: t('meetingsUi.grid.executor'),
            width: 190,
            render: (_v, row, index) =>
              cell(row, index, 'executorId', (props) => (
                <div onKeyDownCapture={onListKeyDown(row, index, 'executorId')}>
                  <GridSelect
                    {...props}
                    value={row.executorId}
                    onChange={(value) => update(row.key, 'executorId', value)}
                    options={executorOptions}
                  />
                </div>
              )),
          },
          {
            width: 44,
            render: (_v, row, index) =>
              !isBlank(row) && (
                // Out of the Tab order, so Tab goes from cell to cell.
                <Button
                  type="text"
                  tabIndex={-1}
                  aria-label={t('meetingsUi.grid.removeRow', { row: index + 1 })}
                  onClick={() => removeRow(row.key)}
                >
                  ✕
                </Button>
              ),
          },
        ]}
      />
      {problem && showProblem && (
        <Alert
          type="error"
          showIcon
          data-testid="questions-problem"
          title={problem.kind === 'message' ? t(problem.messageKey) : t('meetingsUi.grid.notSaved')}
          description={
            problem.kind === 'issues' && problem.issues.length > 0
              ? problem.issues.map((issue) => t(issue.messageKey, issue.params ?? {})).join(' — ')
              : undefined
          }
        />
      )}
      <Button type="primary" loading={saving} onClick={() => void save()}>
        {t('meetingsUi.grid.save')}
      </Button>
    </Space>
  )
}

const COLUMN_LABELS: Record<QuestionColumn, string> = {
  sectorId: 'sector',
  summary: 'summary',
  applicantName: 'applicant',
  executorId: 'executor',
}

interface CellProps {
  ref: (handle: Focusable | null) => void
  'aria-label': string
  'aria-invalid': true | undefined
  status: 'error' | undefined
}
