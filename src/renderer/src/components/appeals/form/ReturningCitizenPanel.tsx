import { useEffect, useState, type KeyboardEvent } from 'react'
import { App, Button, Card, Flex, Form, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Applicant, KnownApplicant } from '@shared/api/contract'
import { call } from '../../../api/client'
import { showApiError } from '../../../api/formErrors'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { formatDate } from '../../../lib/format'
import { revealApplicant } from '../card/revealApplicant'
import { StatusTag } from '../StatusTags'
import { useDebounced } from '../../../hooks/useDebounced'
import { applicantFormValues, type AppealFormValues, type ApplicantFormValues } from './formValues'

/** What to look a returning applicant up by: 4+ digits of the IIN/BIN, else 2+ letters of the surname / name. */
function lookupQuery(applicant: ApplicantFormValues | undefined): string | null {
  if (!applicant || applicant.kind === 'anonymous') return null
  const digits = (applicant.kind === 'individual' ? applicant.iin : applicant.bin).replace(/\s+/g, '')
  if (/^\d{4,}$/.test(digits)) return digits
  const name = (applicant.kind === 'individual' ? applicant.surname : applicant.name).trim()
  return name.length >= 2 ? name : null
}

function displayName(applicant: Applicant): string {
  if (applicant.kind === 'individual')
    return [applicant.surname, applicant.firstName, applicant.patronymic].filter(Boolean).join(' ')
  return applicant.kind === 'organisation' ? applicant.name : ''
}

const USE_BUTTON = '[data-returning-use]'

/**
 * ↓ in a field the applicant is looked up by (marked data-returning-lookup) takes the focus to
 * the first applicant found, whose "fill in details" then takes Enter: the panel sits after the
 * whole form in the Tab order.
 */
export function focusReturningCitizens(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  if (!(event.target instanceof HTMLElement) || !event.target.closest('[data-returning-lookup]')) return
  const first = document.querySelector<HTMLElement>(USE_BUTTON)
  if (!first) return
  event.preventDefault()
  first.focus()
}

/** ↑ and ↓ go from one applicant found to the next. */
function moveBetweenMatches(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>(USE_BUTTON)]
  const at = buttons.indexOf(event.target as HTMLElement)
  if (at < 0) return
  event.preventDefault()
  event.stopPropagation()
  buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus()
}

/**
 * Beside the registration form: as the clerk types an IIN or a surname, the applicants seen
 * before and their latest appeals. Choosing one fills in the applicant (and their locality).
 */
export function ReturningCitizenPanel() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { localityName } = useCatalogs()
  const form = Form.useFormInstance<AppealFormValues>()
  const applicant = Form.useWatch<ApplicantFormValues | undefined>('applicant', { form, preserve: true })
  const query = useDebounced(lookupQuery(applicant), 300)
  // null: nothing asked yet; []: asked, nobody found.
  const [matches, setMatches] = useState<KnownApplicant[] | null>(null)

  useEffect(() => {
    if (!query) {
      setMatches(null)
      return
    }
    let current = true
    call('appeals.findApplicants', { query })
      .then((found) => current && setMatches(found))
      .catch(() => current && setMatches([]))
    return () => {
      current = false
    }
  }, [query])

  // The look-up shows applicants masked; the one chosen fills the form in full, revealed from
  // their latest appeal (a recorded reveal, as on the card).
  const choose = async (known: KnownApplicant) => {
    const latest = known.latest[0]
    let applicant = known.applicant
    try {
      if (latest) applicant = await revealApplicant(latest.id)
    } catch (failure) {
      void message.error(showApiError(failure, t))
      return
    }
    form.setFieldsValue({
      applicant: applicantFormValues(applicant),
      ...(known.localityId !== null && { localityId: known.localityId }),
    })
    form.focusField('summary')
  }

  return (
    <Card
      size="small"
      title={t('appealsUi.returning.title')}
      data-testid="returning-citizens"
      onKeyDown={moveBetweenMatches}
    >
      {matches === null && <Typography.Text type="secondary">{t('appealsUi.returning.hint')}</Typography.Text>}
      {matches !== null && matches.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('formsUi.returningKeys')}
        </Typography.Text>
      )}
      {matches?.length === 0 && <Typography.Text type="secondary">{t('appealsUi.returning.none')}</Typography.Text>}
      <Flex vertical gap={12}>
        {matches?.map((known, index) => (
          <Card key={index} size="small" type="inner">
            <Flex vertical gap={4}>
              <Typography.Text strong>{displayName(known.applicant)}</Typography.Text>
              <Typography.Text type="secondary">
                {[
                  known.applicant.kind === 'individual' &&
                    known.applicant.iin &&
                    `${t('appealsUi.field.iin')} ${known.applicant.iin}`,
                  known.applicant.kind === 'organisation' &&
                    known.applicant.bin &&
                    `${t('appealsUi.field.bin')} ${known.applicant.bin}`,
                  localityName(known.localityId),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              <Tag style={{ alignSelf: 'start' }}>
                {t('appealsUi.returning.appealsCount', { count: known.appealsCount })}
              </Tag>
              {known.latest.map((earlier) => (
                <Flex key={earlier.id} gap={6} align="center" wrap>
                  <Typography.Text>№ {earlier.regNumber}</Typography.Text>
                  <Typography.Text type="secondary">{formatDate(earlier.registeredOn)}</Typography.Text>
                  <StatusTag status={earlier.status} />
                  <Typography.Text type="secondary" ellipsis style={{ width: '100%' }}>
                    {earlier.summary}
                  </Typography.Text>
                </Flex>
              ))}
              <Button size="small" style={{ alignSelf: 'start' }} data-returning-use onClick={() => void choose(known)}>
                {t('appealsUi.returning.use')}
              </Button>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Card>
  )
}
