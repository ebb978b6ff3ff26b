/** Whether a run is under way; a React ref fits (it lives as long as the component). */
export interface BusyFlag {
  current: boolean
}

/**
 * Runs `task` unless a run holding the same flag has not finished yet, and says whether it ran.
 * A second Enter or click while a save is on its way does nothing, so one form is never sent
 * twice; the flag is cleared however the run ends, so a refused save can be sent again.
 */
export async function oneAtATime(flag: BusyFlag, task: () => Promise<void>): Promise<boolean> {
  if (flag.current) return false
  flag.current = true
  try {
    await task()
    return true
  } finally {
    flag.current = false
  }
}
