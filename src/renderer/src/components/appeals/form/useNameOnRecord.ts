import { useEffect, useState } from 'react'
import { Form, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput, NameOnRecord } from '@shared/api/contract'
import { call } from '../../../api/client'
import { useDebounced } from '../../../hooks/useDebounced'
import { toApplicantInput, type AppealFormValues, type ApplicantFormValues } from './formValues'

/** The form field that carries the clerk's confirmation to the API. */
export const NAME_CONFIRMED_FIELD = 'applicantNameConfirmed'

/** The look-up's input once a full IIN/BIN and a name are typed; null before that. */
function lookUp(applicant: ApplicantFormValues | undefined, appealId: number | undefined): string | null {
  if (!applicant) return null
  const full = (value: string) => /^\d{12}$/.test(value.replace(/\s+/g, ''))
  const named =
    applicant.kind === 'individual'
      ? full(applicant.iin) && applicant.surname.trim() !== '' && applicant.firstName.trim() !== ''
      : applicant.kind === 'organisation' && full(applicant.bin) && applicant.name.trim() !== ''
  return named ? JSON.stringify({ applicant: toApplicantInput(applicant), excludeId: appealId ?? null }) : null
}

export interface NameOnRecordState {
  /** Another name the typed IIN/BIN is on record under; null when none (or not known yet). */
  found: NameOnRecord | null
  /** `save`, held while a name on record is not confirmed: the checkbox is then marked and focused. */
  holdUntilConfirmed: (save: () => void) => () => void
}

/**
 * Watches the applicant's IIN/BIN and name; when the IIN/BIN is on record under another name
 * (appeals.nameOnRecord), the save waits for the clerk's confirmation. A confirmation is for
 * the name and number it was given for: any change to them takes it back.
 */
export function useNameOnRecord(form: FormInstance<AppealFormValues>, appealId: number | undefined): NameOnRecordState {
  const { t } = useTranslation()
  const applicant = Form.useWatch<ApplicantFormValues | undefined>('applicant', { form, preserve: true })
  const request = lookUp(applicant, appealId)
  const settled = useDebounced(request, 400)
  const [found, setFound] = useState<NameOnRecord | null>(null)

  // Only a given confirmation is taken back: writing `false` into a blank form would count as a
  // change, and leaving the page would then ask about work nobody typed.
  useEffect(() => {
    if (form.getFieldValue(NAME_CONFIRMED_FIELD) === true) form.setFieldValue(NAME_CONFIRMED_FIELD, false)
  }, [form, request])

  useEffect(() => {
    if (!settled) {
      setFound(null)
      return
    }
    let current = true
    // A hint: a number the API finds invalid has no record; the save's own check still runs.
    call('appeals.nameOnRecord', JSON.parse(settled) as ApiInput<'appeals.nameOnRecord'>)
      .then((result) => current && setFound(result))
      .catch(() => current && setFound(null))
    return () => {
      current = false
    }
  }, [settled])

  const holdUntilConfirmed = (save: () => void) => () => {
    if (found && request === settled && form.getFieldValue(NAME_CONFIRMED_FIELD) !== true) {
      form.setFields([{ name: NAME_CONFIRMED_FIELD, errors: [t('appealsUi.nameOnRecord.required')] }])
      form.scrollToField(NAME_CONFIRMED_FIELD, { block: 'center', focus: true })
      return
    }
    save()
  }

  return { found: request === settled ? found : null, holdUntilConfirmed }
}
