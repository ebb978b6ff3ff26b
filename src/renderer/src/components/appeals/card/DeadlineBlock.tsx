import { useState, type ReactNode } from 'react'
import { Button, Card, Descriptions, Flex, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { formatDate } from '../../../lib/format'
import { todayIso } from '../../../lib/dateInputs'
import { DeadlineTag } from '../StatusTags'
import { useCan } from '../../auth/AuthContext'
import { RecordNoticeModal } from './RecordNoticeModal'

/**
 * The appeal's deadlines at a glance: the one in force (overdue / due this week), the 15-day
 * review deadline, an extension with its notice deadline (stored at the decision) and a way to
 * record the notice, a redirect with its 3-day deadline (stored when marked or redirected), and
 * whether the answer came in time.
 */
export function DeadlineBlock({ appeal, onChanged }: { appeal: Appeal; onChanged: (appeal: Appeal) => void }) {
  const { t } = useTranslation()
  const { mayCall } = useCan()
  const [recording, setRecording] = useState(false)
  const today = todayIso()
  const open = OPEN_STATUSES.includes(appeal.status)
  const rows: [string, ReactNode][] = []
  const dated = (date: string, tag?: ReactNode) => (
    <Flex gap={8} align="center" wrap>
      <span>{formatDate(date)}</span>
      {tag}
    </Flex>
  )
  const inTime = (ok: boolean, yes: string, no: string) => <Tag color={ok ? 'green' : 'red'}>{t(ok ? yes : no)}</Tag>

  if (appeal.registrationClosing) {
    // closed by law as it was registered: no term runs, so none is shown
    rows.push([t('appealsUi.card.dueOn'), <span>{t(`registrationClosing.${appeal.registrationClosing}`)}</span>])
  } else {
    rows.push([t('appealsUi.card.dueOn'), dated(appeal.dueOn, <DeadlineTag appeal={appeal} />)])
    rows.push([t('appealsUi.card.reviewDueOn'), formatDate(appeal.reviewDueOn)])
  }
  if (open) rows.push([t('appealsUi.card.maxExtendedDueOn'), formatDate(appeal.maxExtendedDueOn)])

  const { extension, redirect } = appeal
  if (extension) {
    rows.push(
      [t('appealsUi.card.extendedDueOn'), formatDate(extension.extendedDueOn)],
      [t('appealsUi.field.extensionReason'), extension.reason],
      [t('appealsUi.field.extensionDecidedOn'), formatDate(extension.decidedOn)],
      [t('appealsUi.card.noticeDueOn'), formatDate(extension.noticeDueOn)],
      [
        t('appealsUi.field.extensionNotifiedOn'),
        extension.notifiedOn ? (
          dated(
            extension.notifiedOn,
            inTime(extension.notifiedOn <= extension.noticeDueOn, 'appealsUi.card.onTime', 'appealsUi.card.late'),
          )
        ) : (
          <Flex gap={8} align="center" wrap>
            <Tag color={extension.noticeDueOn < today ? 'red' : 'orange'}>{t('appealsUi.card.notNotified')}</Tag>
            {mayCall('appeals.recordNotice') && !appeal.annulment && (
              <Button size="small" onClick={() => setRecording(true)} data-testid="record-notice">
                {t('noticesUi.card.recordNotice')}
              </Button>
            )}
          </Flex>
        ),
      ],
    )
  }
  if (!redirect && appeal.redirectDueOn) {
    // Marked as outside the competence, not yet redirected.
    rows.push([
      t('appealsUi.card.redirectDueOn'),
      dated(
        appeal.redirectDueOn,
        open && (
          <Tag color={appeal.redirectLate ? 'red' : 'orange'}>
            {t(appeal.redirectLate ? 'noticesUi.tag.redirectLate' : 'noticesUi.card.toRedirect')}
          </Tag>
        ),
      ),
    ])
  }
  if (redirect) {
    rows.push(
      [t('appealsUi.field.redirectedTo'), redirect.redirectedTo],
      [
        t('appealsUi.field.redirectedOn'),
        dated(
          redirect.redirectedOn,
          inTime(redirect.redirectedOn <= redirect.dueOn, 'appealsUi.card.onTime', 'appealsUi.card.late'),
        ),
      ],
      [t('appealsUi.card.redirectDueOn'), formatDate(redirect.dueOn)],
    )
  }
  if (appeal.answeredOn) {
    rows.push([
      t('appealsUi.field.answeredOn'),
      dated(
        appeal.answeredOn,
        inTime(appeal.answeredOnTime === true, 'appealsUi.card.answeredOnTime', 'appealsUi.card.answeredLate'),
      ),
    ])
  }

  return (
    <Card size="small" title={t('appealsUi.card.deadlines')} data-testid="deadline-block">
      <Descriptions
        size="small"
        column={1}
        items={rows.map(([label, children], index) => ({ key: index, label, children }))}
        styles={{ label: { width: 190 } }}
      />
      {recording && extension && (
        <RecordNoticeModal
          appeal={{ ...appeal, extension }}
          onClose={() => setRecording(false)}
          onDone={(changed) => {
            setRecording(false)
            onChanged(changed)
          }}
        />
      )}
    </Card>
  )
}
