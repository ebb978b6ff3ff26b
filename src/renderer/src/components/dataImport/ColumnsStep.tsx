import { Alert, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportColumn, ImportField, ImportPreview } from '@shared/api/contract'
import { IMPORT_FIELDS } from '@shared/api/areas/import'
import { APPEAL_TYPES, RECEPTION_CHANNELS } from '@shared/domain/appeal'
import { useCatalogs } from '../../hooks/useCatalogs'
import { columnLetter } from './problemText'
import type { ImportDefaults } from './useImportWizard'
import { useLanguage } from '../../hooks/useLanguage'
import { localName } from '../../lib/language'

interface Props {
  preview: ImportPreview
  loading: boolean
  defaults: ImportDefaults
  onField(index: number, field: ImportField | null): void
  onHeaderRow(row: number): void
  onDefaults(defaults: ImportDefaults): void
}

const IGNORE = '__ignore__'
const NO_SECTOR = 0

/** Step 2: which field each column is, with the suggestions from the header names; the header row; defaults for empty cells. */
export function ColumnsStep({ preview, loading, defaults, onField, onHeaderRow, onDefaults }: Props) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { sectors } = useCatalogs()
  const taken = new Set(preview.columns.map((c) => c.field).filter(Boolean))

  const fieldOptions = (column: ImportColumn) => [
    { value: IGNORE, label: t('importUi.columns.ignore') },
    ...IMPORT_FIELDS.map((field) => ({
      value: field,
      label: `${t(`importUi.fields.${field}`)}${field === column.suggested ? ` · ${t('importUi.columns.suggested')}` : ''}`,
      disabled: taken.has(field) && column.field !== field,
    })),
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('importUi.columns.hint')}</Typography.Text>
      <Space wrap>
        {preview.sheetName && <Tag>{t('importUi.columns.sheet', { name: preview.sheetName })}</Tag>}
        {preview.encoding && preview.delimiter && (
          <Tag>
            {t('importUi.columns.csv', {
              encoding: preview.encoding,
              delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter,
            })}
          </Tag>
        )}
        {preview.titleRows > 0 && <Tag>{t('importUi.columns.titleRows', { count: preview.titleRows })}</Tag>}
        <Form.Item
          label={t('importUi.columns.headerRow')}
          tooltip={t('importUi.columns.headerRowHint')}
          style={{ marginBottom: 0 }}
        >
          <InputNumber
            min={1}
            max={100}
            value={preview.headerRow}
            disabled={loading}
            onChange={(v) => v && onHeaderRow(v)}
            data-testid="import-header-row"
          />
        </Form.Item>
      </Space>
      {preview.missingFields.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('importUi.columns.missing', {
            fields: preview.missingFields.map((f) => t(`importUi.fields.${f}`)).join(', '),
          })}
        />
      )}
      <Table<ImportColumn>
        rowKey="index"
        size="small"
        loading={loading}
        dataSource={preview.columns}
        pagination={false}
        columns={[
          {
            title: t('importUi.columns.column'),
            dataIndex: 'index',
            width: 70,
            render: (index: number) => columnLetter(index),
          },
          { title: t('importUi.columns.header'), dataIndex: 'header', render: (header: string) => header || '—' },
          {
            title: t('importUi.columns.samples'),
            dataIndex: 'samples',
            render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' · ')}</Typography.Text>,
          },
          {
            title: t('importUi.columns.field'),
            key: 'field',
            width: 280,
            render: (_, column) => (
              <Select<string>
                style={{ width: '100%' }}
                value={column.field ?? IGNORE}
                options={fieldOptions(column)}
                disabled={loading}
                onChange={(value) => onField(column.index, value === IGNORE ? null : (value as ImportField))}
                data-testid={`import-column-${column.index}`}
              />
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('importUi.columns.defaults')}</Typography.Text>
      <Space wrap>
        <Form.Item label={t('importUi.columns.defaultChannel')} style={{ marginBottom: 0 }}>
          <Select
            style={{ width: 220 }}
            value={defaults.channel}
            options={RECEPTION_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            onChange={(channel) => onDefaults({ ...defaults, channel })}
          />
        </Form.Item>
        <Form.Item label={t('importUi.columns.defaultAppealType')} style={{ marginBottom: 0 }}>
          <Select
            style={{ width: 180 }}
            value={defaults.appealType}
            options={APPEAL_TYPES.map((type) => ({ value: type, label: t(`appealType.${type}`) }))}
            onChange={(appealType) => onDefaults({ ...defaults, appealType })}
          />
        </Form.Item>
        <Form.Item label={t('importUi.columns.defaultSector')} style={{ marginBottom: 0 }}>
          <Select<number>
            style={{ width: 280 }}
            value={defaults.sectorId ?? NO_SECTOR}
            options={[
              { value: NO_SECTOR, label: t('importUi.columns.defaultSectorNone') },
              ...sectors.filter((s) => s.active).map((s) => ({ value: s.id, label: localName(s, lang) })),
            ]}
            onChange={(sectorId) => onDefaults({ ...defaults, sectorId: sectorId === NO_SECTOR ? null : sectorId })}
          />
        </Form.Item>
      </Space>
    </Space>
  )
}
