import { useState } from 'react'
import { Alert, Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SampleDataSummary } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { useCatalogs } from '../../hooks/useCatalogs'

/**
 * "Load sample data": builds the reference district (the Abai district office, its okrugs and
 * villages, staff, the 2021-2023 report meetings of the official table, reception appeals) so
 * a new office can try every page and report. The core refuses when the register already holds
 * appeals, so sample records never mix with real ones; the button says so before it is
 * pressed, and says what was loaded after. Reloads the shared catalogs (localities and staff
 * are new), so it must sit inside CatalogProvider, as every page does. Placed on the
 * first-run screen, in Settings and on the Reports page of an empty database.
 */
export function LoadSampleDataButton({
  onLoaded,
  beforeLoad,
}: {
  onLoaded?: (summary: SampleDataSummary) => void
  /** Runs first, and nothing is loaded if it fails (the first-start wizard's backup). */
  beforeLoad?: () => Promise<void>
}) {
  const { t } = useTranslation()
  const { reload } = useCatalogs()
  const [loading, setLoading] = useState(false)
  const [summary, setSummary] = useState<SampleDataSummary | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async () => {
    setLoading(true)
    setError(null)
    try {
      await beforeLoad?.()
      const loaded = await call('sample.load', {})
      setSummary(loaded)
      await reload()
      onLoaded?.(loaded)
    } catch (failure) {
      setError(showApiError(failure, t))
    } finally {
      setLoading(false)
    }
  }

  return (
    <Flex vertical gap={8} align="flex-start" data-testid="sample-data">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reportsUi.sample.hint')}
      </Typography.Paragraph>
      <Button onClick={() => void load()} loading={loading} disabled={summary !== null}>
        {loading ? t('reportsUi.sample.loading') : t('reportsUi.sample.button')}
      </Button>
      {summary && (
        <Alert
          type="success"
          showIcon
          title={t('reportsUi.sample.loaded', { ...summary })}
          data-testid="sample-loaded"
        />
      )}
      {error && <Alert type="error" showIcon title={t('reportsUi.sample.failed')} description={error} />}
    </Flex>
  )
}
