import { useSyncExternalStore } from 'react'
import type { ApiError } from '@shared/api/errors'

/**
 * A desk of the office server that cannot use it: the server does not answer (`unreachable`:
 * the page says so and tries again), or it presented another certificate than the trusted one
 * (`certificate_changed`: refused for good, until an administrator looks). Null while calls
 * are answered. Nothing in the page answers a call itself meanwhile.
 */
export type ConnectionProblem = ApiError & { code: 'unreachable' | 'certificate_changed' }

let problem: ConnectionProblem | null = null
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

export const isConnectionProblem = (error: ApiError): error is ConnectionProblem =>
  error.code === 'unreachable' || error.code === 'certificate_changed'

/** Called with every answer: a refusal of the connection sets the problem, any other answer clears it. */
export function noteAnswer(error: ApiError | null): void {
  const next = error && isConnectionProblem(error) ? error : null
  // A changed certificate stays until the program starts again: an answer does not undo it.
  if (problem?.code === 'certificate_changed' || (next === null && problem === null)) return
  if (next?.code === problem?.code && next !== null) return
  problem = next
  notify()
}

export function currentProblem(): ConnectionProblem | null {
  return problem
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** The connection's problem, re-rendering as it comes and goes. */
export function useConnectionProblem(): ConnectionProblem | null {
  return useSyncExternalStore(subscribe, currentProblem)
}

/**
 * Runs `then` once the server answers again (the banner's retries bring that about): how a page
 * that could not load because the server was away loads once it is back.
 */
export function onceServerAnswers(then: () => void): void {
  if (problem === null) return then()
  const listener = () => {
    if (problem !== null) return
    listeners.delete(listener)
    then()
  }
  listeners.add(listener)
}

/** A call refused because the office server does not answer. */
export const isUnreachable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { error?: ApiError }).error?.code === 'unreachable'
