import { useEffect, useMemo, useState } from 'react'
import { APPEAL_LIST_COLUMNS, type AppealListColumn } from '@shared/domain/appealColumns'
import { call } from '../../api/client'
import { ColumnChooser } from '../../components/appeals/list/ColumnChooser'
import { ListExportButtons } from '../../components/appeals/list/ListExportButtons'
import { Alert, Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { showApiError } from '../../api/formErrors'
import { formatCount } from '../../lib/format'
import { useLanguage } from '../../hooks/useLanguage'
import { AppealFilters } from '../../components/appeals/list/AppealFilters'
import { AppealsTable } from '../../components/appeals/list/AppealsTable'
import { DEFAULT_SORT, FILTERS_KEY, NO_FILTERS, SORT_KEY, toListQuery } from '../../components/appeals/list/listQuery'
import { useAppealPages } from '../../components/appeals/list/useAppealPages'
import { useSessionState } from '../../components/appeals/list/useSessionState'
import { useCan } from '../../components/auth/AuthContext'
import { useDataRevision } from '../../hooks/useDataRevision'

/** #/appeals — the register: filters, search, sorting, and the rows paged in from the database as the clerk scrolls. */
export function AppealsListPage() {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [filters, setFilters] = useSessionState(FILTERS_KEY, NO_FILTERS)
  const [sort, setSort] = useSessionState(SORT_KEY, DEFAULT_SORT)
  const query = useMemo(() => toListQuery(filters, sort), [filters, sort])
  const { rows, total, loading, error, loadMore, reload, refresh } = useAppealPages(query)
  // what other desks register or change shows within 2 s, without a reload
  useDataRevision(refresh)
  const number = (n: number) => formatCount(n, lang)
  const { mayCall } = useCan()
  // the user's own choice of columns, kept in the database (preferences.own)
  const [columns, setColumns] = useState<AppealListColumn[]>([...APPEAL_LIST_COLUMNS])
  useEffect(() => {
    call('preferences.own', {}).then(
      (own) => setColumns(own.appealColumns),
      () => undefined,
    )
  }, [])
  const chooseColumns = (next: AppealListColumn[]) => {
    setColumns(next)
    void call('preferences.update', { appealColumns: next }).catch(() => undefined)
  }

  return (
    <Flex vertical gap={12}>
      <AppealFilters
        value={filters}
        onChange={setFilters}
        actions={
          mayCall('appeals.create') && (
            <Button type="primary" href="#/appeals/new">
              {t('appealsUi.list.new')}
            </Button>
          )
        }
      />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={showApiError(error, t)}
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      )}
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text type="secondary" data-testid="appeals-count">
          {t('appealsUi.list.shown', { shown: number(rows.length), total: number(total) })}
          {loading && rows.length > 0 && ` · ${t('app.loading')}`}
        </Typography.Text>
        <Flex gap={8} align="center">
          {mayCall('appeals.exportList') && (
            <ListExportButtons query={query} columns={columns} disabled={total === 0} />
          )}
          <ColumnChooser shown={columns} onChange={chooseColumns} />
        </Flex>
      </Flex>
      <AppealsTable
        rows={rows}
        shown={columns}
        loadingFirstPage={loading && rows.length === 0}
        sort={sort}
        onSortChange={setSort}
        onEndReached={loadMore}
      />
    </Flex>
  )
}
