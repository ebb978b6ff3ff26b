import { DomainError, type ApiResult } from '@shared/api/errors'
import { contract } from '@shared/api/contract'
import { toFieldIssues } from '@shared/api/validation'
import type { RecoveryResult } from '@shared/api/contract'
import type { Dispatch } from '../api/dispatcher'
import { attachmentsDirFor, startCore, type Core, type CoreOptions } from '../core'
import { DatabaseTooNewError } from '../db/migrate'
import { backupsDirOf } from '../backup/names'
import { dirname } from 'node:path'
import { recoveryCauseOf } from './recoveryCause'
import { RecoveryService } from './RecoveryService'
import { NOT_RECOVERING, refuseRecovery } from './outsideRecovery'

export interface OpenedOrRecovering {
  /** The door's one dispatch: recovery's while the database will not open, the core's after. */
  dispatch: Dispatch
  /** Settles with the core once the database opens: at once, or after a recovery action. */
  core: Promise<Core>
  /** The core if it is up (to close it on exit). */
  current(): Core | undefined
  /** Why the app is in recovery mode, or null when the core opened at once. */
  recovery: RecoveryService | null
}

/**
 * Starts the core; when the SQLite file is what keeps it from opening (recoveryCause.ts), the
 * door serves recovery mode instead of a stack trace, and the same door carries the normal
 * API once a recovery action has brought the core up. Anything else (PostgreSQL, a file from
 * a newer program, a failure the file is not to blame for) is thrown as before.
 */
export async function openOrRecover(
  options: CoreOptions,
  start: (options: CoreOptions) => Promise<Core> = startCore,
  log: (message: string, error: unknown) => void = console.error,
): Promise<OpenedOrRecovering> {
  try {
    const core = await start(options)
    return { dispatch: core.dispatch, core: Promise.resolve(core), current: () => core, recovery: null }
  } catch (error) {
    const cause = recoverable(error, options)
    if (!cause) throw error
    log('The database could not be opened; starting in recovery mode', error)
    const recovery = new RecoveryService({
      databaseFile: options.databaseFile,
      backupsDir: options.backupsDir ?? backupsDirOf(dirname(options.databaseFile)),
      attachmentsDir: attachmentsDirFor(options),
      cause,
      nativeBinding: options.nativeBinding,
    })
    let opened: Core | undefined
    let resolveCore!: (core: Core) => void
    const core = new Promise<Core>((resolve) => (resolveCore = resolve))

    /** After an action: the normal start, or back to the page with the new cause. */
    const restart = async (): Promise<void> => {
      try {
        opened = await start(options)
      } catch (again) {
        const cause = recoverable(again, options)
        if (!cause) log('The database did not open after recovery', again)
        else recovery.failedAgain(cause)
        throw new DomainError('conflict', 'recovery.startFailed')
      }
      resolveCore(opened)
    }
    const recoveryDispatch = oneAtATime(async (method, input) => {
      if (method === 'recovery.status') return opened ? NOT_RECOVERING : recovery.status()
      if (method !== 'recovery.restore' && method !== 'recovery.startEmpty') {
        throw new DomainError('conflict', 'recovery.active')
      }
      // An action asked twice: the second finds the core up and changes nothing.
      if (opened) refuseRecovery()
      let result: RecoveryResult
      if (method === 'recovery.restore') {
        const parsed = contract['recovery.restore'].input.safeParse(input)
        if (!parsed.success) throw new DomainError('validation', 'errors.validation', toFieldIssues(parsed.error))
        result = recovery.restore(parsed.data.name)
      } else result = recovery.startEmpty()
      await restart()
      return result
    }, log)
    return {
      dispatch: (method, input, ctx) =>
        opened ? opened.dispatch(method, input, ctx) : recoveryDispatch(method, input, ctx),
      core,
      current: () => opened,
      recovery,
    }
  }
}

function recoverable(error: unknown, options: CoreOptions) {
  if (options.postgresUrl !== undefined || error instanceof DatabaseTooNewError) return null
  return recoveryCauseOf(options.databaseFile, options.nativeBinding)
}

/** Recovery's calls run one at a time (a file swap is under way), answered in the API's shape. */
function oneAtATime(
  handle: (method: string, input: unknown) => Promise<unknown>,
  log: (message: string, error: unknown) => void,
): Dispatch {
  let queue: Promise<unknown> = Promise.resolve()
  return (method, input) => {
    const answer = queue.then(async (): Promise<ApiResult<unknown>> => {
      try {
        return { ok: true, data: await handle(method, input) }
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error: error.toApiError() }
        log('A recovery action failed', error)
        return { ok: false, error: { code: 'internal', messageKey: 'recovery.actionFailed', issues: [] } }
      }
    })
    queue = answer
    return answer
  }
}
