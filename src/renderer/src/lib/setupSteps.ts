import { SETUP_STEPS, type SetupStep, type SetupWizardState } from '@shared/api/areas/setup'

/**
 * The step the wizard opens on. Resuming (not finished): the first step neither saved nor
 * skipped, so quitting half-way and coming back continues where the clerk left off. Opened again
 * from Settings after finishing: the first step that was skipped (what is likely still to do),
 * else the first step.
 */
export function firstStepToShow(state: Pick<SetupWizardState, 'steps' | 'finished'>): SetupStep {
  const open = state.finished
    ? SETUP_STEPS.find((step) => state.steps[step] === 'skipped')
    : SETUP_STEPS.find((step) => state.steps[step] === undefined)
  return open ?? SETUP_STEPS[0]
}

/** The step after `step`, or null after the last one. */
export function stepAfter(step: SetupStep): SetupStep | null {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) + 1] ?? null
}

/** The step before `step`, or null before the first one. */
export function stepBefore(step: SetupStep): SetupStep | null {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) - 1] ?? null
}
