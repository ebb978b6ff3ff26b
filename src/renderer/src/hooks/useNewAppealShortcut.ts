import { useEffect } from 'react'
import { isNewAppealKey } from '../lib/shortcuts'

const NEW_APPEAL = '#/appeals/new'

/**
 * F2 / Alt+N / Ctrl+N from anywhere in the signed-in program opens the registration form (the
 * navigation guard asks first if a form there holds changes); on that form already, it takes
 * the focus back to its first field. Off for roles that may not register, and under the lock.
 */
export function useNewAppealShortcut(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (!isNewAppealKey(event)) return
      event.preventDefault()
      if (window.location.hash !== NEW_APPEAL) window.location.hash = NEW_APPEAL
      else document.querySelector<HTMLElement>('form#appeal input')?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
