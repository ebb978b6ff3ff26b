import { useRef, useState } from 'react'
import { Alert, Button, Modal, Select, Space, Typography, type RefSelectProps } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StaffMember } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { navigate } from '../../hooks/useRoute'

interface OperatorModalProps {
  staff: StaffMember[]
  current: StaffMember | null
  /** At start the choice is required: the modal cannot be dismissed, only answered. */
  required: boolean
  onChosen: (operator: StaffMember) => void
  onClose: () => void
}

/**
 * Asks who is at the keyboard. Made for the keyboard: the list has the focus, typing filters
 * it, Enter picks a name, Enter again confirms.
 */
export function OperatorModal({ staff, current, required, onChosen, onClose }: OperatorModalProps) {
  const { t } = useTranslation()
  const [staffId, setStaffId] = useState<number | null>(current?.id ?? null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const selectRef = useRef<RefSelectProps>(null)
  // Kept here so the list closes the moment a name is picked (antd closes it a task later, and
  // a quick second Enter would reach the still-open list instead of confirming).
  const [listOpen, setListOpen] = useState(false)

  const confirm = async () => {
    if (staffId === null) return
    setSaving(true)
    try {
      const session = await call('session.setOperator', { staffId })
      if (session.operator) onChosen(session.operator)
    } catch (failure) {
      setError(showApiError(failure, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('settingsUi.operator.modalTitle')}
      closable={!required}
      keyboard={!required}
      mask={{ closable: !required }}
      onCancel={onClose}
      afterOpenChange={(open) => open && selectRef.current?.focus()}
      footer={
        <Space>
          {!required && <Button onClick={onClose}>{t('common.cancel')}</Button>}
          <Button type="primary" disabled={staffId === null} loading={saving} onClick={() => void confirm()}>
            {t('settingsUi.operator.confirm')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('settingsUi.operator.modalHint')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <div
          onKeyDownCapture={(event) => {
            if (event.key !== 'Enter' || listOpen || staffId === null) return
            event.preventDefault()
            event.stopPropagation()
            void confirm()
          }}
        >
          <Select<number>
            ref={selectRef}
            autoFocus
            aria-label={t('settingsUi.operator.label')}
            data-testid="operator-select"
            size="large"
            style={{ width: '100%' }}
            placeholder={t('settingsUi.operator.placeholder')}
            value={staffId ?? undefined}
            showSearch={{ optionFilterProp: 'label' }}
            open={listOpen}
            onOpenChange={setListOpen}
            onChange={(id) => {
              setListOpen(false)
              setStaffId(id)
              setError(null)
            }}
            options={staff.map((member) => ({ value: member.id, label: `${member.fullName} — ${member.position}` }))}
          />
        </div>
        <Typography.Link
          onClick={() => {
            onClose()
            navigate('settings', 'staff')
          }}
        >
          {t('settingsUi.operator.notListed')}
        </Typography.Link>
      </Space>
    </Modal>
  )
}
