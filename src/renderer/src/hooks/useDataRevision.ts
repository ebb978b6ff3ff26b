import { useEffect, useRef } from 'react'
import { call } from '../api/client'

/** How often an open page asks whether the data moved: well within the 2 s a desk waits at most. */
export const REVISION_POLL_MS = 1500
/** Keys pressed this recently mean the user is typing: a refresh waits until they stop. */
const TYPING_PAUSE_MS = 2000

let lastKeyAt = 0
if (typeof window !== 'undefined') window.addEventListener('keydown', () => (lastKeyAt = Date.now()), true)

/** A dialog is on the screen (antd's modals and drawers): the page under it must not change. */
function dialogOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.ant-modal, .ant-drawer-content')].some(
    (element) => element.offsetParent !== null || element.getClientRects().length > 0,
  )
}

/** Whether a refresh now would disturb the user: typing, or a dialog open over the page. */
export function userIsBusy(): boolean {
  return Date.now() - lastKeyAt < TYPING_PAUSE_MS || dialogOpen()
}

/**
 * Calls `onChange` when another desk (or this one) has changed the data since the page last
 * looked: polls `data.revision` (the last history entry's id; one index look-up) every 1.5 s
 * while the page is visible. Polling rather than server-sent events: it needs nothing new of
 * either door (IPC and HTTP carry it as any call), it survives a restarted server, and 30 desks
 * asking one number every 1.5 s is some 20 tiny queries a second. A change seen while the user
 * types or has a dialog open is held until they stop, so no row moves under their hands; a
 * failed poll (signed out, offline) is ignored and the next one tries again.
 */
export function useDataRevision(onChange: () => void): void {
  const latest = useRef(onChange)
  latest.current = onChange

  useEffect(() => {
    let seen: number | null = null
    let asking = false
    const poll = async () => {
      if (asking || document.visibilityState !== 'visible') return
      asking = true
      try {
        const { revision } = await call('data.revision', {})
        if (seen === null) seen = revision
        else if (revision !== seen && !userIsBusy()) {
          seen = revision
          latest.current()
        }
      } catch {
        // the next poll tries again
      } finally {
        asking = false
      }
    }
    void poll()
    const timer = window.setInterval(() => void poll(), REVISION_POLL_MS)
    return () => window.clearInterval(timer)
  }, [])
}
