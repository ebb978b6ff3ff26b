import type { ReactNode } from 'react'
import { Flex, Form, Modal, type FormInstance } from 'antd'
import { ErrorAlert } from './ErrorAlert'
import { useTranslation } from 'react-i18next'
import { clearErrorsOnChange, closeOnEscape, saveOnCtrlEnter } from './formHandlers'
import { useApiSubmit } from './useApiSubmit'
import { useFormChanges, useGuardedClose, useUnsavedWork } from './useUnsavedWork'

interface FormModalProps<V> {
  title: string
  /** Every field the API may name needs a value here (null is fine), so its issues find their field (api/formErrors.ts). */
  initialValues: V
  /** Sends the values; a thrown API error is shown under the fields it names. */
  onSubmit: (values: V) => Promise<void>
  onClose: () => void
  /** The form's instance, for a dialog that watches its own fields; made here when left out. */
  form?: FormInstance<V>
  /** Loads the record again after a stale edit was refused (see ErrorAlert); no choice without it. */
  onReload?: () => void
  /** The save button's words when "Save" says too little (a merge; the answer letter makes a PDF). */
  okText?: string
  width?: number
  children: ReactNode
}

/**
 * The dialog that edits a record with a form (a catalog entry, an appeal's action, a measure).
 * Validation is the API's: its field issues appear under the fields in the current language and
 * anything else above them. Enter in a one-line field or Ctrl+Enter anywhere saves, a second
 * save while the first is on its way does nothing, editing a field clears its error. Esc, the ×,
 * Cancel and a click outside close it, asking first when something was typed or picked.
 */
export function FormModal<V extends object>({
  title,
  initialValues,
  onSubmit,
  onClose,
  form: givenForm,
  onReload,
  okText,
  width = 560,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation()
  const [form] = Form.useForm<V>(givenForm)
  const { saving, generalError, stale, submit } = useApiSubmit(form, onSubmit)
  const { changedNow } = useFormChanges(form, initialValues)
  useUnsavedWork(changedNow)
  const close = useGuardedClose(changedNow, onClose)

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={close}
      // Esc is handled here rather than by antd's page-wide stack of open layers, which after a
      // dialog or question closed in mid-animation could leave Esc with no one to close.
      keyboard={false}
      modalRender={(dialog) => <div onKeyDown={closeOnEscape(close)}>{dialog}</div>}
      destroyOnHidden
      width={width}
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onKeyDown={saveOnCtrlEnter(submit)}
        onValuesChange={clearErrorsOnChange(form)}
      >
        {generalError && (
          <Flex vertical style={{ marginBottom: 16 }}>
            <ErrorAlert message={generalError} onReload={stale ? onReload : undefined} />
          </Flex>
        )}
        {children}
        {/* Enter in a one-line field submits */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
