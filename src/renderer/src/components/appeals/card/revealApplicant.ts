import type { Applicant } from '@shared/api/contract'
import { call } from '../../../api/client'

/**
 * The applicant of an appeal with IIN/BIN, phone and address in full. Every card and list shows
 * them masked; the core records each reveal in the appeal's history (who saw them, when).
 */
export async function revealApplicant(appealId: number): Promise<Applicant> {
  return (await call('appeals.revealPersonalData', { id: appealId })).applicant
}
