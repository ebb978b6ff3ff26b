import { useMemo, useState } from 'react'
import { App, Button, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locality } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { ActiveTag } from './ActiveTag'
import { LocalityFormModal, type LocalityDraft } from './LocalityFormModal'

type TreeRow = Locality & { children?: TreeRow[] }

/** Okrugs as the top rows, each with its settlements under it (antd's tree table). */
function toTree(localities: Locality[]): TreeRow[] {
  const okrugs = localities.filter((l) => l.kind === 'okrug')
  const okrugIds = new Set(okrugs.map((o) => o.id))
  const settlementsOf = (okrugId: number) => localities.filter((l) => l.kind === 'settlement' && l.parentId === okrugId)
  // A settlement whose okrug is missing would vanish from the tree; show it at the top instead.
  const orphans = localities.filter(
    (l) => l.kind === 'settlement' && (l.parentId === null || !okrugIds.has(l.parentId)),
  )
  return [
    ...okrugs.map((okrug) => {
      const children = settlementsOf(okrug.id)
      return children.length > 0 ? { ...okrug, children } : okrug
    }),
    ...orphans,
  ]
}

/** Rural okrugs and their settlements: add, rename, move a settlement, deactivate. */
export function LocalityCatalog() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { localities, reload } = useCatalogs()
  const [editing, setEditing] = useState<LocalityDraft | null>(null)
  // Okrugs start expanded; the clerk may fold the ones not needed.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set())
  const tree = useMemo(() => toTree(localities), [localities])

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text type="secondary">{t('settingsUi.localities.hint')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing({ kind: 'okrug', parentId: null })}>
          {t('settingsUi.localities.addOkrug')}
        </Button>
      </Space>
      <Table<TreeRow>
        rowKey="id"
        size="small"
        dataSource={tree}
        pagination={false}
        locale={{ emptyText: t('settingsUi.localities.empty') }}
        expandable={{
          expandedRowKeys: tree.filter((row) => row.children && !collapsed.has(row.id)).map((row) => row.id),
          onExpand: (expanded, row) =>
            setCollapsed((prev) => {
              const next = new Set(prev)
              if (expanded) next.delete(row.id)
              else next.add(row.id)
              return next
            }),
        }}
        columns={[
          { title: t('settingsUi.localities.nameKk'), dataIndex: 'nameKk' },
          { title: t('settingsUi.localities.nameRu'), dataIndex: 'nameRu' },
          // English names are optional and seldom kept: the column shows only when one is.
          ...(localities.some((l) => l.nameEn)
            ? [{ title: t('settingsUi.localities.nameEn'), dataIndex: 'nameEn' }]
            : []),
          {
            title: t('settingsUi.localities.kind'),
            dataIndex: 'kind',
            width: 160,
            render: (kind: Locality['kind']) => t(`localityKind.${kind}`),
          },
          {
            title: t('settingsUi.common.active'),
            dataIndex: 'active',
            width: 100,
            render: (active: boolean) => <ActiveTag active={active} />,
          },
          {
            title: t('settingsUi.common.actions'),
            width: 280,
            render: (_value, locality) => (
              <Space size="small">
                <Button
                  size="small"
                  aria-label={`${t('settingsUi.common.edit')}: ${locality.nameKk}`}
                  onClick={() => setEditing(locality)}
                >
                  {t('settingsUi.common.edit')}
                </Button>
                {locality.kind === 'okrug' && locality.active && (
                  <Button size="small" onClick={() => setEditing({ kind: 'settlement', parentId: locality.id })}>
                    + {t('settingsUi.localities.addSettlement')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <LocalityFormModal
          draft={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null)
            void message.success(t('settingsUi.common.saved'))
            await reload()
          }}
        />
      )}
    </Space>
  )
}
