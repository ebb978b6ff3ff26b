import { useEffect, useState } from 'react'

/**
 * The value once it has stopped changing for `delay` ms. Lookups (returning citizens, repeat
 * candidates, full-text search) run when the clerk pauses, not on every key stroke. Pass
 * strings or numbers: an object made anew on each render would never settle.
 */
export function useDebounced<T extends string | number | null>(value: T, delay = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}
