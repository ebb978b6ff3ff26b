import { useCallback, useEffect, useRef, useState } from 'react'
import { App, Form, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  discardUnsavedWork,
  leavingLosesWork,
  reloadWouldLoseWork,
  setUnsaved,
  valuesDiffer,
  type UnsavedEntry,
} from '../../lib/unsavedWork'

/**
 * Whether a form holds changes, from its values as they are now (typed, picked, or set by the
 * page, as the returning-citizen panel does) against where it started. `rebase` makes the
 * current values the start: after a page loads a record into the form.
 */
export function useFormChanges<V>(form: FormInstance<V>, initialValues: V) {
  const values = Form.useWatch([], { form, preserve: true }) as V | undefined
  const [start, setStart] = useState(initialValues)
  const rebase = useCallback(() => setStart(form.getFieldsValue(true) as V), [form])
  // The form's own store, for a key pressed before the watch has re-rendered (Esc right after typing).
  const changedNow = () => valuesDiffer(start, form.getFieldsValue(true))
  return { dirty: values !== undefined && valuesDiffer(start, values), changedNow, values, rebase }
}

/**
 * Puts the form in the page's list (lib/unsavedWork) while it is mounted; the list asks
 * `changed` (the latest one given) whenever leaving or closing would drop typed work.
 */
export function useUnsavedWork(changed: () => boolean, entry: Omit<UnsavedEntry, 'changed'> = {}): void {
  const [owner] = useState(() => Symbol('unsaved work'))
  const latest = useRef({ changed, discard: entry.discard })
  latest.current = { changed, discard: entry.discard }
  const survivesReload = entry.survivesReload ?? false
  useEffect(() => {
    setUnsaved(owner, {
      changed: () => latest.current.changed(),
      discard: () => latest.current.discard?.(),
      survivesReload,
    })
    return () => setUnsaved(owner, null)
  }, [owner, survivesReload])
}

let asking = false

/** The one question before typed work is dropped; `discard` runs only when the user says so. */
function useAskDiscard(): (discard: () => void) => void {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  return useCallback(
    (discard: () => void) => {
      if (asking) return
      asking = true
      let chosen = false
      let finished = false
      const finish = () => {
        if (finished) return
        finished = true
        asking = false
        if (chosen) discard()
      }
      void modal.confirm({
        title: t('formsUi.unsaved.title'),
        content: t('formsUi.unsaved.text'),
        okText: t('formsUi.unsaved.discard'),
        cancelText: t('formsUi.unsaved.keep'),
        okButtonProps: { danger: true },
        // Enter or Esc keeps the work: dropping it takes a deliberate choice.
        autoFocusButton: 'cancel',
        className: 'unsaved-confirm',
        // above a dialog being closed, below the idle lock
        zIndex: 1500,
        // Shown at once, without antd's zoom: its buttons are where they first appear. Zooming,
        // they stood full size for a frame or two, then shrank and grew back, and a click
        // pressed in that moment was released beside the shrunken button and lost.
        transitionName: '',
        maskTransitionName: '',
        onOk: () => {
          chosen = true
        },
        // Only once the question is gone: closing a dialog or leaving the page under a
        // question still fading out left antd's Esc handling pointed at the question. The
        // first of rc-dialog's two signals that it is gone: afterClose comes only when its own
        // state says it was shown, afterOpenChange(false) whenever its motion ends (with motion
        // off, both from that one callback). A question whose end never came would leave
        // `asking` set, every later question refused and the dialog it guards open.
        afterOpenChange: (open) => {
          if (!open) finish()
        },
        afterClose: finish,
      })
    },
    [modal, t],
  )
}

/**
 * What a dialog's Esc, ×, Cancel and click outside call: closes at once when nothing changed,
 * asks first when something did.
 */
export function useGuardedClose(changed: () => boolean, close: () => void): () => void {
  const guarded = useGuardedAction(changed)
  return () => guarded(close)
}

/**
 * Runs an action that leaves a form's typed work behind (a wizard's Back or Skip): at once when
 * nothing changed, after the same question when something did.
 */
export function useGuardedAction(changed: () => boolean): (action: () => void) => void {
  const ask = useAskDiscard()
  return (action) => (changed() ? ask(action) : action())
}

let askBeforeLeaving: ((discard: () => void) => void) | null = null

/**
 * Mounted once in the signed-in shell: lends the navigation guard (installNavigationGuard) its
 * way of asking, in the interface's language.
 */
export function UnsavedWorkGuard(): null {
  const ask = useAskDiscard()
  useEffect(() => {
    askBeforeLeaving = ask
    return () => {
      askBeforeLeaving = null
    }
  }, [ask])
  return null
}

/**
 * Installed before the app renders, so it hears of a new address before the pages do: with
 * unsaved work, the address goes back at once (no page changes), the user is asked, and only on
 * "close without saving" is the work dropped and the address taken. A reload or a closed tab
 * asks the browser's own question when it would lose work.
 */
export function installNavigationGuard(): void {
  window.addEventListener(
    'hashchange',
    (event) => {
      const ask = askBeforeLeaving
      const target = new URL(event.newURL).hash
      if (!ask || !leavingLosesWork(target)) return
      event.stopImmediatePropagation()
      history.replaceState(history.state, '', event.oldURL)
      ask(() => {
        discardUnsavedWork(target)
        window.location.hash = target
      })
    },
    // capture: before the listeners of the pages, which are on the same target
    true,
  )
  window.addEventListener('beforeunload', (event) => {
    if (leavingLosesWork() && reloadWouldLoseWork()) event.preventDefault()
  })
}
