import { z } from 'zod'
import { DESK_ACTIONS, type DeskAction, type DeskStatus } from '@shared/api/desk'
import { DomainError, type ApiResult } from '@shared/api/errors'
import { toFieldIssues } from '@shared/api/validation'
import type { Dispatch } from '../api/dispatcher'
import type { Core } from '../core'
import type { OpenedOrRecovering } from '../recovery/openOrRecover'
import { readDeskSettings, statusOf, writeDeskSettings, type DeskSettings } from './deskSettings'
import { normaliseFingerprint } from './pinnedAgent'
import { probeServer } from './probe'
import { remoteCore, type RemoteCore, type RemoteCoreOptions } from './remoteCore'

export interface DeskDoorOptions {
  /** `<user data>/desk.json`. */
  settingsFile: string
  /** Opens this PC's own database (SQLite, or recovery mode): only ever called in local mode. */
  openLocal(): Promise<OpenedOrRecovering>
  /** Timeouts of the calls to the server (tests shorten them). */
  remote?: Pick<RemoteCoreOptions, 'connectTimeoutMs' | 'answerTimeoutMs'>
  probeTimeoutMs?: number
}

export interface DeskDoor {
  /** Every API call of the window: the local core's, the server's, or refused before the choice. */
  dispatch: Dispatch
  /** The first-start page's actions (desk.ts): status, probe, connect, chooseLocal. */
  act(action: string, input: unknown): Promise<ApiResult<unknown>>
  status(): DeskStatus
  /** This PC's core once open (local mode only): closed on exit, its daily backup. */
  current(): Core | undefined
  /** Settles with this PC's core if and when local mode opens it; never in server mode. */
  localCore: Promise<Core>
  close(): Promise<void>
}

const probeInput = z.object({ address: z.string().max(300) }).strict()
const connectInput = z.object({ address: z.string().max(300), fingerprint256: z.string().max(100) }).strict()

const NOT_CHOSEN: ApiResult<never> = {
  ok: false,
  error: { code: 'conflict', messageKey: 'desk.notChosen', issues: [] },
}

/**
 * The desktop app's start, apart from its window (which cannot run under plain Node): the
 * choice kept in desk.json decides what answers the window's calls. This PC alone: the local
 * core, as before. A desk of the office server: the remote core (remoteCore.ts), and no local
 * database is opened or made at all. No choice yet: every API call is refused, and the
 * first-start page asks (probe a server and show its fingerprint, then connect; or this PC
 * alone). Once made, the choice is not changed from the page.
 */
export async function openDeskDoor(options: DeskDoorOptions): Promise<DeskDoor> {
  let settings: DeskSettings | null = readDeskSettings(options.settingsFile)
  let local: OpenedOrRecovering | undefined
  let remote: RemoteCore | undefined
  let resolveLocal!: (core: Core) => void
  const localCore = new Promise<Core>((resolve) => (resolveLocal = resolve))

  const openLocal = async () => {
    local = await options.openLocal()
    void local.core.then(resolveLocal)
  }
  const openRemote = (chosen: DeskSettings & { mode: 'server' }) => {
    remote = remoteCore({ address: chosen.address, fingerprint256: chosen.fingerprint256, ...options.remote })
  }
  if (settings?.mode === 'local') await openLocal()
  if (settings?.mode === 'server') openRemote(settings)

  const choose = async (chosen: DeskSettings) => {
    if (settings) throw new DomainError('conflict', 'desk.alreadyChosen')
    if (chosen.mode === 'local') {
      // Opened before the choice is kept: a database that fails to open leaves the choice open.
      await openLocal()
      writeDeskSettings(options.settingsFile, chosen)
    } else {
      writeDeskSettings(options.settingsFile, chosen)
      openRemote(chosen)
    }
    settings = chosen
    return statusOf(settings)
  }

  const actions: Record<DeskAction, (input: unknown) => Promise<unknown>> = {
    status: async () => statusOf(settings),
    probe: async (input) => {
      if (settings) throw new DomainError('conflict', 'desk.alreadyChosen')
      return probeServer(parse(probeInput, input).address, options.probeTimeoutMs)
    },
    connect: async (input) => {
      const { address, fingerprint256 } = parse(connectInput, input)
      if (settings) throw new DomainError('conflict', 'desk.alreadyChosen')
      // Looked at again: what is trusted is what the server presents now, and only if it is
      // the fingerprint the clerk compared.
      const seen = await probeServer(address, options.probeTimeoutMs)
      if (seen.fingerprint256 !== normaliseFingerprint(fingerprint256)) {
        throw new DomainError('validation', 'errors.validation', [
          { path: ['fingerprint256'], messageKey: 'desk.probe.changedWhileLooking' },
        ])
      }
      return choose({
        version: 1,
        mode: 'server',
        address: seen.address,
        fingerprint256: seen.fingerprint256,
        trustedAt: new Date().toISOString(),
      })
    },
    chooseLocal: async () => choose({ version: 1, mode: 'local', chosenAt: new Date().toISOString() }),
  }

  // One action at a time: two confirmations clicked at once must not both find no choice made.
  let queue: Promise<unknown> = Promise.resolve()
  const act = async (action: DeskAction, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      return { ok: true, data: await actions[action](input) }
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toApiError() }
      console.error(`The desk's ${action} failed`, error)
      return { ok: false, error: { code: 'internal', messageKey: 'errors.internal', issues: [] } }
    }
  }

  return {
    dispatch: (method, input, ctx) => {
      if (remote) return remote.dispatch(method, input, ctx)
      if (local) return local.dispatch(method, input, ctx)
      return Promise.resolve(NOT_CHOSEN)
    },
    act: (action, input) => {
      if (!(DESK_ACTIONS as readonly string[]).includes(action)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown_method', messageKey: 'errors.unknown_method', issues: [] },
        })
      }
      const answer = queue.then(() => act(action as DeskAction, input))
      queue = answer
      return answer
    },
    status: () => statusOf(settings),
    current: () => local?.current(),
    localCore,
    close: async () => {
      remote?.close()
      await local?.current()?.close()
    },
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {})
  if (!parsed.success) throw new DomainError('validation', 'errors.validation', toFieldIssues(parsed.error))
  return parsed.data
}
