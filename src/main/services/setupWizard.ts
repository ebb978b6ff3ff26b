import type { DataSource, EntityManager } from 'typeorm'
import { SETUP_STEPS, type SetupStep, type SetupStepOutcome, type SetupWizardState } from '@shared/api/areas/setup'
import type { ApiParsedInput } from '@shared/api/contract'
import { AppealEntity } from '../db/entities'
import { transaction } from '../db/transaction'
import type { Clock } from './context'
import type { SettingsStore } from './settingsStore'

const KEY = 'setup.wizard'

interface Stored {
  /** Written by the first-run setup: this office began with the wizard to go through. */
  pending: boolean
  steps: Partial<Record<SetupStep, SetupStepOutcome>>
  finishedAt: string | null
}

const NOT_BEGUN: Stored = { pending: false, steps: {}, finishedAt: null }
const LAST_STEP = SETUP_STEPS[SETUP_STEPS.length - 1]

/**
 * The first-run setup (auth.setup) leaves the wizard to go through, in its own transaction. An
 * office whose administrator came from the command line, or that was set up before the wizard
 * existed, never has this mark, so the wizard never opens by itself for a working office.
 */
export function beginSetupWizard(settings: SettingsStore, manager: EntityManager): Promise<void> {
  return settings.set(KEY, { ...NOT_BEGUN, pending: true } satisfies Stored, manager)
}

/**
 * Where the first-start wizard stands: offered while the first-run setup's mark is there, the
 * last step not yet passed and no appeal registered (an office at work is not asked again, even
 * if the wizard was left half-way). Each step's data is saved by the catalogs' own calls; this
 * only remembers which steps were passed, so a reopened wizard resumes after them.
 */
export class SetupWizardService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
  ) {}

  async state(): Promise<SetupWizardState> {
    const stored = { ...NOT_BEGUN, ...(await this.settings.get<Partial<Stored>>(KEY)) }
    const finished = stored.finishedAt !== null
    const offered = stored.pending && !finished && !(await this.db.getRepository(AppealEntity).exists())
    return { offered, steps: stored.steps, finished }
  }

  /** A step left with Next (saved) or Skip; passing the last one finishes the wizard. */
  async markStep({ step, outcome }: ApiParsedInput<'setup.markStep'>): Promise<SetupWizardState> {
    await transaction(this.db, async (manager) => {
      const stored = { ...NOT_BEGUN, ...(await this.settings.get<Partial<Stored>>(KEY, manager)) }
      const next: Stored = {
        ...stored,
        steps: { ...stored.steps, [step]: outcome },
        finishedAt: step === LAST_STEP ? (stored.finishedAt ?? this.clock().toISOString()) : stored.finishedAt,
      }
      await this.settings.set(KEY, next, manager)
    })
    return this.state()
  }
}
