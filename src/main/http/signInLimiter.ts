/** Failed sign-ins one address may make in the window before it must wait. */
export const SIGN_IN_FAILURES = 20
export const SIGN_IN_WINDOW_MINUTES = 10
/** Addresses kept before the ones with nothing recent are swept out. */
const SWEEP_ABOVE = 1_000

/**
 * Failed sign-ins counted per client address, over a sliding window: the office server's
 * answer to someone on the network trying passwords across many usernames (each username is
 * locked after 5 wrong ones by AuthService, which alone would let them try 5 per name every 5
 * minutes). In memory: a restart forgets it, as it forgets the sessions.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limit = SIGN_IN_FAILURES,
    private readonly windowMs = SIGN_IN_WINDOW_MINUTES * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long (ms) the address must wait before trying again; 0 when it may now. */
  waitFor(address: string): number {
    const recent = this.recent(address)
    if (recent.length < this.limit) return 0
    return Math.max(1, recent[recent.length - this.limit]! + this.windowMs - this.now())
  }

  failed(address: string): void {
    if (this.failures.size > SWEEP_ABOVE) for (const key of [...this.failures.keys()]) this.recent(key)
    this.failures.set(address, [...this.recent(address), this.now()])
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs
    const times = (this.failures.get(address) ?? []).filter((at) => at > since)
    if (times.length === 0) this.failures.delete(address)
    else this.failures.set(address, times)
    return times
  }
}
