import type { ReactNode } from 'react'
import { Alert, Form, Modal, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { clearErrorsOnChange } from '../common/formHandlers'
import { useApiSubmit } from '../common/useApiSubmit'

interface FormModalProps<Values> {
  title: string
  form: FormInstance<Values>
  /** Every field the API may complain about needs a value here (null is fine): see showApiError. */
  initialValues: Values
  /** Sends the values; a rejected call's field issues appear under the fields. */
  onSubmit: (values: Values) => Promise<void>
  onClose: () => void
  children: ReactNode
}

/**
 * The add/edit dialog of the Settings catalogs. Validation is the API's: its field issues are
 * shown under the fields in the current language, so the rules live in one place. Enter in
 * any field submits; editing a field clears its error.
 */
export function FormModal<Values extends object>({
  title,
  form,
  initialValues,
  onSubmit,
  onClose,
  children,
}: FormModalProps<Values>) {
  const { t } = useTranslation()
  const { saving, generalError, submit } = useApiSubmit(form, onSubmit)

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={submit}
      >
        {generalError && <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} />}
        {children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
