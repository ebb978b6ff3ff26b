import type { Session, StaffMember } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import type { SettingsStore } from './settingsStore'
import type { StaffService } from './staff'

const KEY = 'session.operatorId'

/**
 * The operator: the person at the keyboard, chosen from the staff list at start and
 * remembered on this computer. Audit entries and receipts name them. When passwords and
 * roles come, this is the seam: the session will hold an authenticated user instead.
 */
export class SessionService {
  private operator: StaffMember | null = null

  constructor(
    private readonly settings: SettingsStore,
    private readonly staff: StaffService,
  ) {}

  /** Restores the remembered operator, if still on the staff list and active. */
  async restore(): Promise<void> {
    const id = await this.settings.get<number>(KEY)
    const member = id === null ? null : await this.staff.find(id)
    this.operator = member?.active ? member : null
  }

  current(): StaffMember | null {
    return this.operator
  }

  get(): Session {
    return { operator: this.operator }
  }

  async setOperator(staffId: number): Promise<Session> {
    const member = await this.staff.find(staffId)
    if (!member || !member.active) {
      throw new DomainError('validation', 'errors.validation', [
        { path: ['staffId'], messageKey: 'validation.operatorUnknown' },
      ])
    }
    await this.settings.set(KEY, member.id)
    this.operator = member
    return this.get()
  }
}
