import { DomainError } from '@shared/api/errors'
import type { RecoveryStatus } from '@shared/api/contract'

/** What a core that opened answers: the page starts the normal program. */
export const NOT_RECOVERING: RecoveryStatus = { active: false, cause: null, file: null, backups: [] }

/** The recovery actions exist only while the database cannot open; a running core refuses them. */
export function refuseRecovery(): never {
  throw new DomainError('conflict', 'recovery.notActive')
}
