/** Timing: process.hrtime, warm-up runs first, then N runs; median and p95 (nearest rank). */

export interface Stats {
  n: number
  median: number
  p95: number
  min: number
  max: number
}

export interface Timing {
  warmup: number
  runs: number
  /**
   * Stop measuring after this long (at least one run): long exports on a busy machine. The
   * warm-up stops after this long too (at least one): a search that reads a whole table on
   * PostgreSQL takes seconds, and three warm-ups of it would take minutes.
   */
  maxMs?: number
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0]!, max: sorted.at(-1)! }
}

const now = () => process.hrtime.bigint()
const ms = (from: bigint) => Number(now() - from) / 1e6

/** Runs `fn(i)` warm-up + runs times and returns the timings of the measured runs, in ms. */
export async function time(fn: (i: number) => unknown, { warmup, runs, maxMs = Infinity }: Timing): Promise<Stats> {
  const warming = now()
  for (let i = 0; i < warmup && (i === 0 || ms(warming) < maxMs); i++) await fn(i)
  const samples: number[] = []
  const started = now()
  for (let i = 0; i < runs && (i === 0 || ms(started) < maxMs); i++) {
    const t = now()
    await fn(warmup + i)
    samples.push(ms(t))
  }
  return stats(samples)
}

/**
 * Two ways of doing the same work, measured interleaved (app, raw, app, raw…) so that a noisy
 * neighbour slows both alike and their ratio stays meaningful.
 */
export async function timePair(
  app: (i: number) => unknown,
  raw: (i: number) => unknown,
  { warmup, runs, maxMs = Infinity }: Timing,
): Promise<{ app: Stats; raw: Stats }> {
  const warming = now()
  for (let i = 0; i < warmup && (i === 0 || ms(warming) < maxMs); i++) {
    await app(i)
    await raw(i)
  }
  const a: number[] = []
  const r: number[] = []
  const started = now()
  for (let i = 0; i < runs && (i === 0 || ms(started) < maxMs); i++) {
    let t = now()
    await app(warmup + i)
    a.push(ms(t))
    t = now()
    await raw(warmup + i)
    r.push(ms(t))
  }
  return { app: stats(a), raw: stats(r) }
}

export interface Budget {
  /** The limit in ms. */
  ms: number
  /** Which statistic the limit applies to: p95 where the task says so, else the median. */
  on: 'p95' | 'median'
  /** Largest allowed ratio to the raw baseline (medians). */
  ratio?: number
  /** Largest allowed peak memory (process RSS), MB. */
  peakMb?: number
}

export interface Result {
  size: string
  operation: string
  app: Stats | null
  raw: Stats | null
  /** What the raw baseline does. */
  baseline: string
  budget: Budget | null
  peakMb?: number
  note?: string
}

export function verdict(r: Result): 'met' | 'MISSED' | '—' {
  if (!r.budget || !r.app) return '—'
  const value = r.budget.on === 'p95' ? r.app.p95 : r.app.median
  if (value > r.budget.ms) return 'MISSED'
  if (r.budget.ratio !== undefined && r.raw && r.app.median / r.raw.median > r.budget.ratio) return 'MISSED'
  if (r.budget.peakMb !== undefined && r.peakMb !== undefined && r.peakMb > r.budget.peakMb) return 'MISSED'
  return 'met'
}

const f = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2))

export function budgetText(b: Budget | null): string {
  if (!b) return '—'
  const parts = [`${b.on === 'p95' ? 'p95 ' : ''}${b.ms >= 1000 ? `${b.ms / 1000} s` : `${b.ms} ms`}`]
  if (b.ratio) parts.push(`≤${b.ratio}× raw`)
  if (b.peakMb) parts.push(`≤${b.peakMb} MB`)
  return parts.join(', ')
}

/** The results as a Markdown table (readable in a terminal, pasteable into docs/PERFORMANCE.md). */
export function table(results: Result[]): string {
  const head = [
    'size',
    'operation',
    'n',
    'median ms',
    'p95 ms',
    'budget',
    'verdict',
    'raw median ms',
    'ratio',
    'peak MB',
    'baseline / note',
  ]
  const rows = results.map((r) => [
    r.size,
    r.operation,
    r.app ? String(r.app.n) : '—',
    r.app ? f(r.app.median) : '—',
    r.app ? f(r.app.p95) : '—',
    budgetText(r.budget),
    verdict(r),
    r.raw ? f(r.raw.median) : '—',
    r.app && r.raw ? `${(r.app.median / r.raw.median).toFixed(2)}×` : '—',
    r.peakMb !== undefined ? r.peakMb.toFixed(0) : '—',
    [r.baseline, r.note].filter(Boolean).join('; '),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}
