import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Flex, Form, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput, AppealSummary } from '@shared/api/contract'
import { call } from '../../../api/client'
import { formatDate } from '../../../lib/format'
import { StatusTag } from '../StatusTags'
import { useDebounced } from '../../../hooks/useDebounced'
import { toApplicantInput, type AppealFormValues, type ApplicantFormValues } from './formValues'

/** Enough to tell who the applicant is: an IIN/BIN of full length, or a full name. */
function isIdentified(applicant: ApplicantFormValues): boolean {
  const digits = (value: string) => value.replace(/\s+/g, '').length === 12
  if (applicant.kind === 'individual')
    return digits(applicant.iin) || (applicant.surname.trim() !== '' && applicant.firstName.trim() !== '')
  if (applicant.kind === 'organisation') return digits(applicant.bin) || applicant.name.trim() !== ''
  return false
}

/**
 * A repeated appeal is the same person on the same issue again. Once the applicant and the
 * sector are known, earlier appeals of theirs in that sector (last 12 months) are shown, and
 * the clerk can mark this one as their repeat (repeatedOfId). The form holds the mark; this
 * notice shows it and lets the clerk take it back.
 */
export function RepeatNotice({ appealId, repeatedOfNumber }: { appealId?: number; repeatedOfNumber?: string | null }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<AppealFormValues>()
  // preserve: the whole applicant as the form holds it, the other kinds' fields included.
  const watch = { form, preserve: true }
  const applicant = Form.useWatch<ApplicantFormValues | undefined>('applicant', watch)
  const sectorId = Form.useWatch<number | null | undefined>('sectorId', watch)
  const localityId = Form.useWatch<number | null | undefined>('localityId', watch)
  const repeatedOfId = Form.useWatch<number | null | undefined>('repeatedOfId', watch)
  const [candidates, setCandidates] = useState<AppealSummary[]>([])
  const [markedNumber, setMarkedNumber] = useState(repeatedOfNumber ?? null)
  // Marking (or unmarking) from the keyboard replaces the button pressed: the focus goes on to
  // the notice's new button, not to the page, so Ctrl+Enter still saves the form.
  const notice = useRef<HTMLDivElement>(null)
  const refocus = useRef(false)
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    notice.current?.querySelector<HTMLElement>('button')?.focus()
  }, [repeatedOfId])
  const mark = (id: number | null) => {
    refocus.current = notice.current?.contains(document.activeElement) ?? false
    form.setFieldValue('repeatedOfId', id)
  }

  const request =
    applicant && sectorId && isIdentified(applicant)
      ? JSON.stringify({
          applicant: toApplicantInput(applicant),
          sectorId,
          localityId: localityId ?? null,
          excludeId: appealId ?? null,
        })
      : null
  const settled = useDebounced(request, 400)

  useEffect(() => {
    if (!settled) {
      setCandidates([])
      return
    }
    let current = true
    // A hint, not a check: an applicant the API finds invalid (say, a mistyped IIN) simply has no candidates.
    call('appeals.repeatCandidates', JSON.parse(settled) as ApiInput<'appeals.repeatCandidates'>)
      .then((found) => current && setCandidates(found))
      .catch(() => current && setCandidates([]))
    return () => {
      current = false
    }
  }, [settled])

  if (repeatedOfId) {
    return (
      <div ref={notice}>
        <Alert
          type="info"
          showIcon
          data-testid="repeat-notice"
          style={{ marginBottom: 16 }}
          title={t('appealsUi.repeat.marked', { number: markedNumber ?? `#${repeatedOfId}` })}
          action={
            <Button size="small" onClick={() => mark(null)}>
              {t('appealsUi.repeat.unmark')}
            </Button>
          }
        />
      </div>
    )
  }
  if (candidates.length === 0) return null

  return (
    <div ref={notice}>
      <Alert
        type="warning"
        showIcon
        data-testid="repeat-notice"
        style={{ marginBottom: 16 }}
        title={t('appealsUi.repeat.notice')}
        description={
          <Flex vertical gap={6}>
            {candidates.slice(0, 5).map((earlier) => (
              <Flex key={earlier.id} gap={8} align="center" wrap>
                <Typography.Text strong>№ {earlier.regNumber}</Typography.Text>
                <Typography.Text type="secondary">{formatDate(earlier.registeredOn)}</Typography.Text>
                <StatusTag status={earlier.status} />
                <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                  {earlier.summary}
                </Typography.Text>
                <Button
                  size="small"
                  onClick={() => {
                    setMarkedNumber(earlier.regNumber)
                    mark(earlier.id)
                  }}
                >
                  {t('appealsUi.repeat.mark')}
                </Button>
              </Flex>
            ))}
          </Flex>
        }
      />
    </div>
  )
}
