import { useEffect, useState } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'

/**
 * Whether the computer asks for less motion (Windows: Settings → Accessibility → Animation
 * effects off; the browser's own setting in web mode). Dialogs and menus then appear at once
 * instead of zooming and sliding in: for a clerk whom motion makes unwell, or a slow office PC.
 */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(QUERY).matches ?? false)
  useEffect(() => {
    const media = window.matchMedia?.(QUERY)
    if (!media) return
    const changed = () => setReduced(media.matches)
    media.addEventListener('change', changed)
    return () => media.removeEventListener('change', changed)
  }, [])
  return reduced
}
