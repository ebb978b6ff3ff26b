import { useCallback, useEffect, useState } from 'react'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'

/** One appeal with everything the card shows; `setAppeal` takes the fresh copy an action returns. */
export function useAppeal(id: number) {
  const [appeal, setAppeal] = useState<Appeal | null>(null)
  const [error, setError] = useState<unknown>(null)

  const reload = useCallback(async () => {
    setError(null)
    try {
      setAppeal(await call('appeals.get', { id }))
    } catch (failure) {
      setError(failure)
    }
  }, [id])

  useEffect(() => {
    void reload()
  }, [reload])

  return { appeal, setAppeal, error, reload }
}
