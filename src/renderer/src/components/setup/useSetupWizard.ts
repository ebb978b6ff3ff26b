import { useCallback, useEffect, useState } from 'react'
import type { SetupWizardState } from '@shared/api/contract'
import { call } from '../../api/client'
import { navigate, useRoute } from '../../hooks/useRoute'

/** The address that opens the wizard again (Settings → Office identity). */
export const SETUP_ROUTE = 'setup'

/**
 * Whether the signed-in shell shows the first-start wizard instead of a page: for an
 * administrator (`allowed`) while the core offers it (see SetupWizardService), or when opened
 * from Settings (#/setup). Other roles never ask. `waiting` while the first answer is on its way,
 * so the dashboard does not flash before the wizard.
 */
export function useSetupWizard(allowed: boolean) {
  const [state, setState] = useState<SetupWizardState | null>(null)
  const [page] = useRoute()
  useEffect(() => {
    if (!allowed) return
    call('setup.state', {}).then(setState, () => setState({ offered: false, steps: {}, finished: false }))
  }, [allowed])
  const finished = useCallback((next: SetupWizardState) => {
    setState(next)
    navigate('dashboard')
  }, [])
  return {
    waiting: allowed && state === null,
    shown: allowed && state !== null && (state.offered || page === SETUP_ROUTE) ? state : null,
    finished,
  }
}
