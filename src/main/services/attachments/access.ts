import { DomainError } from '@shared/api/errors'
import { can } from '@shared/auth/permissions'
import type { AttachmentOwnerKind } from '@shared/domain/attachment'
import type { CallContext } from '../context'
import { seesPersonalData } from '../personalData'

/**
 * Who may do what with attachments, by their owner:
 * - an appeal's files are personal data (a scanned letter carries the address and the IIN):
 *   listed, opened and downloaded only by who sees personal data in full; added and deleted by
 *   who edits appeals (the clerk, the administrator);
 * - a meeting's files (photos of the hall, the minutes) are seen by everyone who reads records,
 *   added and deleted by who edits meetings (the clerk, the press officer, the administrator).
 * A call with no user is the core's own (the command line), as for personal data.
 */
export function maySee(kind: AttachmentOwnerKind, ctx: CallContext): boolean {
  return kind === 'appeal' ? seesPersonalData(ctx) : true
}

export function mayChange(kind: AttachmentOwnerKind, ctx: CallContext): boolean {
  if (!ctx.user) return true
  return can(ctx.user.role, kind === 'appeal' ? 'appeals.write' : 'meetings.write')
}

export function requireSee(kind: AttachmentOwnerKind, ctx: CallContext): void {
  if (!maySee(kind, ctx)) throw new DomainError('forbidden', 'attachments.errors.forbiddenSee')
}

export function requireChange(kind: AttachmentOwnerKind, ctx: CallContext): void {
  if (!mayChange(kind, ctx)) throw new DomainError('forbidden', 'attachments.errors.forbiddenChange')
}
