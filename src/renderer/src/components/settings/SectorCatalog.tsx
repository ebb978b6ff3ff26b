import { useCallback, useEffect, useState } from 'react'
import { App, Button, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Sector } from '@shared/domain/sector'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { useCatalogs } from '../../hooks/useCatalogs'
import { SectorFormModal } from './SectorFormModal'

/**
 * The sector catalog in report order: add, rename, deactivate, move up and down. It loads its
 * own list (sectors.move answers with the new order) and tells the shared catalogs after each
 * change, so the other pages follow.
 */
export function SectorCatalog() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const catalogs = useCatalogs()
  const [sectors, setSectors] = useState<Sector[]>([])
  const [loading, setLoading] = useState(true)
  const [editing, setEditing] = useState<Sector | 'new' | null>(null)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      setSectors(await call('sectors.list', { includeInactive: true }))
    } catch (error) {
      void message.error(showApiError(error, t))
    } finally {
      setLoading(false)
    }
  }, [message, t])

  useEffect(() => {
    void load()
  }, [load])

  const move = async (sector: Sector, direction: 'up' | 'down') => {
    try {
      setSectors(await call('sectors.move', { id: sector.id, direction }))
      void catalogs.reload()
    } catch (error) {
      void message.error(showApiError(error, t))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('settings.sectorsHint')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('sectors.add')}
        </Button>
      </Space>
      <Table<Sector>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={sectors}
        pagination={false}
        columns={[
          { title: t('sectors.order'), width: 70, render: (_value, _row, index) => index + 1 },
          { title: t('sectors.code'), dataIndex: 'code', width: 130, render: (code: string) => <code>{code}</code> },
          { title: t('sectors.nameKk'), dataIndex: 'nameKk' },
          { title: t('sectors.nameRu'), dataIndex: 'nameRu' },
          { title: t('sectors.nameEn'), dataIndex: 'nameEn' },
          {
            title: t('sectors.active'),
            dataIndex: 'active',
            width: 120,
            render: (active: boolean) =>
              active ? <Tag color="green">{t('sectors.activeYes')}</Tag> : <Tag>{t('sectors.activeNo')}</Tag>,
          },
          {
            title: t('sectors.actions'),
            width: 230,
            render: (_value, sector, index) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(sector)}>
                  {t('sectors.edit')}
                </Button>
                <Button
                  size="small"
                  disabled={index === 0}
                  aria-label={`${t('sectors.moveUp')} ${sector.code}`}
                  onClick={() => void move(sector, 'up')}
                >
                  ↑
                </Button>
                <Button
                  size="small"
                  disabled={index === sectors.length - 1}
                  aria-label={`${t('sectors.moveDown')} ${sector.code}`}
                  onClick={() => void move(sector, 'down')}
                >
                  ↓
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <SectorFormModal
          sector={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            void message.success(t('sectors.saved'))
            void load()
            void catalogs.reload()
          }}
        />
      )}
    </Space>
  )
}
