import { useEffect, useState } from 'react'
import { Button, Space, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StaffMember } from '@shared/api/contract'
import { call } from '../../api/client'
import { useCatalogs } from '../../hooks/useCatalogs'
import { OperatorModal } from './OperatorModal'

/**
 * The operator in the header: who is at the keyboard (audit entries and receipt slips name
 * them), with a way to change it. At start, when there are staff but no operator is
 * remembered, it asks. With no staff yet the app works on and this points to Settings → Staff.
 */
export function OperatorControl() {
  const { t } = useTranslation()
  const { staff } = useCatalogs()
  const [operator, setOperator] = useState<StaffMember | null | undefined>(undefined)
  const [asking, setAsking] = useState<'start' | 'change' | null>(null)
  const activeStaff = staff.filter((member) => member.active)

  // At start: its own look-up, so an empty catalog still loading is not taken for "no staff".
  useEffect(() => {
    Promise.all([call('session.get', {}), call('staff.list', { includeInactive: false })]).then(
      ([session, active]) => {
        setOperator(session.operator)
        if (!session.operator && active.length > 0) setAsking('start')
      },
      () => setOperator(null), // the pages say what is wrong with the core; the header stays quiet
    )
  }, [])

  // Staff edited in Settings may rename or deactivate the operator; the core follows, and so does the header.
  useEffect(() => {
    call('session.get', {}).then(
      (session) => setOperator(session.operator),
      () => undefined,
    )
  }, [staff])

  if (operator === undefined) return null

  return (
    <>
      {operator ? (
        <Tooltip title={t('settingsUi.operator.change')}>
          <Button type="text" data-testid="operator" onClick={() => setAsking('change')} style={{ maxWidth: 360 }}>
            <Typography.Text type="secondary">{t('settingsUi.operator.label')}:</Typography.Text>
            <Typography.Text strong ellipsis>
              {operator.fullName}
            </Typography.Text>
          </Button>
        </Tooltip>
      ) : activeStaff.length > 0 ? (
        <Button danger data-testid="operator" onClick={() => setAsking('change')}>
          {t('settingsUi.operator.choose')}
        </Button>
      ) : (
        <Space data-testid="operator">
          <Typography.Text type="warning">{t('settingsUi.operator.none')}</Typography.Text>
          <Typography.Link href="#/settings/staff">{t('settingsUi.operator.staffLink')}</Typography.Link>
        </Space>
      )}
      {asking && (
        <OperatorModal
          staff={activeStaff}
          current={operator}
          required={asking === 'start'}
          onChosen={(chosen) => {
            setOperator(chosen)
            setAsking(null)
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  )
}
