import { Alert, App, Button, Space, Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportResult } from '@shared/api/contract'
import { ColumnsStep } from './ColumnsStep'
import { FileStep } from './FileStep'
import { ImportProgressView, ImportResultView } from './ImportOutcome'
import { PreviewStep } from './PreviewStep'
import { SectorsStep } from './SectorsStep'
import { useImportWizard, type WizardStep } from './useImportWizard'

const STEPS: WizardStep[] = ['file', 'columns', 'sectors', 'preview', 'result']

/**
 * Importing a register from Excel or CSV: choose the file → map columns to fields (suggested
 * from the headers) → map the file's sector names to the catalog → see every row's problems
 * → import the valid rows in one transaction, with progress → what was imported, skipped as
 * imported before, or left out. `onImported` lets the page refresh what it shows.
 */
export function ImportWizard({ onImported }: { onImported?: (result: ImportResult) => void }) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const w = useImportWizard(onImported)
  const current = w.step === 'importing' ? STEPS.indexOf('result') : STEPS.indexOf(w.step)
  const blocked = w.loading || !w.preview

  const confirmImport = () =>
    modal.confirm({
      title: t('importUi.preview.importButton', { count: w.preview?.counts.valid ?? 0 }),
      content: t('importUi.preview.confirm'),
      okText: t('importUi.preview.importButton', { count: w.preview?.counts.valid ?? 0 }),
      cancelText: t('common.cancel'),
      onOk: () => {
        void w.commit()
      },
    })

  const nav = (back: WizardStep | null, next: WizardStep | null) => (
    <Space>
      {back ? (
        <Button onClick={() => void w.goTo(back)} disabled={w.loading}>
          {t('importUi.nav.back')}
        </Button>
      ) : (
        <Button onClick={w.restart}>{t('importUi.nav.restart')}</Button>
      )}
      {next && (
        <Button
          type="primary"
          onClick={() => void w.goTo(next)}
          disabled={blocked}
          loading={w.loading}
          data-testid="import-next"
        >
          {t('importUi.nav.next')}
        </Button>
      )}
      {w.step === 'preview' && (
        <Button
          type="primary"
          onClick={confirmImport}
          disabled={blocked || w.preview!.counts.valid === 0}
          data-testid="import-commit"
        >
          {w.preview!.counts.valid === 0
            ? t('importUi.preview.nothing')
            : t('importUi.preview.importButton', { count: w.preview!.counts.valid })}
        </Button>
      )}
    </Space>
  )

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="import-wizard">
      <Typography.Text type="secondary">{t('importUi.intro')}</Typography.Text>
      <Steps
        size="small"
        current={current}
        items={STEPS.map((step) => ({ key: step, title: t(`importUi.steps.${step}`) }))}
      />
      {w.error && w.step !== 'result' && <Alert type="error" showIcon title={w.error} data-testid="import-error" />}
      {w.step === 'file' && <FileStep loading={w.loading} onFile={(file) => void w.chooseFile(file)} />}
      {w.step === 'columns' && w.preview && (
        <>
          <ColumnsStep
            preview={w.preview}
            loading={w.loading}
            defaults={w.defaults}
            onField={w.setField}
            onHeaderRow={w.setHeaderRow}
            onDefaults={w.changeDefaults}
          />
          {nav(null, 'sectors')}
        </>
      )}
      {w.step === 'sectors' && w.preview && (
        <>
          <SectorsStep preview={w.preview} mapping={w.sectorMapping} onChange={w.setSector} />
          {nav('columns', 'preview')}
        </>
      )}
      {w.step === 'preview' && w.preview && (
        <>
          <PreviewStep preview={w.preview} loading={w.loading} />
          {nav('sectors', null)}
        </>
      )}
      {w.step === 'importing' && <ImportProgressView progress={w.progress} />}
      {w.step === 'result' && <ImportResultView result={w.result} error={w.error} onRestart={w.restart} />}
    </Space>
  )
}
