import { useEffect, useMemo, useRef, useState } from 'react'
import { Alert, Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../api/client'
import { useAuth } from '../../components/auth/AuthContext'
import { AppealForm } from '../../components/appeals/form/AppealForm'
import { BLANK_APPLICANT, toCreateInput, type AppealFormValues } from '../../components/appeals/form/formValues'
import { blankAppealValues, rememberReceptionDefaults } from '../../components/appeals/form/receptionDefaults'
import { ReceiptButton } from '../../components/appeals/ReceiptButton'
import { userDraft } from '../../lib/userDrafts'

/**
 * #/appeals/new — quick entry at the reception desk. Each save registers the appeal, says its
 * number (with its receipt slip to print) in a notice that stays at the top of the view until
 * closed or the next registration, and opens the next blank form with the clerk's remembered
 * channel, executor and locality, focus back in the first field. What is typed is kept as a
 * draft of this user in this tab (lib/userDrafts), so a reload, a language switch or the idle
 * lock finds it again.
 */
export function NewAppealPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const draft = useMemo(() => userDraft<AppealFormValues>('new-appeal', user.id), [user.id])
  const [registered, setRegistered] = useState<Appeal | null>(null)
  // Counts registrations: each opens a fresh form.
  const [round, setRound] = useState(0)
  const [blank, setBlank] = useState(() => blankAppealValues())
  // A draft left by a reload (or a remount) starts the first form, over a blank one so that a
  // draft from an older version lacks no field.
  const [restored] = useState(() => {
    const kept = draft.read()
    return kept && { ...blank, ...kept, applicant: { ...BLANK_APPLICANT, ...kept.applicant } }
  })
  const notice = useRef<HTMLDivElement>(null)

  const register = async (values: AppealFormValues) => {
    const appeal = await call('appeals.create', toCreateInput(values))
    rememberReceptionDefaults(values)
    draft.clear()
    setRegistered(appeal)
    setRound((n) => n + 1)
    setBlank(blankAppealValues())
  }
  useEffect(() => notice.current?.scrollIntoView({ block: 'nearest' }), [registered])

  return (
    <Flex vertical gap={16}>
      <Typography.Link href="#/appeals">← {t('appealsUi.backToList')}</Typography.Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('appealsUi.form.newTitle')}
      </Typography.Title>
      {registered && (
        // Sticky: the clerk scrolls down the next form and still reads the number to say aloud.
        <div ref={notice} style={{ position: 'sticky', top: 0, zIndex: 10 }}>
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="registered-alert"
            title={t('appealsUi.form.registered', { number: registered.regNumber })}
            // an appeal closed by law as it is registered (anonymous) says so at once: no term runs
            description={
              registered.registrationClosing ? t(`registrationClosing.${registered.registrationClosing}`) : undefined
            }
            closable={{ 'aria-label': t('formsUi.closeNotice') }}
            onClose={() => setRegistered(null)}
            action={
              <Flex gap={8}>
                <ReceiptButton appealId={registered.id} size="small" type="primary" />
                <Button size="small" href={`#/appeals/${registered.id}`}>
                  {t('appealsUi.form.openCard')}
                </Button>
              </Flex>
            }
          />
        </div>
      )}
      {/* A new key per registration: a fresh form, its focus back in the first field. */}
      <AppealForm
        key={round}
        mode="register"
        initialValues={(round === 0 && restored) || blank}
        unchangedValues={blank}
        submitLabel={t('appealsUi.form.register')}
        onSave={register}
        draft={draft}
      />
    </Flex>
  )
}
