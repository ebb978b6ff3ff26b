import type { DataSource, EntityManager } from 'typeorm'
import type { ApiParsedInput, OfficeIdentity } from '@shared/api/contract'
import { fieldChanges, recordAudit } from './audit'
import type { CallContext } from './context'
import type { SettingsStore } from './settingsStore'
import { transaction } from '../db/transaction'

const KEY = 'office'
const EMPTY: OfficeIdentity = {
  nameKk: '',
  nameRu: '',
  district: '',
  region: '',
  addressKk: '',
  addressRu: '',
  headName: '',
  headPosition: '',
  headPositionRu: '',
  sourceNoteKk: '',
  sourceNoteRu: '',
}

/** The office's identity, printed on receipts and report headers. */
export class OfficeService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsStore,
  ) {}

  async get(): Promise<OfficeIdentity> {
    return { ...EMPTY, ...(await this.settings.get<Partial<OfficeIdentity>>(KEY)) }
  }

  /** With `within`, inside the caller's transaction (the first-run setup writes the office and its administrator together). */
  async update(
    input: ApiParsedInput<'office.update'>,
    ctx: CallContext,
    within?: EntityManager,
  ): Promise<OfficeIdentity> {
    const write = async (manager: EntityManager) => {
      const before = { ...EMPTY, ...(await this.settings.get<Partial<OfficeIdentity>>(KEY, manager)) }
      const changes = fieldChanges('office', 'office', before, input, Object.keys(EMPTY) as (keyof OfficeIdentity)[])
      await this.settings.set(KEY, input, manager)
      await recordAudit(manager, ctx, changes)
      return input
    }
    return within ? write(within) : transaction(this.db, write)
  }
}
