import { useCallback, useEffect, useState } from 'react'
import type { PassphraseState } from '@shared/api/contract'
import { call } from '../../api/client'

/** Whether the office passphrase is set (copies leaving the computer are then encrypted); `reload` after a change. */
export function useOfficePassphrase(): { state: PassphraseState | null; reload: () => Promise<void> } {
  const [state, setState] = useState<PassphraseState | null>(null)
  const reload = useCallback(async () => setState(await call('backup.passphrase', {})), [])
  useEffect(() => {
    void reload()
  }, [reload])
  return { state, reload }
}
