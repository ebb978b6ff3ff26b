import { useCallback, useState } from 'react'

/**
 * State kept for this tab in sessionStorage, so the register's filters and sort survive a
 * trip to an appeal card and back (the list page is unmounted meanwhile) and a reload.
 */
export function useSessionState<T>(key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key)
      return stored ? ({ ...initial, ...(JSON.parse(stored) as object) } as T) : initial
    } catch {
      return initial
    }
  })
  const update = useCallback(
    (next: T) => {
      setValue(next)
      sessionStorage.setItem(key, JSON.stringify(next))
    },
    [key],
  )
  return [value, update]
}
