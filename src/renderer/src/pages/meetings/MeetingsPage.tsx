import { ComingSoonPage } from '../ComingSoonPage'

export function MeetingsPage() {
  return <ComingSoonPage section="meetings" />
}
