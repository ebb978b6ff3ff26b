import { ComingSoonPage } from '../ComingSoonPage'

export function AppealsPage() {
  return <ComingSoonPage section="appeals" />
}
