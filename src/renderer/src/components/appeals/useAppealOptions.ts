import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  APPEAL_CHANNELS,
  APPEAL_OUTCOMES,
  APPEAL_STATUSES,
  APPEAL_TYPES,
  RECEPTION_CHANNELS,
} from '@shared/domain/appeal'
import { useCatalogs } from '../../hooks/useCatalogs'
import { useLanguage } from '../../hooks/useLanguage'
import { localName } from '../../lib/language'
import { localityOptions } from '../../lib/localityOptions'

interface Option<V> {
  value: V
  label: string
  /** Deactivated catalog entries stay visible (old appeals keep them) but cannot be chosen anew. */
  disabled?: boolean
}

/** The choices of every appeal select (fixed lists and catalogs), labelled in the current language. */
export function useAppealOptions() {
  const { t } = useTranslation()
  const { sectors, staff, localities, localityName } = useCatalogs()
  const lang = useLanguage()

  return useMemo(() => {
    const fixed = <V extends string>(values: readonly V[], group: string): Option<V>[] =>
      values.map((value) => ({ value, label: t(`${group}.${value}`) }))
    return {
      channels: fixed(APPEAL_CHANNELS, 'channel'),
      /** An appeal outside a meeting: the meeting channel is a meeting question's alone. */
      receptionChannels: fixed(RECEPTION_CHANNELS, 'channel'),
      appealTypes: fixed(APPEAL_TYPES, 'appealType'),
      statuses: fixed(APPEAL_STATUSES, 'status'),
      outcomes: fixed(APPEAL_OUTCOMES, 'outcome'),
      sectors: sectors.map((s): Option<number> => ({
        value: s.id,
        label: localName(s, lang),
        disabled: !s.active,
      })),
      localities: localityOptions(localities, localityName),
      executors: staff
        .filter((member) => member.isExecutor)
        .map((member): Option<number> => ({ value: member.id, label: member.fullName, disabled: !member.active })),
    }
  }, [t, lang, sectors, staff, localities, localityName])
}
