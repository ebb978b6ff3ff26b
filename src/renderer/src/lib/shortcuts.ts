/** The keys of a key press that a shortcut looks at (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  shiftKey: boolean
}

/**
 * The new-appeal shortcut: F2, Alt+N, or Ctrl+N (⌘N). N is told by the key's place (`code`),
 * so it works with the Kazakh and Russian layouts, where that key types т. A browser keeps
 * Ctrl+N for a new window and never hands it to the page: in web mode it is F2 or Alt+N
 * (the help says so); the desktop program gets Ctrl+N too.
 */
export function isNewAppealKey(press: KeyPress): boolean {
  const { ctrlKey, altKey, metaKey, shiftKey } = press
  if (press.key === 'F2') return !ctrlKey && !altKey && !metaKey && !shiftKey
  if (press.code !== 'KeyN' || shiftKey) return false
  return altKey ? !ctrlKey && !metaKey : ctrlKey || metaKey
}

/** Whether Ctrl+N reaches the page: only in the desktop program (a browser opens a window with it). */
export const ctrlNReachesPage = (): boolean => window.akimatDesk !== undefined

/**
 * Ctrl+Enter (⌘+Enter) in any form saves it, unless the form handled the key itself: one
 * listener for the whole page, so a form needs no handler of its own for it.
 */
export function installCtrlEnterSave(): void {
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return
    const form = event.target instanceof Element ? event.target.closest('form') : null
    if (!form) return
    event.preventDefault()
    form.requestSubmit()
  })
}
