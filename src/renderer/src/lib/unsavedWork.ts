/**
 * The typed work the page holds and has not saved: one entry per form or dialog on screen, asked
 * whether it holds changes at the moment that matters, so that closing a dialog, leaving a page
 * (the sidebar, a link, a shortcut) or reloading asks first. Kept outside React: the navigation
 * guard runs before any component hears of a new address (see useUnsavedWork.tsx). Asked then
 * rather than told on each render: a form hears of a typed change a task or two late (antd's
 * watchers run in a macrotask), and a click on the sidebar in that gap must still be asked about.
 */
export interface UnsavedEntry {
  /** Whether the form holds changes now, from its own store. */
  changed: () => boolean
  /** Run when the user chose to drop the work (a kept draft is forgotten, say). */
  discard?: () => void
  /** The work is kept elsewhere (a registration draft in the tab's storage): a reload loses nothing. */
  survivesReload?: boolean
}

const entries = new Map<symbol, UnsavedEntry>()
/** Saves on their way (whileSaving): meanwhile leaving does not ask. */
let saving = 0
/**
 * An address let through once: the one a page moved to as its save finished (its hashchange
 * arrives after the save has ended), or the one the user chose to go to without saving.
 */
let passingTo: string | null = null

/** Adds (or removes, with `null`) one form on screen. */
export function setUnsaved(owner: symbol, entry: UnsavedEntry | null): void {
  if (entry) entries.set(owner, entry)
  else entries.delete(owner)
}

const changedEntries = () => [...entries.values()].filter((entry) => entry.changed())

export function hasUnsavedWork(): boolean {
  return changedEntries().length > 0
}

/** Whether reloading the page would lose typed work. */
export function reloadWouldLoseWork(): boolean {
  return changedEntries().some((entry) => !entry.survivesReload)
}

/**
 * The user chose to drop everything unsaved to go to `target` (an address's hash): each
 * changed form's discard runs, and that address is let through once. The forms themselves
 * leave the list as the page they are on closes.
 */
export function discardUnsavedWork(target: string): void {
  for (const entry of changedEntries()) entry.discard?.()
  passingTo = target
}

/** Empty, blank and missing mean the same in a form: a field typed into and emptied again is unchanged. */
const blank = (value: unknown) => value === undefined || value === null || value === ''

/**
 * Whether a form's values differ from what it started with, compared field by field (nested
 * groups, lists and dates by their JSON). A field the start did not name counts when it holds
 * something.
 */
export function valuesDiffer(initial: unknown, current: unknown): boolean {
  if (blank(initial) && blank(current)) return false
  if (isGroup(initial) && isGroup(current)) {
    const keys = new Set([...Object.keys(initial), ...Object.keys(current)])
    return [...keys].some((key) => valuesDiffer(initial[key], current[key]))
  }
  return JSON.stringify(initial) !== JSON.stringify(current)
}

function isGroup(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * Runs a save; meanwhile, and for the address the page moves to as it finishes, leaving does
 * not ask: a page that saved moves on to what it saved (the appeal's card, the meeting) and
 * nothing typed is left behind.
 */
export async function whileSaving<T>(save: () => Promise<T>): Promise<T> {
  const before = window.location.hash
  saving += 1
  try {
    return await save()
  } finally {
    saving -= 1
    if (window.location.hash !== before) passingTo = window.location.hash
  }
}

/** Whether leaving for `target` (an address's hash) should ask: unsaved work, and not an address let through. */
export function leavingLosesWork(target?: string): boolean {
  if (target !== undefined && target === passingTo) {
    passingTo = null
    return false
  }
  return saving === 0 && hasUnsavedWork()
}
