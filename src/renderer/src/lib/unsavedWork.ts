/**
 * The typed work the page holds and has not saved: one entry per form or dialog with changes,
 * so that closing a dialog, leaving a page (the sidebar, a link, a shortcut) or reloading asks
 * first. Kept outside React: the navigation guard runs before any component hears of a new
 * address (see useUnsavedWork.tsx).
 */
export interface UnsavedEntry {
  /** Run when the user chose to drop the work (a kept draft is forgotten, say). */
  discard?: () => void
  /** The work is kept elsewhere (a registration draft in the tab's storage): a reload loses nothing. */
  survivesReload?: boolean
}

const entries = new Map<symbol, UnsavedEntry>()

/** Marks (or clears, with `null`) one form's unsaved work. */
export function setUnsaved(owner: symbol, entry: UnsavedEntry | null): void {
  if (entry) entries.set(owner, entry)
  else entries.delete(owner)
}

export function hasUnsavedWork(): boolean {
  return entries.size > 0
}

/** Whether reloading the page would lose typed work. */
export function reloadWouldLoseWork(): boolean {
  return [...entries.values()].some((entry) => !entry.survivesReload)
}

/** The user chose to drop everything unsaved (to leave the page): each entry's discard, then none is left. */
export function discardUnsavedWork(): void {
  const dropped = [...entries.values()]
  entries.clear()
  for (const entry of dropped) entry.discard?.()
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

let saving = 0
/** The address a page moved to as its save finished: its hashchange arrives after the save has ended. */
let movedOnTo: string | null = null

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
    if (window.location.hash !== before) movedOnTo = window.location.hash
  }
}

/** Whether leaving for `target` (an address's hash) should ask: unsaved work, and not a saving page moving on. */
export function leavingLosesWork(target?: string): boolean {
  if (target !== undefined && target === movedOnTo) {
    movedOnTo = null
    return false
  }
  return saving === 0 && hasUnsavedWork()
}
