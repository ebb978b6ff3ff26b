import { useRoute } from '../../hooks/useRoute'
import { MeetingDetailsPage } from './MeetingDetailsPage'
import { MeetingFormPage } from './MeetingFormPage'
import { MeetingListPage } from './MeetingListPage'

/**
 * Report meetings, by address: #/meetings (the list), #/meetings/overdue (those of any year
 * with measures past their deadline), #/meetings/new, #/meetings/<id> (the meeting and its
 * questions), #/meetings/<id>/edit.
 */
export function MeetingsPage() {
  const [, first, second] = useRoute()
  if (first === 'new') return <MeetingFormPage meetingId={null} />
  if (first === 'overdue') return <MeetingListPage overdueOnly />
  const id = Number(first)
  if (Number.isInteger(id) && id > 0) {
    return second === 'edit' ? (
      <MeetingFormPage key={id} meetingId={id} />
    ) : (
      <MeetingDetailsPage key={id} meetingId={id} />
    )
  }
  return <MeetingListPage />
}
