import { Col, Empty, Row, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SectorShare } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { BarChart } from '../charts/BarChart'
import { formatPercent } from '../../lib/format'
import { sectorSeries } from '../charts/sectorSeries'
import { useLanguage } from '../../hooks/useLanguage'

/**
 * A meeting's questions by sector, laid out like the official table (№, sector, count, %,
 * total row "100"), with the same numbers as bars beside it.
 */
export function SectorShares({ bySector }: { bySector: SectorShare[] }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { sectors, sectorName } = useCatalogs()
  const series = sectorSeries(sectors, bySector).map(({ sector, count, row }) => ({
    sectorId: sector.id,
    name: sectorName(sector.id),
    count,
    percent: formatPercent(row?.percent ?? 0, lang),
  }))
  const total = series.reduce((sum, row) => sum + row.count, 0)
  if (total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingsUi.shares.empty')} />

  return (
    <Row gutter={[32, 16]}>
      <Col xs={24} xl={12}>
        <Table
          rowKey="sectorId"
          size="small"
          data-testid="sector-shares"
          dataSource={series}
          pagination={false}
          columns={[
            { title: t('meetingsUi.shares.number'), width: 72, render: (_v, _row, index) => index + 1 },
            { title: t('meetingsUi.shares.sector'), dataIndex: 'name' },
            { title: t('meetingsUi.shares.count'), dataIndex: 'count', width: 100, align: 'right' },
            { title: t('meetingsUi.shares.percent'), dataIndex: 'percent', width: 90, align: 'right' },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <strong>{t('meetingsUi.shares.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{total}</strong>
              </Table.Summary.Cell>
              {/* The official tables print the total share as 100, not the sum of rounded cells. */}
              <Table.Summary.Cell index={3} align="right">
                <strong>100</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Col>
      <Col xs={24} xl={12}>
        <BarChart
          title={t('meetingsUi.shares.chart')}
          emptyText={t('meetingsUi.shares.empty')}
          items={series.map((row) => ({
            key: row.sectorId,
            label: row.name,
            value: row.count,
            valueText: `${row.count} · ${row.percent}%`,
          }))}
        />
      </Col>
    </Row>
  )
}
