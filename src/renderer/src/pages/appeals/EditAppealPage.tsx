import { App, Flex, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useAppeal } from '../../components/appeals/card/useAppeal'
import { formatLocalDateTime } from '../../lib/format'
import { AppealForm } from '../../components/appeals/form/AppealForm'
import { appealFormValues, toUpdateInput, type AppealFormValues } from '../../components/appeals/form/formValues'
import { LoadFailed } from '../../components/appeals/LoadFailed'
import { navigate } from '../../hooks/useRoute'

/** #/appeals/<id>/edit — the registration form over a registered appeal; its number and date stay as they are. */
export function EditAppealPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { appeal, error, reload } = useAppeal(id)
  if (error) return <LoadFailed error={error} onRetry={() => void reload()} />
  if (!appeal) return <Spin style={{ display: 'block', marginTop: 48 }} />

  const save = async (values: AppealFormValues) => {
    await call('appeals.update', toUpdateInput(id, values))
    void message.success(t('appealsUi.form.saved'))
    navigate('appeals', id)
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Link href={`#/appeals/${id}`}>← {t('appealsUi.form.backToCard')}</Typography.Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('appealsUi.form.editTitle', { number: appeal.regNumber })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('appealsUi.field.receivedAt')}: {formatLocalDateTime(appeal.receivedAt)} · {t('appealsUi.form.notEditable')}
      </Typography.Text>
      <AppealForm
        mode="edit"
        initialValues={appealFormValues(appeal)}
        appealId={id}
        repeatedOfNumber={appeal.repeatedOfNumber}
        submitLabel={t('common.save')}
        onSave={save}
      />
    </Flex>
  )
}
