import { useState } from 'react'
import { Col, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCatalogs } from '../../hooks/useCatalogs'
import { ConflictsList } from './ConflictsList'
import { ExportCard } from './ExportCard'
import { ImportCard } from './ImportCard'
import { SourcesTable } from './SourcesTable'

/**
 * Okrug → district consolidation, for Settings: export this office's package, import other
 * offices' packages, the offices imported from, and the conflicts to decide.
 */
export function ConsolidationPanel() {
  const { t } = useTranslation()
  const { reload } = useCatalogs()
  // bumped after an import or a decision: the sources and conflicts are read again
  const [version, setVersion] = useState(0)
  const changed = () => {
    setVersion((v) => v + 1)
    void reload() // an import may bring localities and sectors every page chooses from
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="consolidation-panel">
      <Typography.Text type="secondary">{t('consolidationUi.hint')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ExportCard />
        </Col>
        <Col xs={24} lg={12}>
          <ImportCard onImported={changed} />
        </Col>
      </Row>
      <SourcesTable version={version} />
      <ConflictsList version={version} onResolved={changed} />
    </Space>
  )
}
