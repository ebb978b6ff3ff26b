import { ComingSoonPage } from '../ComingSoonPage'

export function ReportsPage() {
  return <ComingSoonPage section="reports" />
}
