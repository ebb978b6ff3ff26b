import { z } from 'zod'

// The first-start wizard: office and head, okrugs and settlements, staff and sign-ins, sample data.

/** The wizard's steps, in order. */
export const SETUP_STEPS = ['office', 'localities', 'staff', 'sample'] as const
export type SetupStep = (typeof SETUP_STEPS)[number]

/** How a step was left: its work saved with Next, or passed over with Skip. */
export type SetupStepOutcome = 'saved' | 'skipped'

export interface SetupWizardState {
  /**
   * Whether the wizard opens by itself for an administrator: the office was set up through the
   * first-run screen of a version with the wizard, the wizard was never finished, and the
   * register holds no appeal.
   */
  offered: boolean
  /** Each step the wizard has been through, and how. */
  steps: Partial<Record<SetupStep, SetupStepOutcome>>
  /** The last step was passed (the wizard can still be opened again from Settings). */
  finished: boolean
}

export const markSetupStepInput = z
  .object({
    step: z.enum(SETUP_STEPS, { error: 'validation.invalidOption' }),
    outcome: z.enum(['saved', 'skipped'], { error: 'validation.invalidOption' }),
  })
  .strict()
