import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Flex, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MyTasks } from '@shared/api/contract'
import { overseesExecutors } from '@shared/auth/methodPermissions'
import { call } from '../../../api/client'
import { showApiError } from '../../../api/formErrors'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { useLanguage } from '../../../hooks/useLanguage'
import { formatDate } from '../../../lib/format'
import { useAuth } from '../../auth/AuthContext'
import { FigureLink } from '../../common/FigureLink'
import { openFilteredList, type AppealListFilters } from '../list/listQuery'
import { downloadTaskSheet } from './taskSheet'
import { PrintButton } from '../../common/PrintButton'

type Group = 'overdue' | 'dueToday' | 'dueTomorrow'

/** Each group and the list filters that count the same rows (appeals.myTasks uses the list's own). */
const GROUPS: { key: Group; color: string; filters: Partial<AppealListFilters> }[] = [
  { key: 'overdue', color: '#cf1322', filters: { overdue: true } },
  { key: 'dueToday', color: '#d46b08', filters: { due: 'today' } },
  { key: 'dueTomorrow', color: '#1677ff', filters: { due: 'tomorrow' } },
]

/** Rows shown under each group's count; the rest are one click away in the list. */
const SHOWN = 5

/**
 * "My tasks" on the first screen: the signed-in executor's open appeals past their deadline,
 * due today and due tomorrow, each count opening the register filtered to those rows, and the
 * printed task sheet (the head and the administrator choose whose). `reload` moves when other
 * desks save (the dashboard's data revision).
 */
export function MyTasksPanel({ reload }: { reload: number }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const { staff } = useCatalogs()
  const lang = useLanguage()
  const { message } = App.useApp()
  const [tasks, setTasks] = useState<MyTasks | null>(null)
  const [executorId, setExecutorId] = useState<number | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const chooses = overseesExecutors(user.role)

  useEffect(() => {
    call('appeals.myTasks', {}).then(setTasks, (error: unknown) => void message.error(showApiError(error, t)))
  }, [reload, message, t])

  if (!tasks) return null
  const sheetFor = chooses ? (executorId ?? tasks.executorId ?? undefined) : undefined
  const print = async () => {
    setBusy(true)
    try {
      await downloadTaskSheet(lang, sheetFor)
    } catch (error) {
      void message.error(showApiError(error, t))
    } finally {
      setBusy(false)
    }
  }
  const mayPrint = tasks.executorId !== null || (chooses && sheetFor !== undefined)

  return (
    <Card
      title={t('myTasks.title')}
      data-testid="my-tasks"
      extra={
        <Space>
          {chooses && (
            <Select
              aria-label={t('myTasks.executor')}
              placeholder={t('myTasks.executor')}
              style={{ minWidth: 220 }}
              value={sheetFor}
              onChange={setExecutorId}
              showSearch={{ optionFilterProp: 'label' }}
              options={staff.filter((s) => s.isExecutor && s.active).map((s) => ({ value: s.id, label: s.fullName }))}
              data-testid="task-sheet-executor"
            />
          )}
          <Button onClick={() => void print()} loading={busy} disabled={!mayPrint} data-testid="print-task-sheet">
            {t('myTasks.printSheet')}
          </Button>
          <PrintButton
            method="appeals.taskSheet"
            input={{ lang, ...(sheetFor !== undefined ? { executorId: sheetFor } : {}) }}
            disabled={!mayPrint}
            data-testid="task-sheet-print"
          />
        </Space>
      }
    >
      {tasks.executorId === null ? (
        <Alert type="info" showIcon title={t('myTasks.noStaff')} data-testid="my-tasks-no-staff" />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 16 }}>
          {GROUPS.map(({ key, color, filters }) => {
            const page = tasks[key]
            return (
              <div key={key} data-testid={`my-tasks-${key}`}>
                <Flex justify="space-between" align="baseline">
                  <FigureLink
                    href="#/appeals"
                    testId={`my-tasks-link-${key}`}
                    onOpen={() => openFilteredList({ ...filters, executorIds: [tasks.executorId!] })}
                  >
                    {t(`myTasks.${key}`)}
                  </FigureLink>
                  <Typography.Text strong style={{ fontSize: 22, color }} data-testid={`my-tasks-count-${key}`}>
                    {page.total}
                  </Typography.Text>
                </Flex>
                {page.total === 0 ? (
                  <Typography.Text type="secondary">{t('myTasks.none')}</Typography.Text>
                ) : (
                  <ul style={{ paddingLeft: 18, margin: '4px 0 0' }}>
                    {page.rows.slice(0, SHOWN).map((row) => (
                      <li key={row.id}>
                        <a href={`#/appeals/${row.id}`}>{row.regNumber}</a>{' '}
                        <Typography.Text type="secondary">{formatDate(row.dueOn)}</Typography.Text>{' '}
                        {row.applicantName ?? t(`applicantKind.${row.applicantKind}`)}
                        {' — '}
                        <Typography.Text ellipsis={{ tooltip: row.summary }} style={{ maxWidth: 240 }}>
                          {row.summary}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )
          })}
        </div>
      )}
    </Card>
  )
}
