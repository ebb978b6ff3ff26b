import { useState, type ReactNode } from 'react'
import { App, Button, Card, Descriptions, Space, Tooltip } from 'antd'
import type { DescriptionsItemType } from 'antd/es/descriptions'
import { useTranslation } from 'react-i18next'
import type { Appeal, Applicant } from '@shared/api/contract'
import { showApiError } from '../../../api/formErrors'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { formatDate, formatLocalDateTime } from '../../../lib/format'
import { DuplicatesButton } from './DuplicatesButton'
import { revealApplicant } from './revealApplicant'

/** Text that keeps the clerk's line breaks. */
const Multiline = ({ children }: { children: string }) => <span style={{ whiteSpace: 'pre-wrap' }}>{children}</span>

/**
 * Everything recorded about the appeal: registration, applicant, substance, and how it was
 * closed. The applicant's IIN/BIN, phone and address come masked; "Show" is offered when the
 * card says this user may reveal them, and `onRevealed` lets the page show the recorded reveal.
 * The applicant's other spellings on record, when there are any, open the merge; `onChanged`
 * reads the card again after it.
 */
export function AppealDetails({
  appeal,
  onRevealed,
  onChanged,
}: {
  appeal: Appeal
  onRevealed?: () => void
  onChanged?: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { sectorName, localityName } = useCatalogs()
  const label = (name: string) => t(`appealsUi.field.${name}`)
  const [revealed, setRevealed] = useState<Applicant | null>(null)
  const [revealing, setRevealing] = useState(false)
  const applicant = revealed ?? appeal.applicant

  const reveal = async () => {
    setRevealing(true)
    try {
      setRevealed(await revealApplicant(appeal.id))
      onRevealed?.()
    } catch (failure) {
      void message.error(showApiError(failure, t))
    } finally {
      setRevealing(false)
    }
  }
  const showButton =
    appeal.personalData.mayReveal && !revealed ? (
      <Tooltip title={t('personalData.ui.showHint')}>
        <Button size="small" loading={revealing} onClick={() => void reveal()} data-testid="reveal-personal-data">
          {t('personalData.ui.show')}
        </Button>
      </Tooltip>
    ) : null

  const rows: [label: string, value: ReactNode][] = [
    [label('regNumber'), appeal.regNumber],
    [label('receivedAt'), formatLocalDateTime(appeal.receivedAt)],
    [label('registeredOn'), formatDate(appeal.registeredOn)],
    [label('channel'), t(`channel.${appeal.channel}`)],
    ...(appeal.externalNumber ? [[label('externalNumber'), appeal.externalNumber] as [string, ReactNode]] : []),
    [label('appealType'), t(`appealType.${appeal.appealType}`)],
    [label('sectorId'), sectorName(appeal.sectorId)],
    [label('localityId'), localityName(appeal.localityId) || '—'],
    [label('applicantKind'), t(`applicantKind.${applicant.kind}`)],
  ]
  if (applicant.kind === 'individual') {
    rows.push(
      [
        label('applicantName'),
        [applicant.surname, applicant.firstName, applicant.patronymic].filter(Boolean).join(' '),
      ],
      [label('iin'), applicant.iin ?? '—'],
    )
  }
  if (applicant.kind === 'organisation')
    rows.push([label('organisationName'), applicant.name], [label('bin'), applicant.bin ?? '—'])
  if (applicant.kind === 'individual' || applicant.kind === 'organisation')
    rows.push([label('phone'), applicant.phone ?? '—'], [label('address'), applicant.address ?? '—'])
  if (appeal.collective) rows.push([label('signatories'), `${label('collective')}: ${appeal.signatories ?? '—'}`])
  rows.push(
    [label('summary'), <Multiline key="summary">{appeal.summary}</Multiline>],
    [label('executorId'), appeal.executorName ?? '—'],
    [
      t('appealsUi.card.acceptedBy'),
      appeal.acceptedBy ? `${appeal.acceptedBy.fullName}, ${appeal.acceptedBy.position}` : '—',
    ],
  )
  if (appeal.repeatedOfId) {
    rows.push([
      label('repeatedOfId'),
      <a key="repeat" href={`#/appeals/${appeal.repeatedOfId}`}>
        № {appeal.repeatedOfNumber}
      </a>,
    ])
  }
  if (appeal.meetingId) {
    rows.push([
      label('meetingId'),
      <a key="meeting" href={`#/meetings/${appeal.meetingId}`}>
        {t('appealsUi.card.openMeeting')}
      </a>,
    ])
  }
  if (appeal.outcome) rows.push([label('outcome'), t(`outcome.${appeal.outcome}`)])
  if (appeal.answerText) rows.push([label('answerText'), <Multiline key="answer">{appeal.answerText}</Multiline>])
  if (appeal.answer) {
    // answers given before the details were kept show "—"
    const { outgoingNumber, outgoingOn, signatoryName, delivery } = appeal.answer
    rows.push(
      [t('answers.outgoingNumber'), outgoingNumber ?? '—'],
      [t('answers.outgoingOn'), outgoingOn ? formatDate(outgoingOn) : '—'],
      [t('answers.signatory'), signatoryName ?? '—'],
      [t('answers.delivery'), delivery ? t(`answerDelivery.${delivery}`) : '—'],
    )
  }
  // a reason given by law at registration is shown, in words, with the deadlines
  if (appeal.closingReason && !appeal.registrationClosing)
    rows.push([label('closingReason'), <Multiline key="reason">{appeal.closingReason}</Multiline>])

  const items: DescriptionsItemType[] = rows.map(([rowLabel, children], index) => ({
    key: index,
    label: rowLabel,
    children,
  }))

  return (
    <Card
      size="small"
      title={t('appealsUi.card.details')}
      extra={
        <Space>
          {onChanged && <DuplicatesButton appeal={appeal} onMerged={onChanged} />}
          {showButton}
        </Space>
      }
      data-testid="appeal-details"
    >
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 220 } }} />
    </Card>
  )
}
