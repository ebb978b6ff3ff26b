/**
 * The names of every API method, and nothing else: the preload script imports this list to
 * build its bridge, so it must stay free of dependencies (the sandboxed preload cannot load
 * packages). `contract.ts` is checked against it at compile time.
 */
export const API_METHODS = [
  'app.info',
  'preferences.get',
  'preferences.update',
  'sectors.list',
  'sectors.create',
  'sectors.update',
  'sectors.move',
] as const

export type ApiMethod = (typeof API_METHODS)[number]

/** The IPC channel of a method: one channel per method, no generic channel. */
export const ipcChannel = (method: ApiMethod): string => `api:${method}`
