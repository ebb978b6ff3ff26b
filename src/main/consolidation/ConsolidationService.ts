import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import type {
  ApiParsedInput,
  ConsolidationConflict,
  ConsolidationSource,
  PackageExport,
  PackageImportSummary,
  PackageOffice,
} from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { actorOf, recordAudit, recordExport, type AuditChange } from '../services/audit'
import type { CallContext } from '../services/context'
import { requirePersonalData } from '../services/personalData'
import type { OfficeService } from '../services/office'
import type { SettingsStore } from '../services/settingsStore'
import { decryptBuffer, encryptBuffer, isEncrypted } from '../encryption/format'
import { decryptionRefusal, passphraseRefused, type OfficePassphrase } from '../encryption/officePassphrase'
import type { BlobStore } from '../services/attachments/blobStore'
import { storeAttachmentBlobs } from './attachments'
import { decodePackage, encodePackage, refused } from './codec'
import { conflictById, listConflicts } from './conflicts'
import { buildPackage } from './exporter'
import { mergePackage } from './importer'
import { resolveConflict } from './resolve'
import { listSources, rememberPackage, sourceOf } from './sources'
import { transaction } from '../db/transaction'

/** Audit entries written per INSERT (11 parameters each, well under SQLite's 32,766). */
const AUDIT_SLICE = 500

/** This office's stable identity (settings key written by migration 0003). */
export const OFFICE_UUID_KEY = 'office.uuid'

/**
 * Okrug → district consolidation: this office's package out, other offices' packages in, and
 * the conflicts between them for a person to decide. See docs/CONSOLIDATION.md.
 */
export class ConsolidationService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsStore,
    private readonly office: OfficeService,
    private readonly passphrase: OfficePassphrase,
    /** The attachments' store (shared with AttachmentService): packages carry the appeals' files. */
    private readonly blobs: BlobStore,
  ) {}

  /** This office's stable id; created (and audited) if a database somehow lacks it. */
  async officeUuid(ctx: CallContext): Promise<string> {
    const existing = await this.settings.get<string>(OFFICE_UUID_KEY)
    if (existing) return existing
    return transaction(this.db, async (manager) => {
      const uuid = randomUUID()
      await this.settings.set(OFFICE_UUID_KEY, uuid, manager)
      await recordAudit(manager, ctx, [
        {
          entity: 'office',
          entityId: 'office',
          action: 'create',
          field: 'uuid',
          oldValue: null,
          newValue: JSON.stringify(uuid),
        },
      ])
      return uuid
    })
  }

  /**
   * A package carries the applicants' IIN/BIN, phone and address in full: the district keeps
   * the real records, and a masked value would overwrite them there. So it is for a caller who
   * may see them (the permission table gives packages to the administrator alone).
   */
  async exportPackage(
    { passphrase }: ApiParsedInput<'consolidation.exportPackage'>,
    ctx: CallContext,
  ): Promise<PackageExport> {
    requirePersonalData(ctx)
    const office = await this.office.get()
    if (!office.nameKk.trim()) throw new DomainError('validation', 'consolidationUi.errors.officeNotSet')
    // With an office passphrase set, the package leaves encrypted with it (checked first).
    const encryptWith = await this.passphrase.forCopy(passphrase)
    const identity: PackageOffice = {
      uuid: await this.officeUuid(ctx),
      nameKk: office.nameKk,
      nameRu: office.nameRu,
      district: office.district,
      region: office.region,
    }
    // calls are serialised (api/dispatcher.ts): no write can come between the reads
    const body = await buildPackage(this.db.manager, identity, this.blobs)
    const plain = encodePackage(body)
    const bytes = encryptWith ? await encryptBuffer(plain, encryptWith) : plain
    const fileName = packageFileName(office.nameKk, body.exportedAt) + (encryptWith ? '.enc' : '')
    const counts = {
      localities: body.localities.length,
      meetings: body.meetings.length,
      appeals: body.appeals.length,
      measures: body.measures.length,
    }
    // a package carries every applicant of the office: the history says who took one out
    await recordExport(this.db, ctx, 'package', {
      fileName,
      exportedAt: body.exportedAt,
      counts,
      encrypted: !!encryptWith,
    })
    return { fileName, base64: bytes.toString('base64'), counts }
  }

  /**
   * Imports a package in one transaction: refused whole (nothing written) when the file is
   * damaged (an attachment whose bytes are not its hash included), foreign, from a newer program,
   * or this office's own; otherwise every change and its audit entries are committed together.
   */
  async importPackage(
    { fileName, base64, passphrase }: ApiParsedInput<'consolidation.importPackage'>,
    ctx: CallContext,
  ): Promise<PackageImportSummary> {
    const document = decodePackage(await opened(Buffer.from(base64, 'base64'), passphrase))
    if (document.office.uuid === (await this.officeUuid(ctx))) throw refused('ownOffice')
    // the bytes (each checked against its hash by decodePackage) durably in the store first, the rows in the transaction
    storeAttachmentBlobs(this.blobs, document)
    return transaction(this.db, async (manager) => {
      const source = await sourceOf(manager, document.office.uuid)
      const merged = await mergePackage(manager, document, source.code)
      const counts = {
        localities: merged.localities,
        meetings: merged.meetings,
        appeals: merged.appeals,
        measures: merged.measures,
      }
      const changed = merged.changes.length > 0
      const sourceChanges = await rememberPackage(manager, source, document, fileName, counts, changed)
      // Who brought which office's package in, with its applicants. A package already imported
      // changes nothing and writes nothing, as before.
      const act: AuditChange = {
        entity: 'package',
        entityId: document.office.uuid,
        action: 'import',
        field: null,
        oldValue: null,
        newValue: JSON.stringify({
          by: actorOf(ctx),
          fileName,
          exportedAt: document.exportedAt,
          office: document.office.nameKk,
        }),
      }
      const changes = [...merged.changes, ...sourceChanges]
      if (changes.length > 0) changes.push(act)
      // in slices: one INSERT of thousands of entries would pass SQLite's limit on bound parameters
      for (let i = 0; i < changes.length; i += AUDIT_SLICE)
        await recordAudit(manager, ctx, changes.slice(i, i + AUDIT_SLICE))
      const open = (await listSources(manager)).find((s) => s.officeUuid === document.office.uuid)?.openConflicts ?? 0
      return {
        office: document.office,
        sourceCode: source.code,
        exportedAt: document.exportedAt,
        alreadyImported: source.row !== null && !changed && sourceChanges.length === 0,
        sectorsAdded: merged.sectorsAdded,
        ...counts,
        openConflicts: open,
      }
    })
  }

  sources(): Promise<ConsolidationSource[]> {
    return listSources(this.db.manager)
  }

  /** Both sides in full (an IIN differing in one digit must be seen to be chosen): see exportPackage. */
  conflicts(
    { includeResolved }: ApiParsedInput<'consolidation.conflicts'>,
    ctx: CallContext,
  ): Promise<ConsolidationConflict[]> {
    requirePersonalData(ctx)
    return listConflicts(this.db, includeResolved)
  }

  async resolve(
    { id, keep }: ApiParsedInput<'consolidation.resolve'>,
    ctx: CallContext,
  ): Promise<ConsolidationConflict> {
    requirePersonalData(ctx) // it returns the conflict with both sides in full, as conflicts() does
    await transaction(this.db, async (manager) => recordAudit(manager, ctx, await resolveConflict(manager, id, keep)))
    return conflictById(this.db.manager, id)
  }
}

/**
 * A package's plain bytes: an encrypted one (told by its header, whatever its name) is opened
 * with the passphrase typed at import, every chunk checked, before anything is read or written.
 */
async function opened(bytes: Buffer, passphrase: string | null): Promise<Buffer> {
  if (!isEncrypted(bytes)) return bytes
  if (!passphrase) throw passphraseRefused('required')
  try {
    return await decryptBuffer(bytes, passphrase)
  } catch (error) {
    throw decryptionRefusal(error, 'base64')
  }
}

/** `akimat-package-<office>-<date>.json.gz`: letters of any script, digits and dashes. */
function packageFileName(officeName: string, exportedAt: string): string {
  const stem =
    officeName
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'office'
  return `akimat-package-${stem}-${exportedAt.slice(0, 10)}.json.gz`
}
