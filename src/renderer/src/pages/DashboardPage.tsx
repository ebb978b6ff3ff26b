import { ComingSoonPage } from './ComingSoonPage'

export function DashboardPage() {
  return <ComingSoonPage section="dashboard" />
}
