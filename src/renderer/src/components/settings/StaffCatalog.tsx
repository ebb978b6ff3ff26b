import { useState } from 'react'
import { App, Button, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StaffMember } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { ActiveTag } from './ActiveTag'
import { StaffFormModal } from './StaffFormModal'

/** The staff list (operators and executors): add, edit, deactivate. Never deletes. */
export function StaffCatalog() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { staff, reload } = useCatalogs()
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null)

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('settingsUi.staff.hint')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('settingsUi.staff.add')}
        </Button>
      </Space>
      <Table<StaffMember>
        rowKey="id"
        size="small"
        dataSource={staff}
        pagination={false}
        locale={{ emptyText: t('settingsUi.staff.empty') }}
        columns={[
          { title: t('settingsUi.staff.fullName'), dataIndex: 'fullName' },
          { title: t('settingsUi.staff.position'), dataIndex: 'position' },
          { title: t('settingsUi.staff.department'), dataIndex: 'department' },
          {
            title: t('settingsUi.staff.isExecutor'),
            dataIndex: 'isExecutor',
            width: 120,
            render: (isExecutor: boolean) => (isExecutor ? t('settingsUi.common.yes') : t('settingsUi.common.no')),
          },
          {
            title: t('settingsUi.common.active'),
            dataIndex: 'active',
            width: 120,
            render: (active: boolean) => <ActiveTag active={active} />,
          },
          {
            title: t('settingsUi.common.actions'),
            width: 130,
            render: (_value, member) => (
              <Button
                size="small"
                aria-label={`${t('settingsUi.common.edit')}: ${member.fullName}`}
                onClick={() => setEditing(member)}
              >
                {t('settingsUi.common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <StaffFormModal
          member={editing === 'new' ? null : editing}
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
