import { resolve, relative, isAbsolute, sep } from 'node:path'
import { DomainError } from '@shared/api/errors'
import type { CallContext } from '../services/context'

/**
 * Where the desktop's backup calls may reach: the backups folder, and the files and folders
 * the person chose in the desktop's own open dialog since the app started. A path typed into a
 * call from the window's scripts is refused before the disk is asked anything, so a script
 * cannot use "does this backup exist?" to probe the computer. Web mode has no dialog: there the
 * administrator at this computer types the path, and the permission check (data.manage) is the
 * guard. The office server's callers sit at other computers, and a path they type would name
 * the server's disk: there only the backups folder is reachable.
 */
export class ChosenPaths {
  private readonly chosen = new Set<string>()

  constructor(private readonly backupsDir: string) {}

  /** Called by the desktop's dialog handlers with what the person picked. */
  allow(path: string): void {
    this.chosen.add(resolve(path))
  }

  /**
   * Refuses (by field) a path outside the backups folder: on the desktop unless chosen in its
   * dialog, on the office server always.
   */
  check(path: string, field: 'file' | 'folder', ctx: CallContext): void {
    if (ctx.door === 'web') return
    const wanted = resolve(path)
    if (within(resolve(this.backupsDir), wanted)) return
    if (ctx.door === 'desktop' && this.chosen.has(wanted)) return
    const messageKey = ctx.door === 'server' ? 'validation.pathOutsideServerBackups' : 'validation.pathNotChosen'
    throw new DomainError('validation', 'errors.validation', [{ path: [field], messageKey }])
  }
}

function within(folder: string, path: string): boolean {
  const inside = relative(folder, path)
  return inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))
}
