import { useState } from 'react'
import { App, Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { APPEAL_TRANSITIONS, extensionRefusal, OPEN_STATUSES } from '@shared/domain/appeal'
import { call } from '../../../api/client'
import { showApiError } from '../../../api/formErrors'
import { todayIso } from '../../../lib/dateInputs'
import { useCan } from '../../auth/AuthContext'
import { AnnulModal } from './AnnulModal'
import { ExtendModal } from './ExtendModal'
import { MarkRedirectModal } from './MarkRedirectModal'
import { TransitionModal, type ClosingStatus } from './TransitionModal'

/**
 * The actions the appeal's status allows (APPEAL_TRANSITIONS), and the deadline extension while
 * it is open, not yet extended and its term still runs (the one extension stays on the card). The next step of the usual path (take into work, then answer) is a button; the
 * rarer endings (redirect, leave without consideration, withdrawal) wait under "Other actions".
 * "Take into work" needs nothing more; the others open their dialog.
 */
export function StatusActions({ appeal, onChanged }: { appeal: Appeal; onChanged: (appeal: Appeal) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<ClosingStatus | 'extend' | 'annul' | 'markRedirect' | null>(null)
  const [busy, setBusy] = useState(false)
  // An annulled entry is not worked on any more.
  const allowed = appeal.annulment ? [] : APPEAL_TRANSITIONS[appeal.status]
  const others = allowed.filter((to): to is ClosingStatus => to !== 'in_progress' && to !== 'answered')
  // Annulment is the last of the other actions, away from the usual path.
  const { mayCall } = useCan()
  // Outside the office's competence: marked first, so the 3-day redirect deadline is kept.
  const markable = !appeal.annulment && appeal.redirectDueOn === null && mayCall('appeals.markForRedirect')
  const moreItems = [
    ...(markable && allowed.includes('redirected')
      ? [{ key: 'markRedirect', label: t('noticesUi.card.markForRedirect') }]
      : []),
    ...others.map((to) => ({ key: to, label: t(`appealsUi.action.${to}`) })),
    ...(appeal.annulment ? [] : [{ key: 'annul', label: t('appealsUi.action.annul'), danger: true }]),
  ]
  const extendable =
    !appeal.annulment &&
    OPEN_STATUSES.includes(appeal.status) &&
    extensionRefusal({ dueOn: appeal.dueOn, extensionDecidedOn: appeal.extension?.decidedOn ?? null }, todayIso()) ===
      null

  const takeIntoWork = async () => {
    setBusy(true)
    try {
      onChanged(await call('appeals.transition', { id: appeal.id, version: appeal.version, to: 'in_progress' }))
      void message.success(t('appealsUi.action.done'))
    } catch (error) {
      void message.error(showApiError(error, t))
    } finally {
      setBusy(false)
    }
  }
  const done = (changed: Appeal) => {
    setDialog(null)
    onChanged(changed)
  }

  return (
    <>
      {allowed.includes('in_progress') && (
        <Button type="primary" loading={busy} onClick={() => void takeIntoWork()}>
          {t('appealsUi.action.in_progress')}
        </Button>
      )}
      {allowed.includes('answered') && (
        <Button type="primary" onClick={() => setDialog('answered')}>
          {t('appealsUi.action.answered')}
        </Button>
      )}
      {extendable && <Button onClick={() => setDialog('extend')}>{t('appealsUi.action.extend')}</Button>}
      {moreItems.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: moreItems,
            onClick: ({ key }) => setDialog(key as ClosingStatus | 'annul' | 'markRedirect'),
          }}
        >
          <Button>{t('appealsUi.action.more')} ▾</Button>
        </Dropdown>
      )}
      {dialog === 'extend' && <ExtendModal appeal={appeal} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'annul' && <AnnulModal appeal={appeal} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'markRedirect' && <MarkRedirectModal appeal={appeal} onClose={() => setDialog(null)} onDone={done} />}
      {dialog !== null && dialog !== 'extend' && dialog !== 'annul' && dialog !== 'markRedirect' && (
        <TransitionModal appeal={appeal} to={dialog} onClose={() => setDialog(null)} onDone={done} />
      )}
    </>
  )
}
