import type { DataSource } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type { ApiParsedInput, StaffMember } from '@shared/api/contract'
import { StaffEntity, type StaffRow } from '../db/entities'
import { fieldChanges, recordAudit, createdEntry } from './audit'
import type { CallContext } from './context'
import { transaction } from '../db/transaction'

const toStaff = ({ id, fullName, position, positionRu, department, isExecutor, active }: StaffRow): StaffMember => ({
  id,
  fullName,
  position,
  positionRu,
  department,
  isExecutor,
  active,
})

/** The staff list: who can be the operator at the keyboard, and who executes appeals. */
export class StaffService {
  constructor(private readonly db: DataSource) {}

  async list({ includeInactive }: { includeInactive: boolean }): Promise<StaffMember[]> {
    const rows = await this.db.getRepository(StaffEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { fullName: 'ASC' },
    })
    return rows.map(toStaff)
  }

  async find(id: number): Promise<StaffMember | null> {
    const row = await this.db.getRepository(StaffEntity).findOne({ where: { id } })
    return row ? toStaff(row) : null
  }

  async create(input: ApiParsedInput<'staff.create'>, ctx: CallContext): Promise<StaffMember> {
    return transaction(this.db, async (manager) => {
      const now = new Date().toISOString()
      const row = await manager
        .getRepository(StaffEntity)
        .save({ ...input, active: true, createdAt: now, updatedAt: now })
      await recordAudit(manager, ctx, [createdEntry('staff', row.id, toStaff(row))])
      return toStaff(row)
    })
  }

  async update(input: ApiParsedInput<'staff.update'>, ctx: CallContext): Promise<StaffMember> {
    return transaction(this.db, async (manager) => {
      const repo = manager.getRepository(StaffEntity)
      const before = await repo.findOne({ where: { id: input.id } })
      if (!before) throw new DomainError('not_found', 'errors.not_found')
      const after: StaffRow = { ...before, ...input, updatedAt: new Date().toISOString() }
      const changes = fieldChanges('staff', before.id, before, after, [
        'fullName',
        'position',
        'positionRu',
        'department',
        'isExecutor',
        'active',
      ])
      if (changes.length > 0) {
        await repo.save(after)
        await recordAudit(manager, ctx, changes)
      }
      return toStaff(after)
    })
  }
}
