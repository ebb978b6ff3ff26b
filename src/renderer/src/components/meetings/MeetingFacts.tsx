import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportMeeting } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { formatDate } from '../../lib/format'

/** What is kept about a report meeting: date, place, who reported, format, attendance, link, notes. */
export function MeetingFacts({ meeting }: { meeting: ReportMeeting }) {
  const { t } = useTranslation()
  const { localityName } = useCatalogs()
  const place = [meeting.place, localityName(meeting.localityId)].filter(Boolean).join(', ')
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'heldOn', label: t('meetingsUi.form.heldOn'), children: formatDate(meeting.heldOn) },
        { key: 'place', label: t('meetingsUi.form.place'), children: place },
        {
          key: 'speaker',
          label: t('meetingsUi.details.speaker'),
          children: `${meeting.speakerName}, ${meeting.speakerPosition}`,
        },
        { key: 'format', label: t('meetingsUi.form.format'), children: t(`meetingFormat.${meeting.format}`) },
        { key: 'attendance', label: t('meetingsUi.form.attendance'), children: meeting.attendance ?? '—' },
        { key: 'questions', label: t('meetingsUi.list.questions'), children: meeting.questionsCount },
        ...(meeting.broadcastLink
          ? [
              {
                key: 'link',
                label: t('meetingsUi.form.broadcastLink'),
                // Only web addresses become links: the text is typed by hand and could be anything.
                children: /^https?:\/\//i.test(meeting.broadcastLink) ? (
                  <Typography.Link href={meeting.broadcastLink} target="_blank" rel="noreferrer">
                    {meeting.broadcastLink}
                  </Typography.Link>
                ) : (
                  meeting.broadcastLink
                ),
              },
            ]
          : []),
        ...(meeting.notes
          ? [{ key: 'notes', label: t('meetingsUi.form.notes'), children: meeting.notes, span: 2 }]
          : []),
      ]}
    />
  )
}
