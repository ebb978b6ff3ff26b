import type { DataSource, EntityManager } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type { ApiParsedInput } from '@shared/api/contract'
import type { Sector } from '@shared/domain/sector'
import { SectorEntity, type SectorRow } from '../db/entities'
import { createdEntry, fieldChanges, recordAudit } from './audit'
import type { CallContext } from './context'
import { transaction } from '../db/transaction'

const EDITABLE_FIELDS = ['nameKk', 'nameRu', 'nameEn', 'active'] as const

const toSector = ({ id, code, nameKk, nameRu, nameEn, sortOrder, active }: SectorRow): Sector => ({
  id,
  code,
  nameKk,
  nameRu,
  nameEn,
  sortOrder,
  active,
})

/** The sector catalog: listed in report order, edited with an audit trail, never deleted. */
export class SectorService {
  constructor(private readonly db: DataSource) {}

  async list({ includeInactive }: ApiParsedInput<'sectors.list'>): Promise<Sector[]> {
    const rows = await this.db.getRepository(SectorEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { sortOrder: 'ASC', id: 'ASC' },
    })
    return rows.map(toSector)
  }

  async create(input: ApiParsedInput<'sectors.create'>, ctx: CallContext): Promise<Sector> {
    return transaction(this.db, async (manager) => {
      const repo = manager.getRepository(SectorEntity)
      if (await repo.exists({ where: { code: input.code } })) {
        throw new DomainError('validation', 'errors.validation', [
          { path: ['code'], messageKey: 'validation.sectorCodeTaken' },
        ])
      }
      const last = await repo.findOne({ where: {}, order: { sortOrder: 'DESC' } })
      const now = new Date().toISOString()
      const row = await repo.save({
        ...input,
        sortOrder: (last?.sortOrder ?? 0) + 1,
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      await recordAudit(manager, ctx, [createdEntry('sector', row.id, toSector(row))])
      return toSector(row)
    })
  }

  async update(input: ApiParsedInput<'sectors.update'>, ctx: CallContext): Promise<Sector> {
    return transaction(this.db, async (manager) => {
      const before = await this.find(manager, input.id)
      const after: SectorRow = { ...before, ...input, updatedAt: new Date().toISOString() }
      const changes = fieldChanges('sector', before.id, before, after, [...EDITABLE_FIELDS])
      if (changes.length === 0) return toSector(before)
      await manager.getRepository(SectorEntity).save(after)
      await recordAudit(manager, ctx, changes)
      return toSector(after)
    })
  }

  /** Swaps a sector with its neighbour in report order; returns the whole catalog. */
  async move({ id, direction }: ApiParsedInput<'sectors.move'>, ctx: CallContext): Promise<Sector[]> {
    await transaction(this.db, async (manager) => {
      const repo = manager.getRepository(SectorEntity)
      const all = await repo.find({ order: { sortOrder: 'ASC', id: 'ASC' } })
      const index = all.findIndex((s) => s.id === id)
      if (index < 0) throw new DomainError('not_found', 'errors.sectorNotFound')
      const other = all[direction === 'up' ? index - 1 : index + 1]
      if (!other) return // already first or last: nothing to do
      const sector = all[index]!
      const now = new Date().toISOString()
      // Renumber the whole list 1..n so earlier gaps or ties never make the swap a no-op.
      const reordered = [...all]
      reordered[index] = other
      reordered[all.indexOf(other)] = sector
      const changes = reordered
        .map((row, i) => ({ row, sortOrder: i + 1 }))
        .filter(({ row, sortOrder }) => row.sortOrder !== sortOrder)
      for (const { row, sortOrder } of changes) {
        await repo.update({ id: row.id }, { sortOrder, updatedAt: now })
      }
      await recordAudit(
        manager,
        ctx,
        changes.map(({ row, sortOrder }) => ({
          entity: 'sector',
          entityId: String(row.id),
          action: 'reorder',
          field: 'sortOrder',
          oldValue: JSON.stringify(row.sortOrder),
          newValue: JSON.stringify(sortOrder),
        })),
      )
    })
    return this.list({ includeInactive: true })
  }

  private async find(manager: EntityManager, id: number): Promise<SectorRow> {
    const row = await manager.getRepository(SectorEntity).findOne({ where: { id } })
    if (!row) throw new DomainError('not_found', 'errors.sectorNotFound')
    return row
  }
}
