import { useEffect, useState } from 'react'
import { App, Flex, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Applicant } from '@shared/api/contract'
import { call } from '../../api/client'
import { revealApplicant } from '../../components/appeals/card/revealApplicant'
import { useAppeal } from '../../components/appeals/card/useAppeal'
import { formatLocalDateTime } from '../../lib/format'
import { AppealForm } from '../../components/appeals/form/AppealForm'
import { appealFormValues, toUpdateInput, type AppealFormValues } from '../../components/appeals/form/formValues'
import { LoadFailed } from '../../components/appeals/LoadFailed'
import { navigate } from '../../hooks/useRoute'

/**
 * #/appeals/<id>/edit — the registration form over a registered appeal; its number and date stay
 * as they are. The card's applicant is masked: the form is filled with the values in full,
 * revealed (and so recorded) once when the form opens, so that a save never writes a mask back.
 */
export function EditAppealPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { appeal, error, reload } = useAppeal(id)
  const [applicant, setApplicant] = useState<Applicant | null>(null)
  const [revealError, setRevealError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const masked = appeal?.personalData.masked ?? false

  useEffect(() => {
    if (!masked) return
    let current = true
    revealApplicant(id)
      .then((full) => current && setApplicant(full))
      .catch((failure: unknown) => current && setRevealError(failure))
    return () => {
      current = false
    }
  }, [id, masked, attempt])

  const retry = () => {
    setRevealError(null)
    setAttempt((n) => n + 1)
    void reload()
  }
  // after a stale save: the appeal as another desk left it, its applicant revealed again, the form refilled
  const reloadStale = () => {
    setApplicant(null)
    retry()
  }
  if (error || revealError) return <LoadFailed error={error ?? revealError} onRetry={retry} />
  if (!appeal || (masked && !applicant)) return <Spin style={{ display: 'block', marginTop: 48 }} />

  const save = async (values: AppealFormValues) => {
    await call('appeals.update', toUpdateInput(appeal, values))
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
        key={appeal.version}
        mode="edit"
        initialValues={appealFormValues({ ...appeal, applicant: applicant ?? appeal.applicant })}
        appealId={id}
        repeatedOfNumber={appeal.repeatedOfNumber}
        submitLabel={t('common.save')}
        onSave={save}
        onReload={reloadStale}
      />
    </Flex>
  )
}
