import type { EntityManager } from 'typeorm'
import type { FieldIssue } from '@shared/api/errors'
import type { AnswerDetails } from '@shared/api/contract'
import type { AnswerDelivery } from '@shared/domain/answer'
import { StaffEntity, type AppealRow } from '../../db/entities'

/** The answer's details as the contract takes them (the answer step and the card's edit). */
export interface AnswerDetailsInput {
  outgoingNumber: string | null
  outgoingOn: string | null
  signatoryId: number | null
  signatoryName: string | null
  delivery: AnswerDelivery | null
}

/** The columns they are kept in, each change written to the history one by one. */
export const ANSWER_DETAIL_FIELDS = [
  'answerOutgoingNumber',
  'answerOutgoingOn',
  'answerSignatoryId',
  'answerSignatoryName',
  'answerDelivery',
] as const satisfies (keyof AppealRow)[]

export function answerDetailColumns(input: AnswerDetailsInput): Pick<AppealRow, (typeof ANSWER_DETAIL_FIELDS)[number]> {
  return {
    answerOutgoingNumber: input.outgoingNumber,
    answerOutgoingOn: input.outgoingOn,
    answerSignatoryId: input.signatoryId,
    answerSignatoryName: input.signatoryName,
    answerDelivery: input.delivery,
  }
}

/**
 * What the contract cannot check alone: the outgoing letter is dated neither before the appeal
 * was registered nor after today (office clock), and a signatory chosen from the staff list is
 * one (an inactive member who signed earlier stays valid when the value is unchanged).
 */
export async function answerDetailIssues(
  manager: EntityManager,
  before: AppealRow,
  input: AnswerDetailsInput,
  today: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = []
  if (input.outgoingOn !== null && input.outgoingOn < before.registeredOn)
    issues.push({ path: ['outgoingOn'], messageKey: 'validation.beforeRegistration' })
  if (input.outgoingOn !== null && input.outgoingOn > today)
    issues.push({ path: ['outgoingOn'], messageKey: 'validation.dateInFuture' })
  if (input.signatoryId !== null && input.signatoryId !== before.answerSignatoryId) {
    const member = await manager.getRepository(StaffEntity).findOne({ where: { id: input.signatoryId } })
    if (!member) issues.push({ path: ['signatoryId'], messageKey: 'validation.unknownReference' })
    else if (!member.active) issues.push({ path: ['signatoryId'], messageKey: 'validation.inactiveReference' })
  }
  return issues
}

/** The card's view of the details: null before an answer; the signer named either way. */
export function answerDetailsOfRow(row: AppealRow, signatoryStaffName: string | null): AnswerDetails | null {
  if (row.status !== 'answered') return null
  return {
    outgoingNumber: row.answerOutgoingNumber,
    outgoingOn: row.answerOutgoingOn,
    signatoryId: row.answerSignatoryId,
    signatoryName: row.answerSignatoryId !== null ? signatoryStaffName : row.answerSignatoryName,
    delivery: row.answerDelivery as AnswerDelivery | null,
  }
}
