import { randomUUID } from 'node:crypto'
import type { DataSource, EntityManager } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type { ApiParsedInput, Locality } from '@shared/api/contract'
import { LocalityEntity, type LocalityRow } from '../db/entities'
import { createdEntry, fieldChanges, recordAudit } from './audit'
import type { CallContext } from './context'
import { transaction } from '../db/transaction'

const toLocality = ({ id, kind, parentId, nameKk, nameRu, nameEn, active }: LocalityRow): Locality => ({
  id,
  kind,
  parentId,
  nameKk,
  nameRu,
  nameEn,
  active,
})

/** Rural okrugs and their settlements: where appeals come from and meetings are held. */
export class LocalityService {
  constructor(private readonly db: DataSource) {}

  async list({ includeInactive }: { includeInactive: boolean }): Promise<Locality[]> {
    const rows = await this.db.getRepository(LocalityEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { nameKk: 'ASC' },
    })
    return rows.map(toLocality)
  }

  async create(input: ApiParsedInput<'localities.create'>, ctx: CallContext): Promise<Locality> {
    return transaction(this.db, async (manager) => {
      await this.checkParent(manager, input.parentId)
      const now = new Date().toISOString()
      const row = await manager.getRepository(LocalityEntity).save({
        ...input,
        uuid: randomUUID(),
        originOfficeUuid: null,
        importedVersion: null,
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      await recordAudit(manager, ctx, [createdEntry('locality', row.id, toLocality(row))])
      return toLocality(row)
    })
  }

  async update(input: ApiParsedInput<'localities.update'>, ctx: CallContext): Promise<Locality> {
    return transaction(this.db, async (manager) => {
      const repo = manager.getRepository(LocalityEntity)
      const before = await repo.findOne({ where: { id: input.id } })
      if (!before) throw new DomainError('not_found', 'errors.not_found')
      await this.checkParent(manager, input.parentId)
      const after: LocalityRow = { ...before, ...input, updatedAt: new Date().toISOString() }
      const changes = fieldChanges('locality', before.id, before, after, [
        'kind',
        'parentId',
        'nameKk',
        'nameRu',
        'nameEn',
        'active',
      ])
      if (changes.length > 0) {
        await repo.save(after)
        await recordAudit(manager, ctx, changes)
      }
      return toLocality(after)
    })
  }

  /** A settlement's parent must be an existing okrug. */
  private async checkParent(manager: EntityManager, parentId: number | null): Promise<void> {
    if (parentId === null) return
    const parent = await manager.getRepository(LocalityEntity).findOne({ where: { id: parentId } })
    if (!parent || parent.kind !== 'okrug') {
      throw new DomainError('validation', 'errors.validation', [
        { path: ['parentId'], messageKey: 'validation.settlementNeedsOkrug' },
      ])
    }
  }
}
