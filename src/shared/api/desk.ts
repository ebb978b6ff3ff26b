/**
 * The desk: how the desktop app runs on this computer, chosen at its first start (docs/SERVER.md,
 * "Connecting a desk"). Not API methods: the core knows nothing of them, they are answered by
 * the desktop's main process before any core exists. Dependency-free: the sandboxed preload
 * imports the channel names.
 */
export const DESK_ACTIONS = ['status', 'probe', 'connect', 'chooseLocal'] as const
export type DeskAction = (typeof DESK_ACTIONS)[number]

/** The IPC channel of a desk action; over HTTP (the browser test start) it is `/api/desk.<action>`. */
export const deskChannel = (action: DeskAction): string => `desk:${action}`

/** Not chosen yet (the first start), this PC alone, or a desk of the office server. */
export type DeskMode = 'unset' | 'local' | 'server'

export interface DeskStatus {
  mode: DeskMode
  /** server mode: https://host:port of the office server. */
  address: string | null
  /** server mode: the pinned SHA-256 fingerprint (AA:BB:…), as the server prints it. */
  fingerprint256: string | null
}

/** What the first-start dialog shows before the clerk trusts a server: nothing of it is trusted yet. */
export interface ServerProbe {
  address: string
  fingerprint256: string
  /** The certificate's names (subject alternative names), as it presents itself. */
  names: string[]
  validTo: string
  /** The program version the server's health check answers. */
  version: string
}

export interface DeskProbeInput {
  address: string
}
export interface DeskConnectInput {
  address: string
  /** The fingerprint the clerk compared and confirmed. */
  fingerprint256: string
}
