import { useMemo, useState } from 'react'
import { Button, Card, Flex, Popconfirm, Switch, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ConflictChoice, ConflictField, ConsolidationConflict } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { formatInstant } from '../../lib/format'
import { conflictField, conflictValue } from './conflictValue'
import { useLanguage } from '../../hooks/useLanguage'
import { localName } from '../../lib/language'

interface ConflictCardProps {
  conflict: ConsolidationConflict
  busy: boolean
  onResolve(keep: ConflictChoice): void
}

/** One conflict: the record, its two versions side by side, and the two decisions. */
export function ConflictCard({ conflict, busy, onResolve }: ConflictCardProps) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { sectorName, localityName } = useCatalogs()
  const [allFields, setAllFields] = useState(false)
  const names = useMemo(() => ({ sectorName, localityName }), [sectorName, localityName])
  const rows = allFields ? conflict.fields : conflict.fields.filter((f) => f.differs)
  const office = localName({ nameKk: conflict.officeNameKk, nameRu: conflict.officeNameRu }, lang)
  const open = conflict.resolvedAt === null
  const side = (key: 'local' | 'incoming') => ({
    key,
    title: (
      <>
        {t(`consolidationUi.conflicts.${key}`)}
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
          {t('consolidationUi.conflicts.changedAt', {
            at: formatInstant(key === 'local' ? conflict.localUpdatedAt : conflict.incomingUpdatedAt),
          })}
        </Typography.Text>
      </>
    ),
    render: (_: unknown, f: ConflictField) => (
      <span style={{ whiteSpace: 'pre-wrap' }}>{conflictValue(f.field, f[key], t, names)}</span>
    ),
  })

  return (
    <Card
      size="small"
      data-testid="consolidation-conflict"
      title={
        <Flex gap={8} align="center" wrap>
          <Tag>{t(`consolidationUi.conflicts.entity.${conflict.entity}`)}</Tag>
          <span>{conflict.label}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('consolidationUi.conflicts.from', { office })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={8} align="center">
          <Switch size="small" checked={allFields} onChange={setAllFields} />
          <span>{t('consolidationUi.conflicts.showAllFields')}</span>
        </Flex>
      }
    >
      <Table<ConflictField>
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(f) => ({ style: f.differs ? { background: 'rgba(250, 173, 20, 0.12)' } : undefined })}
        columns={[
          {
            key: 'field',
            title: t('consolidationUi.conflicts.field'),
            width: 220,
            render: (_, f) => conflictField(f.field, t),
          },
          side('local'),
          side('incoming'),
        ]}
      />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        {open ? (
          <>
            <Popconfirm
              title={t('consolidationUi.conflicts.confirmLocal')}
              onConfirm={() => onResolve('local')}
              okText={t('consolidationUi.conflicts.keepLocal')}
              cancelText={t('common.cancel')}
            >
              <Button disabled={busy} data-testid="conflict-keep-local">
                {t('consolidationUi.conflicts.keepLocal')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('consolidationUi.conflicts.confirmIncoming')}
              onConfirm={() => onResolve('incoming')}
              okText={t('consolidationUi.conflicts.takeIncoming')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" disabled={busy} data-testid="conflict-take-incoming">
                {t('consolidationUi.conflicts.takeIncoming')}
              </Button>
            </Popconfirm>
          </>
        ) : (
          <Typography.Text type="secondary">
            {t(
              conflict.resolution === 'local'
                ? 'consolidationUi.conflicts.resolvedLocal'
                : 'consolidationUi.conflicts.resolvedIncoming',
              {
                at: formatInstant(conflict.resolvedAt!),
              },
            )}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  )
}
