import type { ReactNode } from 'react'
import { Alert, Form, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { clearErrorsOnChange, saveOnCtrlEnter } from '../../common/formHandlers'
import { useApiSubmit } from '../../common/useApiSubmit'

interface Props<V> {
  title: string
  /** Every field the API may name, so that its issues find their field (see api/formErrors.ts). */
  initialValues: V
  /** Sends the values; a thrown API error is shown under the fields it names. */
  onSubmit: (values: V) => Promise<void>
  onClose: () => void
  children: ReactNode
}

/**
 * A dialog holding one action's form (answer, redirect, extend…): Enter in a one-line field or
 * Ctrl+Enter anywhere saves, Esc cancels, API field issues appear under their fields.
 */
export function ActionModal<V extends object>({ title, initialValues, onSubmit, onClose, children }: Props<V>) {
  const { t } = useTranslation()
  const [form] = Form.useForm<V>()
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
      width={560}
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onKeyDown={saveOnCtrlEnter(submit)}
        onValuesChange={clearErrorsOnChange(form)}
      >
        {generalError && <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} />}
        {children}
        {/* Enter in a one-line field submits */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
