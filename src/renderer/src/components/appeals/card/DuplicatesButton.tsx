import { useEffect, useState } from 'react'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal, ApplicantVariant } from '@shared/api/contract'
import { call } from '../../../api/client'
import { useCan } from '../../auth/AuthContext'
import { MergeApplicantsModal } from './MergeApplicantsModal'

/**
 * On the card, beside the applicant: how many other spellings of this applicant are on record
 * (the same IIN/BIN under another name, the same name with another IIN/BIN or none), opening the
 * merge. Shown only to who may merge (personal data and appeal edits) and only when there are
 * some; asked again after each change of the appeal (its version).
 */
export function DuplicatesButton({ appeal, onMerged }: { appeal: Appeal; onMerged: () => void }) {
  const { t } = useTranslation()
  const { can, mayCall } = useCan()
  const mayMerge = mayCall('appeals.mergeApplicants') && can('appeals.write')
  const [variants, setVariants] = useState<ApplicantVariant[]>([])
  const [open, setOpen] = useState(false)
  // asked again after a merge, which may leave this appeal as it was (its version unchanged)
  const [merges, setMerges] = useState(0)

  useEffect(() => {
    if (!mayMerge) return
    let current = true
    call('appeals.duplicates', { id: appeal.id }).then(
      (found) => current && setVariants(found.variants),
      () => current && setVariants([]),
    )
    return () => {
      current = false
    }
  }, [appeal.id, appeal.version, merges, mayMerge])

  if (!mayMerge || variants.length < 2) return null
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="possible-duplicates">
        {t('applicantMerge.ui.open', { count: variants.length - 1 })}
      </Button>
      {open && (
        <MergeApplicantsModal
          variants={variants}
          onClose={() => setOpen(false)}
          onMerged={() => {
            setOpen(false)
            setMerges((count) => count + 1)
            onMerged()
          }}
        />
      )}
    </>
  )
}
