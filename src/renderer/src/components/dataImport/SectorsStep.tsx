import { Alert, Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportSectorText } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { useLanguage } from '../../hooks/useLanguage'
import { localName } from '../../lib/language'

interface Props {
  preview: ImportPreview
  mapping: Record<string, number | null>
  onChange(key: string, sectorId: number | null): void
}

const SOURCE_COLORS = { chosen: 'blue', remembered: 'purple', exact: 'green', suggested: 'gold' } as const

/**
 * Step 3: each distinct sector text of the file → a catalog sector. Exact names and choices
 * remembered from earlier imports come chosen; similar names are offered first in the list.
 */
export function SectorsStep({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { sectors } = useCatalogs()
  const active = sectors.filter((s) => s.active)
  /** The user's choice when there is one, else what the core resolved (remembered or exact). */
  const sectorOf = (text: ImportSectorText) => (Object.hasOwn(mapping, text.key) ? mapping[text.key]! : text.sectorId)
  const unmapped = preview.sectors.filter((s) => sectorOf(s) === null).length

  const source = (text: ImportSectorText): keyof typeof SOURCE_COLORS | null => {
    if (!Object.hasOwn(mapping, text.key)) return text.source
    const chosen = mapping[text.key]
    if (chosen === null) return null
    return text.suggestions.some((s) => s.sectorId === chosen) ? 'suggested' : 'chosen'
  }

  const options = (text: ImportSectorText) => {
    const suggested = new Set(text.suggestions.map((s) => s.sectorId))
    const ordered = [...active.filter((s) => suggested.has(s.id)), ...active.filter((s) => !suggested.has(s.id))]
    return ordered.map((s) => ({ value: s.id, label: `${localName(s, lang)}${suggested.has(s.id) ? ' ★' : ''}` }))
  }

  if (preview.sectors.length === 0) return <Alert type="info" showIcon title={t('importUi.sectors.none')} />
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('importUi.sectors.hint')}</Typography.Text>
      {unmapped > 0 && <Alert type="warning" showIcon title={t('importUi.sectors.unmapped', { count: unmapped })} />}
      <Table<ImportSectorText>
        rowKey="key"
        size="small"
        dataSource={preview.sectors}
        pagination={false}
        columns={[
          { title: t('importUi.sectors.text'), dataIndex: 'text' },
          { title: t('importUi.sectors.rows'), dataIndex: 'rows', width: 80, align: 'right' },
          {
            title: t('importUi.sectors.sector'),
            key: 'sector',
            width: 380,
            render: (_, text) => {
              const from = source(text)
              return (
                <Space>
                  <Select<number>
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 280 }}
                    placeholder={t('importUi.sectors.choose')}
                    value={sectorOf(text) ?? undefined}
                    options={options(text)}
                    onChange={(id) => onChange(text.key, id ?? null)}
                    data-testid={`import-sector-${text.key}`}
                  />
                  {from && <Tag color={SOURCE_COLORS[from]}>{t(`importUi.sectors.source.${from}`)}</Tag>}
                </Space>
              )
            },
          },
        ]}
      />
    </Space>
  )
}
