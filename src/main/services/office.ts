import type { DataSource } from 'typeorm'
import type { ApiParsedInput, OfficeIdentity } from '@shared/api/contract'
import { fieldChanges, recordAudit } from './audit'
import type { CallContext } from './context'
import type { SettingsStore } from './settingsStore'

const KEY = 'office'
const EMPTY: OfficeIdentity = {
  nameKk: '',
  nameRu: '',
  district: '',
  region: '',
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

  async update(input: ApiParsedInput<'office.update'>, ctx: CallContext): Promise<OfficeIdentity> {
    return this.db.transaction(async (manager) => {
      const before = { ...EMPTY, ...(await this.settings.get<Partial<OfficeIdentity>>(KEY, manager)) }
      const changes = fieldChanges('office', 'office', before, input, Object.keys(EMPTY) as (keyof OfficeIdentity)[])
      await this.settings.set(KEY, input, manager)
      await recordAudit(manager, ctx, changes)
      return input
    })
  }
}
