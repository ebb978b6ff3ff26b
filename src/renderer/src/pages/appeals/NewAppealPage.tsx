import { useState } from 'react'
import { Alert, Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../api/client'
import { AppealForm } from '../../components/appeals/form/AppealForm'
import { toCreateInput, type AppealFormValues } from '../../components/appeals/form/formValues'
import { blankAppealValues, rememberReceptionDefaults } from '../../components/appeals/form/receptionDefaults'
import { ReceiptButton } from '../../components/appeals/ReceiptButton'

/**
 * #/appeals/new — quick entry at the reception desk. Each save registers the appeal, says its
 * number (with its receipt slip to print), and opens the next blank form with the clerk's
 * remembered channel, executor and locality, focus back in the first field.
 */
export function NewAppealPage() {
  const { t } = useTranslation()
  const [registered, setRegistered] = useState<Appeal | null>(null)
  const [blank, setBlank] = useState(() => blankAppealValues())

  const register = async (values: AppealFormValues) => {
    const appeal = await call('appeals.create', toCreateInput(values))
    rememberReceptionDefaults(values)
    setRegistered(appeal)
    setBlank(blankAppealValues())
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Link href="#/appeals">← {t('appealsUi.backToList')}</Typography.Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('appealsUi.form.newTitle')}
      </Typography.Title>
      {registered && (
        <Alert
          type="success"
          showIcon
          data-testid="registered-alert"
          title={t('appealsUi.form.registered', { number: registered.regNumber })}
          // an appeal closed by law as it is registered (anonymous) says so at once: no term runs
          description={
            registered.registrationClosing ? t(`registrationClosing.${registered.registrationClosing}`) : undefined
          }
          action={
            <Flex gap={8}>
              <ReceiptButton appealId={registered.id} size="small" type="primary" />
              <Button size="small" href={`#/appeals/${registered.id}`}>
                {t('appealsUi.form.openCard')}
              </Button>
            </Flex>
          }
        />
      )}
      {/* A new key per registration: a fresh form, its focus back in the first field. */}
      <AppealForm
        key={registered?.id ?? 'first'}
        mode="register"
        initialValues={blank}
        submitLabel={t('appealsUi.form.register')}
        onSave={register}
      />
    </Flex>
  )
}
