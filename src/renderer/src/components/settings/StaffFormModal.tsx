import { Form, Input, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StaffMember } from '@shared/api/contract'
import { call } from '../../api/client'
import { FormModal } from '../common/FormModal'

interface Values {
  fullName: string
  position: string
  positionRu: string
  department: string
  isExecutor: boolean
  active: boolean
}

/** Adds a staff member (`member` null) or edits one; deactivating is the "active" switch. */
export function StaffFormModal({
  member,
  onClose,
  onSaved,
}: {
  member: StaffMember | null
  onClose: () => void
  onSaved: () => Promise<void>
}) {
  const { t } = useTranslation()

  const submit = async ({ fullName, position, positionRu, department, isExecutor, active }: Values) => {
    if (member)
      await call('staff.update', { id: member.id, fullName, position, positionRu, department, isExecutor, active })
    else await call('staff.create', { fullName, position, positionRu, department, isExecutor })
    await onSaved()
  }

  return (
    <FormModal<Values>
      title={member ? t('settingsUi.staff.editTitle') : t('settingsUi.staff.addTitle')}
      initialValues={
        member
          ? { ...member, positionRu: member.positionRu ?? '', department: member.department ?? '' }
          : { fullName: '', position: '', positionRu: '', department: '', isExecutor: true, active: true }
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="fullName" label={t('settingsUi.staff.fullName')} extra={t('settingsUi.staff.fullNameHint')}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item name="position" label={t('settingsUi.staff.position')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="positionRu"
        label={t('settingsUi.staff.positionRu')}
        extra={t('settingsUi.staff.positionRuHint')}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="department" label={t('settingsUi.staff.department')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="isExecutor"
        label={t('settingsUi.staff.isExecutor')}
        extra={t('settingsUi.staff.isExecutorHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      {member && (
        <Form.Item name="active" label={t('settingsUi.common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  )
}
