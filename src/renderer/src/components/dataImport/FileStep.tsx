import { Spin, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'

/** Step 1: the file. Read here and sent with each call; nothing is uploaded anywhere. */
export function FileStep({ loading, onFile }: { loading: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation()
  return (
    <Spin spinning={loading} description={t('importUi.file.reading')}>
      <Upload.Dragger
        accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        showUploadList={false}
        multiple={false}
        disabled={loading}
        beforeUpload={(file) => {
          onFile(file)
          return false
        }}
        data-testid="import-file"
      >
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {t('importUi.file.choose')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('importUi.file.formats')}</Typography.Text>
      </Upload.Dragger>
    </Spin>
  )
}
