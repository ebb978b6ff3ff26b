import { z } from 'zod'
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_OWNERS,
  type AttachmentMediaType,
  type AttachmentOwnerKind,
} from '../../domain/attachment'
import { entityId, requiredText } from '../fields'

/**
 * Files attached to an appeal or a report meeting. A file travels base64-encoded, as an
 * imported register does (both doors carry JSON); the core judges its size and its bytes'
 * signature, never only its name.
 */
const owner = {
  ownerKind: z.enum(ATTACHMENT_OWNERS, { error: 'validation.invalidOption' }),
  ownerId: entityId,
}

/** base64 of a file somewhat over the limit, so that the core refuses it by name, not the schema. */
const MAX_BASE64 = Math.ceil((ATTACHMENT_MAX_BYTES * 1.05) / 3) * 4

export const listAttachmentsInput = z.object(owner).strict()

export const addAttachmentInput = z
  .object({
    ...owner,
    fileName: requiredText(255),
    base64: z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(MAX_BASE64, { error: 'attachments.errors.tooLargeUnnamed' }),
  })
  .strict()

export interface Attachment {
  id: number
  ownerKind: AttachmentOwnerKind
  ownerId: number
  /** As the file was named when added. */
  fileName: string
  mediaType: AttachmentMediaType
  sizeBytes: number
  sha256: string
  addedBy: string | null
  addedAt: string
}

/** An attachment's bytes, for a caller who may open it (the opening is recorded). */
export interface AttachmentContent {
  fileName: string
  mediaType: AttachmentMediaType
  base64: string
}
